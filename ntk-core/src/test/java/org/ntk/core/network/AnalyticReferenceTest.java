package org.ntk.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Checks the tests' own reference kernels against the tables of MATH.md §1 and §6.2. */
class AnalyticReferenceTest {

    @Test
    void kappaValuesMatchTheMathTable() {
        // MATH.md §1, "Values at reference angles" (10 decimals)
        assertEquals(0.4404213898, AnalyticReference.kappa1(Math.cos(Math.PI / 6)), 1e-10);
        assertEquals(0.3044988905, AnalyticReference.kappa1(0.5), 1e-10);
        assertEquals(0.0241511919, AnalyticReference.kappa1(Math.cos(3 * Math.PI / 4)), 1e-10);
        assertEquals(0.5, AnalyticReference.kappa1(1), 1e-15);
        assertEquals(0.0, AnalyticReference.kappa1(-1), 1e-15);
        assertEquals(0.4166666667, AnalyticReference.kappa0(Math.cos(Math.PI / 6)), 1e-10);
        assertEquals(0.1666666667, AnalyticReference.kappa0(-0.5), 1e-10);
        assertEquals(0.25, AnalyticReference.kappa0(0), 1e-15);
    }

    @Test
    void deepNtkMatchesTheMathTable() {
        // MATH.md §6.2, "Reference values of K^(L)(u) for unit vectors with inner product u" (v7)
        double[][] expected = {
            {-1, -0.5, 0, 0.5, 1},
            {0, -0.0576688856, 0.3183098862, 0.9423311144, 2},
            {0.3183098862, 0.3438622463, 0.6857086363, 1.3514795611, 3},
            {0.6857086363, 0.7422493226, 1.0603881068, 1.7378446792, 4},
            {1.0603881068, 1.1306221309, 1.4303904972, 2.1071125384, 5},
        };
        double[] us = {-1, -0.5, 0, 0.5, 1};
        for (int L = 1; L <= 5; L++) {
            for (int c = 0; c < us.length; c++) {
                double u = us[c];
                double[][] x = {{1, 0, 0}, {u, Math.sqrt(1 - u * u), 0}};
                double[][] k = AnalyticReference.deepNtk(x, L);
                assertEquals(expected[L - 1][c], k[0][1], 1e-9, "L=" + L + " u=" + u);
                assertEquals(L, k[0][0], 1e-12, "diagonal K^(L)_ii = L‖x_i‖², L=" + L);
                double[][][] terms = AnalyticReference.deepNtkTerms(x, L);
                double sum = 0;
                for (double[][] t : terms) {
                    sum += t[0][1];
                }
                assertEquals(k[0][1], sum, 1e-12, "unrolled sum, L=" + L + " u=" + u);
            }
        }
    }

    @Test
    void twoLayerLimitIsHalfOfDeepNtkWithOneHiddenLayer() {
        // MATH.md §3.2 / §6.2: K^(2) = 2·Θ on every pair, not only on the sphere
        double[][] x = {{1.5, -0.3, 2.0}, {-0.7, 0.4, 1.1}, {0.2, 2.2, -0.9}};
        double[][] deep = AnalyticReference.deepNtk(x, 2);
        double[][] two = AnalyticReference.twoLayerNtk(x, 1.0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(deep[i][j], 2 * two[i][j], 1e-12);
            }
        }
    }
}
