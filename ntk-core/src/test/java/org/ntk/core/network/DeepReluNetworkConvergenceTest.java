package org.ntk.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;

/**
 * Convergence of the scaled empirical NTK (Π_l 2/n_l)·K̄ to the analytic K^(L) of MATH.md §6.2,
 * computed by the tests' own recursion ({@link AnalyticReference}), at the rate width^{-1/2}
 * (MATH.md §6.1 table: 12 points in d = 10).
 *
 * <p>The errors are averaged over a few seeded networks. The rate check accepts a ratio of mean
 * errors within a factor 2.5 of √(width ratio): the per-seed relative errors spread over about a
 * factor 2 to 3 (MATH.md §6.1 quotes 5-draw means), so a ratio of 3-to-6-seed means stays well
 * inside that window, while a wrong scaling (no convergence, or a wrong Π 2/n_l) falls outside.
 */
class DeepReluNetworkConvergenceTest {

    private static final int N = 12;
    private static final int D = 10;
    /** Allowed factor between the measured error ratio and √(width ratio). */
    private static final double RATE_FACTOR = 2.5;

    private static double[][] scaled(KernelMatrix k, double s) {
        int n = k.size();
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = s * k.get(i, j);
            }
        }
        return r;
    }

    /** Mean over seeds of [total error, term 0 error, …, term L−1 error]. */
    private static double[] meanErrors(double[][] x, int weightLayers, int width, long[] seeds) {
        double[][] ref = AnalyticReference.deepNtk(x, weightLayers);
        double[][][] refTerms = AnalyticReference.deepNtkTerms(x, weightLayers);
        double[] mean = new double[weightLayers + 1];
        int[] widths = new int[weightLayers - 1];
        java.util.Arrays.fill(widths, width);
        for (long seed : seeds) {
            DeepReluNetwork net = DeepReluNetwork.random(D, widths, seed);
            double s = net.ntkScale();
            List<KernelMatrix> terms = net.empiricalNtkTerms(x, 2);
            double[][] total = new double[N][N];
            for (int l = 0; l < weightLayers; l++) {
                double[][] t = scaled(terms.get(l), s);
                mean[l + 1] += AnalyticReference.relativeFrobenius(t, refTerms[l]) / seeds.length;
                for (int i = 0; i < N; i++) {
                    for (int j = 0; j < N; j++) {
                        total[i][j] += t[i][j];
                    }
                }
            }
            mean[0] += AnalyticReference.relativeFrobenius(total, ref) / seeds.length;
        }
        return mean;
    }

    private static void assertRate(double small, double large, double widthRatio, String what) {
        assertTrue(large < small, what + ": error must decrease, got " + small + " then " + large);
        double ratio = small / large;
        double expected = Math.sqrt(widthRatio);
        assertTrue(ratio > expected / RATE_FACTOR && ratio < expected * RATE_FACTOR,
                what + ": error ratio " + ratio + " should be within a factor " + RATE_FACTOR + " of √"
                        + widthRatio + " = " + expected + " (errors " + small + ", " + large + ")");
    }

    @Test
    void oneHiddenLayerConvergesAtRateWidthToTheMinusHalf() {
        double[][] x = Gaussians.standardNormal(N, D, 2024);
        long[] seeds = {1, 2, 3, 4, 5, 6};
        double[] e1 = meanErrors(x, 2, 1000, seeds);
        double[] e16 = meanErrors(x, 2, 16000, seeds);
        assertRate(e1[0], e16[0], 16, "L=2 total");
        assertRate(e1[1], e16[1], 16, "L=2 hidden-layer term");
        assertRate(e1[2], e16[2], 16, "L=2 output term");
        // magnitude: MATH.md §6.1 table gives 0.055 at 10³ and 0.021 at 10⁴ (5 draws, other points);
        // the width-16000 error must at least be below the width-10⁴ entry's 2×
        assertTrue(e16[0] < 2 * 0.021, "L=2 error at width 16000: " + e16[0]);
    }

    @Test
    void twoHiddenLayersConvergeAtRateWidthToTheMinusHalf() {
        double[][] x = Gaussians.standardNormal(N, D, 2025);
        long[] seeds = {11, 12, 13, 14};
        double[] e500 = meanErrors(x, 3, 500, seeds);
        double[] e4000 = meanErrors(x, 3, 4000, seeds);
        assertEquals(4, e500.length);
        assertRate(e500[0], e4000[0], 8, "L=3 total");
        for (int l = 0; l < 3; l++) {
            assertRate(e500[l + 1], e4000[l + 1], 8, "L=3 term " + l);
        }
        // magnitude: MATH.md §6.1 table, L = 3: 0.092 at 1000 and 0.041 at 3000, so width 4000
        // must be below the width-3000 entry's 2×
        assertTrue(e4000[0] < 2 * 0.041, "L=3 error at width 4000: " + e4000[0]);
    }
}
