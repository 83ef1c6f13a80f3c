package org.ntk.spectral.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.progress.ProgressListener;

class StochasticLanczosQuadratureTest {

    private static double[] spectrum(int n) {
        // A planted spectrum with a spread-out bulk and two outliers.
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 0.5 + Math.pow((double) i / n, 2) * 3;
        }
        lambda[0] = 12;
        lambda[1] = 9;
        return lambda;
    }

    private static double traceMoment(double[] lambda, int j) {
        double s = 0;
        for (double l : lambda) {
            s += DiscreteSpectralMeasure.pow(l, j);
        }
        return s / lambda.length;
    }

    @Test
    void weightsSumToOnePerProbe() {
        KernelMatrix k = DensityTestMatrices.planted(spectrum(80), 5);
        SlqEstimate e = StochasticLanczosQuadrature.estimate(k, 7, 15, ProbeDistribution.GAUSSIAN, 1);
        assertEquals(7, e.probes());
        for (DiscreteSpectralMeasure m : e.probeMeasures()) {
            assertEquals(15, m.size());
            assertEquals(1.0, m.totalWeight(), 1e-13);
        }
        assertEquals(1.0, e.measure().totalWeight(), 1e-13);
    }

    @Test
    void rademacherMomentsOfADiagonalMatrixAreExact() {
        // For diagonal K and ±1 probes, qᵀK^j q = Σ_i K_ii^j / n exactly, and Gauss quadrature with m steps is
        // exact for j ≤ 2m − 1: every probe must give tr(K^j)/n to rounding.
        double[] lambda = spectrum(60);
        KernelMatrix k = DensityTestMatrices.diagonal(lambda);
        int m = 6;
        SlqEstimate e = StochasticLanczosQuadrature.estimate(k, 3, m, ProbeDistribution.RADEMACHER, 9);
        for (DiscreteSpectralMeasure probe : e.probeMeasures()) {
            for (int j = 0; j <= 2 * m - 1; j++) {
                double exact = traceMoment(lambda, j);
                assertEquals(exact, probe.moment(j), 1e-12 * exact, "j = " + j);
            }
        }
    }

    @Test
    void momentsMatchTracesWithinMonteCarloError() {
        // Hutchinson: the mean over probes of qᵀK^j q is unbiased for tr(K^j)/n; 200 Gaussian probes,
        // tolerance 5 standard errors estimated from the probes themselves (j ≤ 2m − 1 = 19 is exact per probe).
        double[] lambda = spectrum(120);
        KernelMatrix k = DensityTestMatrices.planted(lambda, 3);
        SlqEstimate e = StochasticLanczosQuadrature.estimate(k, 200, 10, ProbeDistribution.GAUSSIAN, 17);
        for (int j = 1; j <= 6; j++) {
            double exact = traceMoment(lambda, j);
            double se = e.momentStandardError(j);
            assertTrue(se > 0);
            assertEquals(exact, e.moment(j), 5 * se, "j = " + j);
        }
    }

    @Test
    void fullKrylovSpaceRecoversTheEigenvalues() {
        // With m = n steps (or an early invariant subspace) every probe's nodes are eigenvalues of K.
        double[] lambda = {5, 4, 4, 2, 1, 0.5};
        KernelMatrix k = DensityTestMatrices.planted(lambda, 11);
        SlqEstimate e = StochasticLanczosQuadrature.estimate(k, 2, 50, ProbeDistribution.GAUSSIAN, 2);
        for (DiscreteSpectralMeasure probe : e.probeMeasures()) {
            // The repeated eigenvalue 4 is seen once by a single start vector: 5 distinct nodes.
            assertEquals(5, probe.size());
            double[] nodes = probe.nodes();
            Arrays.sort(nodes);
            assertArrayEquals(new double[] {0.5, 1, 2, 4, 5}, nodes, 1e-12);
        }
    }

    @Test
    void smoothedDensityIntegratesToOne() {
        // Gaussian broadening σ = 0.05 on a grid extending 10σ beyond the extreme nodes; trapezoid rule with
        // step σ/10 (error far below 1e-6 for a sum of Gaussians).
        KernelMatrix k = DensityTestMatrices.planted(spectrum(100), 21);
        SlqEstimate e = StochasticLanczosQuadrature.estimate(k, 10, 20, ProbeDistribution.RADEMACHER, 4);
        DiscreteSpectralMeasure m = e.measure();
        double sigma = 0.05;
        double lo = m.min() - 10 * sigma;
        double hi = m.max() + 10 * sigma;
        int points = (int) Math.ceil((hi - lo) / (sigma / 10)) + 1;
        double[] grid = DensityTestMatrices.linspace(lo, hi, points);
        double[] dens = e.density(grid, Broadening.GAUSSIAN, sigma);
        assertEquals(1.0, DensityTestMatrices.trapezoid(grid, dens), 1e-6);
    }

    @Test
    void resultIsBitwiseIdenticalForEveryThreadCount() {
        KernelMatrix k = DensityTestMatrices.planted(spectrum(50), 8);
        SlqEstimate one = StochasticLanczosQuadrature.estimate(k, 9, 12, ProbeDistribution.GAUSSIAN, 77, 1,
                ProgressListener.NONE);
        SlqEstimate three = StochasticLanczosQuadrature.estimate(k, 9, 12, ProbeDistribution.GAUSSIAN, 77, 3,
                ProgressListener.NONE);
        assertEquals(one, three);
        SlqEstimate other = StochasticLanczosQuadrature.estimate(k, 9, 12, ProbeDistribution.GAUSSIAN, 78);
        assertTrue(!one.equals(other));
    }

    @Test
    void reportsProgressPerProbe() {
        KernelMatrix k = DensityTestMatrices.diagonal(spectrum(20));
        AtomicLong calls = new AtomicLong();
        AtomicLong last = new AtomicLong();
        StochasticLanczosQuadrature.estimate(k, 5, 4, ProbeDistribution.RADEMACHER, 1, 2, (task, done, total) -> {
            assertEquals("slq", task);
            assertEquals(5, total);
            calls.incrementAndGet();
            last.accumulateAndGet(done, Math::max);
        });
        assertEquals(5, calls.get());
        assertEquals(5, last.get());
    }

    @Test
    void zeroAndOneByOneMatrices() {
        SlqEstimate zero = StochasticLanczosQuadrature.estimate(DensityTestMatrices.diagonal(new double[4]), 2, 3,
                ProbeDistribution.GAUSSIAN, 1);
        assertEquals(1, zero.probeMeasures().get(0).size());
        assertEquals(0.0, zero.moment(1), 0.0);
        SlqEstimate one = StochasticLanczosQuadrature.estimate(DenseKernelMatrix.of(new double[][] {{2.5}}), 1, 5,
                ProbeDistribution.RADEMACHER, 1);
        assertEquals(2.5, one.moment(1), 0.0);
        assertTrue(Double.isNaN(one.momentStandardError(1)));
    }

    @Test
    void rejections() {
        KernelMatrix k = DensityTestMatrices.diagonal(new double[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StochasticLanczosQuadrature.estimate(k, 0, 3, ProbeDistribution.GAUSSIAN, 1));
        assertTrue(e.getMessage().startsWith("probes "));
        e = assertThrows(IllegalArgumentException.class,
                () -> StochasticLanczosQuadrature.estimate(k, 1, 0, ProbeDistribution.GAUSSIAN, 1));
        assertTrue(e.getMessage().startsWith("steps "));
        e = assertThrows(IllegalArgumentException.class, () -> StochasticLanczosQuadrature.estimate(k, 1, 2,
                ProbeDistribution.GAUSSIAN, 1, 0, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("threads "));
        assertThrows(NullPointerException.class,
                () -> StochasticLanczosQuadrature.estimate(null, 1, 2, ProbeDistribution.GAUSSIAN, 1));
        assertThrows(NullPointerException.class, () -> StochasticLanczosQuadrature.estimate(k, 1, 2, null, 1));
    }

    @Test
    void probeMeasuresAreBitwiseTheSameForEveryThreadCount() {
        double[] lambda = new double[60];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = 1 + i * 0.1;
        }
        KernelMatrix k = DensityTestMatrices.diagonal(lambda);
        SlqEstimate one = StochasticLanczosQuadrature.estimate(k, 7, 12, ProbeDistribution.RADEMACHER, 3, 1,
                ProgressListener.NONE);
        for (int threads : new int[] {2, 3, 16}) {
            SlqEstimate many = StochasticLanczosQuadrature.estimate(k, 7, 12, ProbeDistribution.RADEMACHER, 3, threads,
                    ProgressListener.NONE);
            for (int p = 0; p < 7; p++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(one.probeNodes().get(p), many.probeNodes().get(p), 0.0,
                        "probe " + p + ", " + threads + " threads");
            }
            assertEquals(one.moment(2), many.moment(2), 0.0);
        }
    }
}
