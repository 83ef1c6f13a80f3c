package org.ntk.spectral.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;

/**
 * The contract every {@link TraceEstimator} must meet: unbiased with an honest standard error,
 * reproducible from its seed, only products K V used and counted, and rejections of bad arguments.
 */
abstract class TraceEstimatorContractTest {

    /** n = 300, λ_i = 0.9^i (i = 0..299): a fast-decaying planted spectrum, tr = (1 − 0.9^300)/0.1. */
    private static TestMatrices.Planted planted;

    abstract TraceEstimator estimator();

    /**
     * The largest accepted ratio between the root-mean-square error over seeds and the
     * root-mean-square reported standard error (and its inverse the smallest).
     */
    abstract double honestyFactor();

    static synchronized TestMatrices.Planted planted() {
        if (planted == null) {
            planted = TestMatrices.planted(TestMatrices.geometric(300, 0.9), 11);
        }
        return planted;
    }

    @Test
    void unbiasedWithHonestStandardError() {
        // Monte Carlo over R = 200 seeds at budget 30. Unbiasedness: the mean error is within
        // 5 standard errors of the mean, SE_mean = rms(reported SE)/√R. Honesty: the root-mean-square
        // error (against the exact trace) over rms(reported SE) lies in [1/f, f]; with 200 seeds the
        // empirical rms error itself fluctuates by about 5 %.
        TestMatrices.Planted p = planted();
        double exact = p.trace();
        int repeats = 200;
        double sumErr = 0;
        double sumErr2 = 0;
        double sumSe2 = 0;
        for (int s = 0; s < repeats; s++) {
            TraceEstimate e = estimator().estimate(p.matrix(), 30, 1000 + s);
            double err = e.estimate() - exact;
            sumErr += err;
            sumErr2 += err * err;
            sumSe2 += e.standardError() * e.standardError();
        }
        double rmsSe = Math.sqrt(sumSe2 / repeats);
        double meanErr = sumErr / repeats;
        assertTrue(Math.abs(meanErr) <= 5 * rmsSe / Math.sqrt(repeats),
                "mean error " + meanErr + " exceeds 5 standard errors of the mean, " + 5 * rmsSe / Math.sqrt(repeats));
        double ratio = Math.sqrt(sumErr2 / repeats) / rmsSe;
        double f = honestyFactor();
        assertTrue(ratio <= f && ratio >= 1 / f, "rms error / rms reported SE = " + ratio + ", outside [1/" + f + ", " + f + "]");
        // and the single estimates are useful: rms relative error well below 1 at 30 products
        assertTrue(Math.sqrt(sumErr2 / repeats) / exact < 0.1, "rms relative error " + Math.sqrt(sumErr2 / repeats) / exact);
    }

    @Test
    void sameSeedGivesIdenticalEstimate() {
        KernelMatrix k = planted().matrix();
        TraceEstimate a = estimator().estimate(k, 24, 42);
        TraceEstimate b = estimator().estimate(k, 24, 42);
        assertEquals(a, b);
        assertEquals(Double.doubleToLongBits(a.estimate()), Double.doubleToLongBits(b.estimate()));
        assertEquals(Double.doubleToLongBits(a.standardError()), Double.doubleToLongBits(b.standardError()));
        assertEquals(42, a.seed());
        TraceEstimate c = estimator().estimate(k, 24, 43);
        assertNotEquals(a.estimate(), c.estimate());
        assertEquals(43, c.seed());
    }

    @Test
    void usesOnlyProductsAndCountsThem() {
        for (int budget : new int[] {estimator().minimumBudget(), 7, 30, 31, 100}) {
            TestMatrices.Counting k = new TestMatrices.Counting(planted().matrix());
            TraceEstimate e = estimator().estimate(k, budget, 5);
            assertEquals(k.products(), e.matvecs(), "reported products at budget " + budget);
            assertTrue(e.matvecs() <= budget && e.matvecs() >= budget - 1, "products " + e.matvecs() + " at budget " + budget);
            assertTrue(e.standardError() > 0, "standard error at budget " + budget);
        }
    }

    @Test
    void oneByOneIsExact() {
        // closed form: every unbiased estimator built from ±1 or √n-sphere probes is exact for n = 1
        KernelMatrix k = DenseKernelMatrix.of(new double[][] {{2.5}});
        TraceEstimate e = estimator().estimate(k, 12, 3);
        assertEquals(2.5, e.estimate(), 1e-14);
        assertEquals(0.0, e.standardError(), 1e-14);
    }

    @Test
    void zeroMatrixGivesZero() {
        KernelMatrix k = DenseKernelMatrix.of(new double[7][7]);
        TraceEstimate e = estimator().estimate(k, 12, 3);
        assertEquals(0.0, e.estimate());
        assertEquals(0.0, e.standardError());
    }

    @Test
    void rejectsNullMatrix() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> estimator().estimate(null, 12, 1));
        assertEquals("k", e.getMessage());
    }

    @Test
    void rejectsBudgetBelowMinimum() {
        int min = estimator().minimumBudget();
        assertTrue(min >= 2);
        KernelMatrix k = planted().matrix();
        for (int budget : new int[] {min - 1, 0, -5, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> estimator().estimate(k, budget, 1));
            assertTrue(e.getMessage().startsWith("budget"), e.getMessage());
        }
    }

    @Test
    void rejectsNonFiniteProducts() {
        KernelMatrix nan = new KernelMatrix() {
            @Override
            public int size() {
                return 10;
            }

            @Override
            public double get(int i, int j) {
                return Double.NaN;
            }

            @Override
            public double trace() {
                return Double.NaN;
            }

            @Override
            public void multiply(double[] v, double[] out) {
                java.util.Arrays.fill(out, Double.NaN);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimator().estimate(nan, 12, 1));
        assertTrue(e.getMessage().startsWith("k "), e.getMessage());
    }
}
