package org.ntk.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.density.ProbeDistribution;
import org.ntk.spectral.density.SlqEstimate;
import org.ntk.spectral.density.StochasticLanczosQuadrature;
import org.ntk.spectral.trace.HutchPlusPlusEstimator;
import org.ntk.spectral.trace.HutchinsonEstimator;
import org.ntk.spectral.trace.TraceEstimate;
import org.ntk.spectral.trace.TraceEstimator;
import org.ntk.spectral.trace.XTraceEstimator;

/**
 * The same input and seed give bitwise-identical spectra: the dense decomposition on repeated runs,
 * block Lanczos for a fixed seed (also for a matrix-free operator whose products run on 1, 2 or 3
 * threads, and through the completeness check's repeated solve), the trace estimators, and stochastic
 * Lanczos quadrature for 1, 2 and 3 threads.
 */
class ReproducibilityTest {

    private static void assertSame(Decomposition a, Decomposition b, String what) {
        assertEquals(a.count(), b.count(), what);
        assertArrayEquals(a.eigenvalues(), b.eigenvalues(), what);
        assertArrayEquals(a.residuals(), b.residuals(), what);
        for (int i = 0; i < a.count(); i++) {
            assertArrayEquals(a.eigenvector(i), b.eigenvector(i), what + ", vector " + i);
        }
    }

    @Test
    void denseDecompositionsAreBitwiseIdenticalOnRepeatedRuns() {
        KernelMatrix fim = FisherInformation.analytic(ReluNetwork.random(7, 300, WeightScale.FAN_IN, 3), 2);
        Decomposition first = Spectra.decompose(fim);
        double[] values = Spectra.eigenvalues(fim);
        for (int run = 0; run < 3; run++) {
            assertSame(first, Spectra.decompose(fim), "decompose, run " + run);
            assertArrayEquals(values, Spectra.eigenvalues(fim), "eigenvalues, run " + run);
        }
        // the same matrix rebuilt from the same seed
        KernelMatrix again = FisherInformation.analytic(ReluNetwork.random(7, 300, WeightScale.FAN_IN, 3), 3);
        assertSame(first, Spectra.decompose(again), "decompose of the rebuilt matrix");
    }

    @Test
    void lanczosIsBitwiseIdenticalForASeedAndAnyThreadCountOfTheProducts() {
        double[][] x = Gaussians.standardNormal(400, 6, 5);
        Decomposition reference = Spectra.top(ImplicitKernelMatrix.of(Kernels.twoLayerNtk(), x, 1), 8);
        for (int threads : new int[] {1, 2, 3}) {
            KernelMatrix k = ImplicitKernelMatrix.of(Kernels.twoLayerNtk(), x, threads);
            assertSame(reference, Spectra.top(k, 8), "threads " + threads);
        }
        assertSame(reference, Spectra.top(Kernels.twoLayerNtk().gram(x, 2), 8), "dense Gram matrix");
        // a solve repeated by the completeness check (block 1 on a 4-fold eigenvalue) is reproducible too
        double[] lambda = new double[60];
        for (int i = 0; i < 60; i++) {
            lambda[i] = i < 4 ? 2 : 1.0 / (i + 1);
        }
        KernelMatrix planted = TestMatrices.planted(lambda, 8);
        LanczosOptions one = LanczosOptions.defaults().withBlockSize(1).withSeed(42);
        assertSame(Spectra.top(planted, 5, one), Spectra.top(planted, 5, one), "block size 1, repeated solve");
    }

    @Test
    void traceEstimatesAndSlqAreBitwiseIdenticalForASeed() {
        KernelMatrix k = ImplicitKernelMatrix.of(Kernels.arcCosine(1), Gaussians.standardNormal(300, 5, 6), 2);
        for (TraceEstimator t : new TraceEstimator[] {new HutchinsonEstimator(), new HutchPlusPlusEstimator(),
            new XTraceEstimator()}) {
            TraceEstimate a = t.estimate(k, 40, 17);
            TraceEstimate b = t.estimate(ImplicitKernelMatrix.of(Kernels.arcCosine(1),
                    Gaussians.standardNormal(300, 5, 6), 3), 40, 17);
            assertEquals(a, b, t.toString());
        }
        SlqEstimate reference = StochasticLanczosQuadrature.estimate(k, 7, 25, ProbeDistribution.RADEMACHER, 99);
        for (int threads : new int[] {1, 2, 3}) {
            SlqEstimate s = StochasticLanczosQuadrature.estimate(k, 7, 25, ProbeDistribution.RADEMACHER, 99, threads,
                    ProgressListener.NONE);
            assertEquals(reference.probes(), s.probes());
            for (int p = 0; p < s.probes(); p++) {
                assertEquals(reference.probeMeasures().get(p), s.probeMeasures().get(p), "threads " + threads);
            }
        }
    }
}
