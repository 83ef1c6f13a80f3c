package org.ntk.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;

/** {@link TwoLayerEmpiricalNtk}: brute-force Jacobian, limits of MATH.md §3.1–§3.2, reproducibility. */
class TwoLayerEmpiricalNtkTest {

    private static double[][] rows(KernelMatrix k) {
        int n = k.size();
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = k.get(i, j);
            }
        }
        return r;
    }

    private static void assertClose(double[][] expected, KernelMatrix actual, double relTol, String what) {
        double scale = 0;
        for (double[] r : expected) {
            for (double v : r) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[i][j], actual.get(i, j), relTol * scale, what + " (" + i + "," + j + ")");
            }
        }
    }

    /**
     * J Jᵀ of the m^{-1/2}-parametrised network f = m^{-1/2} Σ_j v_j ReLU(w_j·x), from its explicit
     * per-parameter gradients ∂f/∂v_j = m^{-1/2} ReLU(w_j·x) and ∂f/∂w_jk = m^{-1/2} v_j step(w_j·x) x_k.
     */
    private static double[][] bruteForce(ReluNetwork net, double[][] x, boolean hiddenToo) {
        int m = net.width();
        int d = net.inputDimension();
        double[][] w = net.hiddenWeights();
        double[] v = net.outputWeights();
        double c = 1 / Math.sqrt(m);
        int params = hiddenToo ? m + m * d : m;
        double[][] jac = new double[x.length][params];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < m; j++) {
                double z = 0;
                for (int k = 0; k < d; k++) {
                    z += w[j][k] * x[i][k];
                }
                jac[i][j] = c * Math.max(z, 0);
                if (hiddenToo) {
                    for (int k = 0; k < d; k++) {
                        jac[i][m + j * d + k] = z > 0 ? c * v[j] * x[i][k] : 0;
                    }
                }
            }
        }
        double[][] g = new double[x.length][x.length];
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < x.length; b++) {
                double s = 0;
                for (int p = 0; p < params; p++) {
                    s += jac[a][p] * jac[b][p];
                }
                g[a][b] = s;
            }
        }
        return g;
    }

    @Test
    void equalsTheBruteForceJacobianOfTheScaledNetwork() {
        for (WeightScale scale : WeightScale.values()) {
            ReluNetwork net = ReluNetwork.random(3, 5, scale, 1);
            double[][] x = Gaussians.standardNormal(6, 3, 2);
            assertClose(bruteForce(net, x, false), TwoLayerEmpiricalNtk.outputLayer(net, x), 1e-12, "output " + scale);
            assertClose(bruteForce(net, x, true), TwoLayerEmpiricalNtk.bothLayers(net, x), 1e-12, "both " + scale);
        }
    }

    @Test
    void bothLayersEqualsDeepBruteForceOverWidth() {
        // a second independent route: the forward-mode Jacobian of the one-hidden-layer deep network, / m
        ReluNetwork net = ReluNetwork.random(4, 7, WeightScale.STANDARD, 3);
        double[][] x = Gaussians.standardNormal(5, 4, 4);
        BruteForceJacobian bf = new BruteForceJacobian(new double[][][] {net.hiddenWeights()}, net.outputWeights());
        double[][] k = bf.gram(x);
        double[][] out = bf.gram(x, 1);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                k[i][j] /= 7;
                out[i][j] /= 7;
            }
        }
        assertClose(k, TwoLayerEmpiricalNtk.bothLayers(net, x), 1e-12, "both");
        assertClose(out, TwoLayerEmpiricalNtk.outputLayer(net, x), 1e-12, "output");
    }

    @Test
    void outputLayerIsOneOverMTimesFeatureGram() {
        ReluNetwork net = ReluNetwork.random(5, 40, WeightScale.FAN_IN, 5);
        double[][] x = Gaussians.standardNormal(9, 5, 6);
        double[][] phi = net.features(x);
        KernelMatrix k = TwoLayerEmpiricalNtk.outputLayer(net, x);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                double s = 0;
                for (int a = 0; a < 40; a++) {
                    s += phi[i][a] * phi[j][a];
                }
                assertEquals(s / 40, k.get(i, j), 1e-14 * k.get(i, i) + 1e-300);
            }
        }
    }

    @Test
    void fanInIsStandardOverD() {
        // same seed: FAN_IN weights are STANDARD ones times 1/√d (one rounding), so Θ scales by 1/d
        double[][] x = Gaussians.standardNormal(7, 6, 7);
        KernelMatrix std = TwoLayerEmpiricalNtk.outputLayer(ReluNetwork.random(6, 300, WeightScale.STANDARD, 8), x);
        KernelMatrix fan = TwoLayerEmpiricalNtk.outputLayer(ReluNetwork.random(6, 300, WeightScale.FAN_IN, 8), x);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(std.get(i, j) / 6, fan.get(i, j), 1e-13 * std.get(i, i));
            }
        }
    }

    private static double meanError(double[][] x, int m, WeightScale scale, boolean both, long[] seeds) {
        double var = scale.variance(x[0].length);
        double[][] ref = both ? AnalyticReference.twoLayerNtk(x, var) : AnalyticReference.arcCosine1(x, var);
        double mean = 0;
        for (long seed : seeds) {
            ReluNetwork net = ReluNetwork.random(x[0].length, m, scale, seed);
            KernelMatrix k = both ? TwoLayerEmpiricalNtk.bothLayers(net, x, 2) : TwoLayerEmpiricalNtk.outputLayer(net, x, 2);
            mean += AnalyticReference.relativeFrobenius(rows(k), ref) / seeds.length;
        }
        return mean;
    }

    @Test
    void convergesToArcCosineAndTwoLayerNtkAtRateWidthToTheMinusHalf() {
        // limits (MATH.md §3.1, §3.2): σ_w²‖x‖‖y‖kappa1 and σ_w²‖x‖‖y‖kappa1 + (x·y)kappa0, from the
        // tests' own closed forms; ratio of 6-seed mean errors within a factor 2.5 of √16 = 4
        double[][] x = Gaussians.standardNormal(12, 10, 9);
        long[] seeds = {21, 22, 23, 24, 25, 26};
        for (WeightScale scale : WeightScale.values()) {
            for (boolean both : new boolean[] {false, true}) {
                String what = scale + (both ? " both layers" : " output layer");
                double small = meanError(x, 1000, scale, both, seeds);
                double large = meanError(x, 16000, scale, both, seeds);
                assertTrue(large < small, what + ": error must decrease, got " + small + " then " + large);
                double ratio = small / large;
                assertTrue(ratio > 4 / 2.5 && ratio < 4 * 2.5, what + ": error ratio " + ratio
                        + " (errors " + small + ", " + large + ")");
                // magnitude: at m = 16000 the fluctuation is ~m^{-1/2}·O(1) ≈ 0.01–0.03 (MATH.md §6.1's
                // L = 2 table: 0.021 at 10⁴); a wrong normalisation would give O(1)
                assertTrue(large < 0.05, what + ": error at m = 16000 is " + large);
            }
        }
    }

    @Test
    void meanSquaredErrorFallsExactlyAsOneOverWidth() {
        // Both empirical kernels are means over the m hidden units of i.i.d. terms whose expectation is
        // the limit (MATH.md §3.1, §3.2), so E‖Θ_m − Θ‖_F² = E‖ξ‖_F²/m exactly: m·(relative Frobenius
        // error)² has the same expectation at every width, i.e. the RMS error is c·m^{−1/2}. Monte Carlo
        // over S = 60 seeded networks at m = 500 and m = 8000 (16×): the two means of m·e² agree within
        // 5 standard errors of their difference, and each is at least 3 SE from a rate m^{−1/3} (which
        // would make the m = 8000 mean 16^{1/3} ≈ 2.5 times the m = 500 one).
        double[][] x = Gaussians.standardNormal(12, 10, 19);
        int[] widths = {500, 8000};
        for (boolean both : new boolean[] {false, true}) {
            double[][] ref = both ? AnalyticReference.twoLayerNtk(x, 1) : AnalyticReference.arcCosine1(x, 1);
            double[] mean = new double[2];
            double[] se = new double[2];
            for (int w = 0; w < 2; w++) {
                int m = widths[w];
                int seeds = 60;
                double sum = 0;
                double sumSq = 0;
                for (int s = 0; s < seeds; s++) {
                    ReluNetwork net = ReluNetwork.random(10, m, WeightScale.STANDARD, 1000L * w + s);
                    KernelMatrix k = both ? TwoLayerEmpiricalNtk.bothLayers(net, x, 2) : TwoLayerEmpiricalNtk.outputLayer(net, x, 2);
                    double e = AnalyticReference.relativeFrobenius(rows(k), ref);
                    double v = m * e * e;
                    sum += v;
                    sumSq += v * v;
                }
                mean[w] = sum / seeds;
                se[w] = Math.sqrt((sumSq / seeds - mean[w] * mean[w]) / (seeds - 1));
            }
            String what = both ? "both layers" : "output layer";
            double seDiff = Math.hypot(se[0], se[1]);
            assertTrue(Math.abs(mean[0] - mean[1]) <= 5 * seDiff, what + ": m·e² = " + mean[0] + " at m = 500, "
                    + mean[1] + " at m = 8000, 5·SE = " + 5 * seDiff);
            double slower = Math.cbrt(16) * mean[0];
            assertTrue(slower - mean[1] >= 3 * Math.hypot(Math.cbrt(16) * se[0], se[1]), what
                    + ": cannot tell m^{-1/2} from m^{-1/3}: " + mean[0] + ", " + mean[1]);
        }
    }

    @Test
    void threadCountDoesNotChangeAnyBitAndResultIsSymmetric() {
        ReluNetwork net = ReluNetwork.random(8, 700, WeightScale.STANDARD, 31);
        double[][] x = Gaussians.standardNormal(120, 8, 32);
        for (boolean both : new boolean[] {false, true}) {
            KernelMatrix one = both ? TwoLayerEmpiricalNtk.bothLayers(net, x, 1) : TwoLayerEmpiricalNtk.outputLayer(net, x, 1);
            KernelMatrix three = both ? TwoLayerEmpiricalNtk.bothLayers(net, x, 3) : TwoLayerEmpiricalNtk.outputLayer(net, x, 3);
            KernelMatrix dflt = both ? TwoLayerEmpiricalNtk.bothLayers(net, x) : TwoLayerEmpiricalNtk.outputLayer(net, x);
            assertArrayEquals(one.toArray(), three.toArray(), 0.0);
            assertArrayEquals(one.toArray(), dflt.toArray(), 0.0);
            for (int i = 0; i < 120; i++) {
                for (int j = 0; j < i; j++) {
                    assertEquals(Double.doubleToRawLongBits(one.get(i, j)), Double.doubleToRawLongBits(one.get(j, i)));
                }
            }
        }
        // same seed, same matrix
        ReluNetwork again = ReluNetwork.random(8, 700, WeightScale.STANDARD, 31);
        assertArrayEquals(TwoLayerEmpiricalNtk.bothLayers(net, x, 2).toArray(),
                TwoLayerEmpiricalNtk.bothLayers(again, x, 2).toArray(), 0.0);
    }

    @Test
    void zeroInputGivesZeroRowAndColumn() {
        ReluNetwork net = ReluNetwork.random(3, 20, WeightScale.STANDARD, 41);
        double[][] x = Gaussians.standardNormal(4, 3, 42);
        x[0] = new double[3];
        for (KernelMatrix k : new KernelMatrix[] {TwoLayerEmpiricalNtk.outputLayer(net, x),
                TwoLayerEmpiricalNtk.bothLayers(net, x)}) {
            for (int j = 0; j < 4; j++) {
                assertEquals(0.0, k.get(0, j), 0.0);
                assertEquals(0.0, k.get(j, 0), 0.0);
            }
            assertTrue(k.get(1, 1) > 0);
        }
    }

    private static void assertRejected(Executable call, String argument) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(argument), "message names " + argument + ": " + e.getMessage());
    }

    @Test
    void rejectsBadArguments() {
        ReluNetwork net = ReluNetwork.random(3, 4, WeightScale.STANDARD, 51);
        double[][] wrong = {{1, 2}};
        assertRejected(() -> TwoLayerEmpiricalNtk.outputLayer(net, wrong), "x");
        assertRejected(() -> TwoLayerEmpiricalNtk.bothLayers(net, wrong), "x");
        assertRejected(() -> TwoLayerEmpiricalNtk.bothLayers(net, new double[][] {{1, Double.NaN, 0}}), "x[0][1]");
        assertRejected(() -> TwoLayerEmpiricalNtk.outputLayer(net, new double[0][]), "x");
        assertRejected(() -> TwoLayerEmpiricalNtk.outputLayer(net, new double[][] {{1, 2, 3}}, 0), "threads");
        assertRejected(() -> TwoLayerEmpiricalNtk.bothLayers(net, new double[][] {{1, 2, 3}}, 0), "threads");
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> TwoLayerEmpiricalNtk.bothLayers(null, new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("net"));
        e = assertThrows(NullPointerException.class, () -> TwoLayerEmpiricalNtk.outputLayer(net, null));
        assertTrue(e.getMessage().contains("x"));
    }
}
