package org.ntk.core.fisher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.sampling.Gaussians;

class FisherInformationTest {

    @Test
    void analyticMatchesItsMonteCarloDefinition() {
        // MATH.md §2.1: J = E_x[φ(Wᵀx)φ(Wᵀx)ᵀ], x ~ N(0, I_4); d = 4, m = 5 (as in the MATH.md check),
        // N = 4e5 inputs; each entry within 5 standard errors of the sample mean of φ_j φ_k.
        ReluNetwork net = ReluNetwork.random(4, 5, WeightScale.FAN_IN, 1);
        int n = 400_000;
        double[][] x = Gaussians.standardNormal(n, 4, 2);
        double[][] phi = net.features(x);
        DenseKernelMatrix j = FisherInformation.analytic(net, 2);
        DenseKernelMatrix emp = FisherInformation.empirical(net, x, 2);
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double sum = 0;
                double sumSq = 0;
                for (double[] row : phi) {
                    double p = row[a] * row[b];
                    sum += p;
                    sumSq += p * p;
                }
                double mean = sum / n;
                double se = Math.sqrt((sumSq / n - mean * mean) / (n - 1));
                assertTrue(Math.abs(mean - j.get(a, b)) <= 5 * se, "J(" + a + "," + b + "): MC " + mean
                        + " vs " + j.get(a, b) + ", 5·SE = " + 5 * se);
                // The empirical Fisher over the same sample is that sample mean.
                assertEquals(mean, emp.get(a, b), 0.0, "empirical (" + a + "," + b + ")");
            }
        }
    }

    @Test
    void diagonalAndTraceAreHalfTheSquaredNorms() {
        // MATH.md §2.1: J_jj = ‖w_j‖²/2, trace J = ‖W‖_F²/2; J = arccos1 Gram of the rows of W.
        ReluNetwork net = ReluNetwork.random(7, 40, WeightScale.STANDARD, 3);
        double[][] w = net.hiddenWeights();
        DenseKernelMatrix j = FisherInformation.analytic(net);
        double frob = 0;
        for (int a = 0; a < 40; a++) {
            double s = 0;
            for (double v : w[a]) {
                s += v * v;
            }
            frob += s;
            assertEquals(s / 2, j.get(a, a), 2e-16 * s, "J_" + a + a);
        }
        assertEquals(frob / 2, j.trace(), 1e-14 * frob);
        assertArrayEquals(Kernels.arcCosine(1).gram(w, 1).toArray(), j.toArray(), 0.0);
        for (int a = 0; a < 40; a++) {
            for (int b = 0; b < 40; b++) {
                assertTrue(j.get(a, b) >= 0, "entrywise non-negative");
                assertEquals(j.get(a, b), j.get(b, a), 0.0);
            }
        }
    }

    @Test
    void empiricalIsTheSampleAverageAndConvergesToTheAnalytic() {
        ReluNetwork net = ReluNetwork.random(4, 9, WeightScale.FAN_IN, 5);
        double[][] xs = Gaussians.standardNormal(101, 4, 6);
        double[][] phi = net.features(xs);
        DenseKernelMatrix emp = FisherInformation.empirical(net, xs, 3);
        // Independent computation: (1/n) Σ_i Φ_ij Φ_ik in index order, equal bitwise.
        for (int a = 0; a < 9; a++) {
            for (int b = 0; b < 9; b++) {
                double s = 0;
                for (double[] row : phi) {
                    s += row[a] * row[b];
                }
                assertEquals(s / 101, emp.get(a, b), 0.0, "(" + a + "," + b + ")");
            }
        }
        // Monte Carlo error falls like n^{−1/2}: 100× more inputs, at least 3× smaller max error.
        double[] ana = FisherInformation.analytic(net, 1).toArray();
        double[] errs = new double[2];
        int[] sizes = {2_000, 200_000};
        for (int s = 0; s < 2; s++) {
            double[] e = FisherInformation.empirical(net, Gaussians.standardNormal(sizes[s], 4, 7 + s), 2).toArray();
            for (int q = 0; q < e.length; q++) {
                errs[s] = Math.max(errs[s], Math.abs(e[q] - ana[q]));
            }
        }
        assertTrue(errs[1] * 3 < errs[0], "errors " + errs[0] + " (n = 2e3) and " + errs[1] + " (n = 2e5)");
    }

    @Test
    void resultsAreBitwiseIdenticalForAnyThreadCount() {
        ReluNetwork net = ReluNetwork.random(6, 133, WeightScale.FAN_IN, 8);
        double[][] xs = Gaussians.standardNormal(517, 6, 9);
        double[] a1 = FisherInformation.analytic(net, 1).toArray();
        double[] e1 = FisherInformation.empirical(net, xs, 1).toArray();
        for (int threads : new int[] {2, 3, 7}) {
            assertArrayEquals(a1, FisherInformation.analytic(net, threads).toArray(), 0.0);
            assertArrayEquals(e1, FisherInformation.empirical(net, xs, threads).toArray(), 0.0);
        }
    }

    @Test
    void rejectsBadArguments() {
        ReluNetwork net = ReluNetwork.random(3, 4, WeightScale.FAN_IN, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FisherInformation.empirical(net, new double[][] {{1, 2}}));
        assertTrue(e.getMessage().startsWith("x has dimension 2, expected 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FisherInformation.empirical(net, new double[][] {{1, 2, Double.NaN}}));
        assertTrue(e.getMessage().startsWith("x[0][2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FisherInformation.empirical(net, new double[0][]));
        assertTrue(e.getMessage().startsWith("x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FisherInformation.analytic(net, 0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FisherInformation.empirical(net, new double[][] {{1, 2, 3}}, 0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> FisherInformation.analytic(null));
        assertEquals("net", npe.getMessage());
    }
}
