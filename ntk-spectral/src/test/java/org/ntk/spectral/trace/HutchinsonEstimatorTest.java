package org.ntk.spectral.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;

class HutchinsonEstimatorTest extends TraceEstimatorContractTest {

    @Override
    TraceEstimator estimator() {
        return new HutchinsonEstimator();
    }

    @Override
    double honestyFactor() {
        // the sample standard error of independent terms is consistent; measured ratio 1.12 at budget 30
        return 1.5;
    }

    @Test
    void exactOnDiagonalMatrices() {
        // closed form: zᵀ D z = Σ d_i z_i² = tr D for every Rademacher z, so every term is the trace
        int n = 50;
        double[][] d = new double[n][n];
        double trace = 0;
        for (int i = 0; i < n; i++) {
            d[i][i] = 1.0 / (i + 1);
            trace += d[i][i];
        }
        TraceEstimate e = estimator().estimate(DenseKernelMatrix.of(d), 70, 9);
        assertEquals(trace, e.estimate(), 1e-13);
        assertEquals(0.0, e.standardError(), 1e-13);
        assertEquals(70, e.matvecs());
    }

    @Test
    void matchesOneProbeAtATime() {
        // independent computation: the same Rademacher stream drawn one probe at a time, each probe
        // multiplied by the single-vector product; mean and sample standard error (divisor m − 1)
        // computed here. The budget spans three blocks, so this also checks that blocking does not
        // change which probes are used.
        TestMatrices.Planted p = planted();
        int n = p.matrix().size();
        int m = 2 * HutchinsonEstimator.BLOCK + 5;
        java.util.SplittableRandom random = new java.util.SplittableRandom(77);
        double[] terms = new double[m];
        double[] kz = new double[n];
        for (int j = 0; j < m; j++) {
            double[] z = Blocks.rademacher(random, n, 1);
            p.matrix().multiply(z, kz);
            for (int i = 0; i < n; i++) {
                terms[j] += z[i] * kz[i];
            }
        }
        double mean = 0;
        for (double t : terms) {
            mean += t / m;
        }
        double ss = 0;
        for (double t : terms) {
            ss += (t - mean) * (t - mean);
        }
        TraceEstimate e = estimator().estimate(p.matrix(), m, 77);
        assertEquals(mean, e.estimate(), 1e-12 * Math.abs(mean));
        assertEquals(Math.sqrt(ss / (m - 1) / m), e.standardError(), 1e-10 * e.standardError());
    }
}
