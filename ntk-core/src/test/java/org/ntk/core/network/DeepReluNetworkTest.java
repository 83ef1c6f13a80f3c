package org.ntk.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;

/** Exact properties of {@link DeepReluNetwork}: brute-force Jacobian check, reproducibility, shapes. */
class DeepReluNetworkTest {

    private static double[][][] layers(DeepReluNetwork net) {
        double[][][] w = new double[net.depth()][][];
        for (int l = 0; l < w.length; l++) {
            w[l] = net.layer(l);
        }
        return w;
    }

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

    private static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] r : a) {
            for (double v : r) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    private static void assertClose(double[][] expected, KernelMatrix actual, double relTol, String what) {
        double scale = maxAbs(expected);
        assertEquals(expected.length, actual.size(), what + ": size");
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[i][j], actual.get(i, j), relTol * scale, what + " (" + i + "," + j + ")");
            }
        }
    }

    private static void assertBitwiseEqual(KernelMatrix a, KernelMatrix b) {
        assertArrayEquals(a.toArray(), b.toArray(), 0.0);
    }

    private static void assertExactlySymmetric(KernelMatrix k) {
        for (int i = 0; i < k.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(Double.doubleToRawLongBits(k.get(i, j)), Double.doubleToRawLongBits(k.get(j, i)),
                        "entry (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void bruteForceJacobianAgreesWithFiniteDifferences() {
        // validates the reference itself: f is piecewise linear in any single weight, so a central
        // difference with h = 1e-6 is exact up to rounding (~1e-10) unless a kink lies within h
        DeepReluNetwork net = DeepReluNetwork.random(3, new int[] {4, 5}, 11);
        BruteForceJacobian bf = new BruteForceJacobian(layers(net), net.outputWeights());
        double[][] x = Gaussians.standardNormal(3, 3, 12);
        double h = 1e-6;
        for (double[] xi : x) {
            for (int l = 0; l <= net.depth(); l++) {
                double[] g = bf.gradient(xi, l);
                for (int p = 0; p < g.length; p++) {
                    double fd = (bf.perturbed(l, p, h).value(xi) - bf.perturbed(l, p, -h).value(xi)) / (2 * h);
                    assertEquals(g[p], fd, 1e-7 * (1 + Math.abs(g[p])), "layer " + l + " parameter " + p);
                }
            }
        }
    }

    @Test
    void empiricalNtkEqualsBruteForceJacobianProduct() {
        // independent computation: J Jᵀ from per-parameter forward-mode gradients
        for (int[] widths : new int[][] {{4, 5}, {4}, {4, 5, 3}, {6, 2, 5, 4}}) {
            DeepReluNetwork net = DeepReluNetwork.random(3, widths, 21 + widths.length);
            double[][] x = Gaussians.standardNormal(6, 3, 22);
            BruteForceJacobian bf = new BruteForceJacobian(layers(net), net.outputWeights());
            assertClose(bf.gram(x), net.empiricalNtk(x), 1e-12, "K̄ widths " + widths.length);
            List<KernelMatrix> terms = net.empiricalNtkTerms(x);
            assertEquals(widths.length + 1, terms.size());
            for (int l = 0; l <= widths.length; l++) {
                assertClose(bf.gram(x, l), terms.get(l), 1e-12, "term " + l + " of " + widths.length);
            }
        }
        // a single point: a 1×1 matrix, ‖∇_θ f(x)‖²
        DeepReluNetwork net = DeepReluNetwork.random(3, new int[] {4, 5}, 23);
        double[][] one = Gaussians.standardNormal(1, 3, 24);
        BruteForceJacobian bf = new BruteForceJacobian(layers(net), net.outputWeights());
        assertClose(bf.gram(one), net.empiricalNtk(one), 1e-12, "1×1");
    }

    @Test
    void totalIsTheSumOfTheTermsFromTheOutputDown() {
        DeepReluNetwork net = DeepReluNetwork.random(5, new int[] {30, 20, 40}, 31);
        double[][] x = Gaussians.standardNormal(17, 5, 32);
        KernelMatrix total = net.empiricalNtk(x, 2);
        List<KernelMatrix> terms = net.empiricalNtkTerms(x, 2);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double s = terms.get(terms.size() - 1).get(i, j);
                for (int l = terms.size() - 2; l >= 0; l--) {
                    s += terms.get(l).get(i, j);
                }
                assertEquals(s, total.get(i, j), 0.0);
            }
        }
    }

    @Test
    void diagonalIsTheSquaredGradientNorm() {
        // trace K̄ = Σ_i ‖∇_θ f(x_i)‖²; the output term's diagonal is ‖f_{L−1}(x_i)‖²
        DeepReluNetwork net = DeepReluNetwork.random(4, new int[] {7, 9}, 41);
        double[][] x = Gaussians.standardNormal(5, 4, 42);
        double[][] f = net.features(x);
        KernelMatrix out = net.empiricalNtkTerms(x).get(2);
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (double a : f[i]) {
                s += a * a;
            }
            assertEquals(s, out.get(i, i), 1e-13 * s);
        }
    }

    @Test
    void oneHiddenLayerEqualsTheTwoLayerFormTimesWidth() {
        // MATH.md §3.2 vs §6.1 (L = 2): K̄ = m·Θ_m for the same weights
        ReluNetwork two = ReluNetwork.random(6, 50, WeightScale.STANDARD, 51);
        DeepReluNetwork deep = DeepReluNetwork.of(new double[][][] {two.hiddenWeights()}, two.outputWeights());
        double[][] x = Gaussians.standardNormal(9, 6, 52);
        KernelMatrix k = deep.empiricalNtk(x);
        KernelMatrix theta = TwoLayerEmpiricalNtk.bothLayers(two, x);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                assertEquals(k.get(i, j) / 50, theta.get(i, j), 1e-15 * Math.abs(k.get(i, i)));
            }
        }
    }

    @Test
    void randomDrawsOneGaussianStreamLayerByLayerThenOutput() {
        // documented order: layer 1 row by row, layer 2 row by row, …, then v
        int[] widths = {3, 4};
        DeepReluNetwork net = DeepReluNetwork.random(2, widths, 61);
        Gaussians g = new Gaussians(61);
        int[] dims = {2, 3, 4};
        for (int l = 0; l < 2; l++) {
            double[][] w = net.layer(l);
            assertEquals(dims[l + 1], w.length);
            for (double[] row : w) {
                assertEquals(dims[l], row.length);
                for (double e : row) {
                    assertEquals(g.next(), e, 0.0);
                }
            }
        }
        for (double e : net.outputWeights()) {
            assertEquals(g.next(), e, 0.0);
        }
        // one hidden layer: the same weights as ReluNetwork.random with STANDARD scale
        DeepReluNetwork one = DeepReluNetwork.random(5, new int[] {7}, 62);
        ReluNetwork two = ReluNetwork.random(5, 7, WeightScale.STANDARD, 62);
        assertArrayEquals(two.hiddenWeights(), one.layer(0));
        assertArrayEquals(two.outputWeights(), one.outputWeights(), 0.0);
    }

    @Test
    void sameSeedGivesIdenticalNetworksAndMatrices() {
        int[] widths = {20, 30};
        DeepReluNetwork a = DeepReluNetwork.random(4, widths, 71);
        DeepReluNetwork b = DeepReluNetwork.random(4, widths, 71);
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(a.layer(l), b.layer(l));
        }
        assertArrayEquals(a.outputWeights(), b.outputWeights(), 0.0);
        double[][] x = Gaussians.standardNormal(8, 4, 72);
        assertBitwiseEqual(a.empiricalNtk(x), b.empiricalNtk(x));
        DeepReluNetwork c = DeepReluNetwork.random(4, widths, 73);
        assertTrue(a.layer(0)[0][0] != c.layer(0)[0][0], "a different seed gives different weights");
    }

    @Test
    void threadCountDoesNotChangeAnyBit() {
        // sizes chosen so that every product is split into several blocks and runs in parallel:
        // n = 130 > 2 Gram tiles, widths > one column block
        DeepReluNetwork net = DeepReluNetwork.random(7, new int[] {150, 300, 140}, 81);
        double[][] x = Gaussians.standardNormal(130, 7, 82);
        KernelMatrix one = net.empiricalNtk(x, 1);
        assertBitwiseEqual(one, net.empiricalNtk(x, 3));
        assertBitwiseEqual(one, net.empiricalNtk(x, 2));
        assertBitwiseEqual(one, net.empiricalNtk(x));
        List<KernelMatrix> t1 = net.empiricalNtkTerms(x, 1);
        List<KernelMatrix> t3 = net.empiricalNtkTerms(x, 3);
        for (int l = 0; l < t1.size(); l++) {
            assertBitwiseEqual(t1.get(l), t3.get(l));
        }
        assertExactlySymmetric(one);
        for (KernelMatrix t : t3) {
            assertExactlySymmetric(t);
        }
    }

    @Test
    void featuresAndPredictMatchADirectLoop() {
        DeepReluNetwork net = DeepReluNetwork.random(4, new int[] {6, 5, 3}, 91);
        double[][] x = Gaussians.standardNormal(7, 4, 92);
        double[][] f = net.features(x);
        double[] y = net.predict(x);
        BruteForceJacobian bf = new BruteForceJacobian(layers(net), net.outputWeights());
        for (int i = 0; i < x.length; i++) {
            double[] a = x[i];
            for (int l = 0; l < net.depth(); l++) {
                double[][] w = net.layer(l);
                double[] next = new double[w.length];
                for (int j = 0; j < w.length; j++) {
                    double s = 0;
                    for (int k = 0; k < a.length; k++) {
                        s += w[j][k] * a[k];
                    }
                    next[j] = Math.max(0, s);
                }
                a = next;
            }
            assertArrayEquals(a, f[i], 0.0, "features row " + i);
            assertEquals(bf.value(x[i]), y[i], 0.0, "predict row " + i);
        }
    }

    @Test
    void zeroInputGivesZeroRowAndColumn() {
        DeepReluNetwork net = DeepReluNetwork.random(3, new int[] {10, 8}, 101);
        double[][] x = Gaussians.standardNormal(5, 3, 102);
        x[2] = new double[3];
        KernelMatrix k = net.empiricalNtk(x);
        for (int j = 0; j < 5; j++) {
            assertEquals(0.0, k.get(2, j), 0.0);
            assertEquals(0.0, k.get(j, 2), 0.0);
        }
        assertTrue(k.get(1, 1) > 0);
        assertEquals(0.0, net.predict(x)[2], 0.0);
        for (KernelMatrix t : net.empiricalNtkTerms(x)) {
            assertEquals(0.0, t.get(2, 2), 0.0);
        }
    }

    @Test
    void accessorsReturnCopiesAndInputsAreNotRetained() {
        double[][][] w = {{{1, -2}, {0.5, 3}, {-1, 1}}, {{2, 0, 1}}};
        double[] v = {-1.5};
        DeepReluNetwork net = DeepReluNetwork.of(w, v);
        w[0][0][0] = 99;
        v[0] = 99;
        assertEquals(1.0, net.layer(0)[0][0], 0.0);
        assertEquals(-1.5, net.outputWeights()[0], 0.0);
        net.layer(1)[0][0] = 42;
        net.outputWeights()[0] = 42;
        net.widths()[0] = 42;
        assertEquals(2.0, net.layer(1)[0][0], 0.0);
        assertEquals(-1.5, net.outputWeights()[0], 0.0);
        assertArrayEquals(new int[] {3, 1}, net.widths());
        assertEquals(2, net.inputDimension());
        assertEquals(2, net.depth());
        assertEquals(3, net.weightLayers());
        assertEquals((2.0 / 3) * (2.0 / 1), net.ntkScale(), 1e-16);
        double[][] x = {{1, 2}, {-1, 0.5}};
        double[][] xCopy = {{1, 2}, {-1, 0.5}};
        net.empiricalNtk(x);
        net.features(x);
        assertArrayEquals(xCopy, x);
        assertNotSame(net.features(x), net.features(x));
        // hand computation: f_1(x_0) = ReLU(1−4, 0.5+6, −1+2) = (0, 6.5, 1); f_2 = ReLU(0+0+1) = 1; f = −1.5
        assertEquals(-1.5, net.predict(x)[0], 1e-15);
    }

    private static void assertRejected(Executable call, String argument) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(argument), "message names " + argument + ": " + e.getMessage());
    }

    @Test
    void rejectsBadArguments() {
        double[][] l0 = {{1, 2, 3}, {4, 5, 6}};
        double[][] l1ok = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
        double[][] l1bad = {{1, 1, 1}, {2, 2, 2}};
        assertRejected(() -> DeepReluNetwork.of(new double[][][] {l0, l1bad}, new double[] {1, 2}), "hiddenLayers[1]");
        assertRejected(() -> DeepReluNetwork.of(new double[][][] {l0, l1ok}, new double[] {1, 2}), "outputWeights");
        assertRejected(() -> DeepReluNetwork.of(new double[][][] {}, new double[] {1}), "hiddenLayers");
        assertRejected(() -> DeepReluNetwork.of(new double[][][] {{{1, Double.NaN}}}, new double[] {1}), "hiddenLayers[0]");
        assertRejected(() -> DeepReluNetwork.of(new double[][][] {{{1, 2}}}, new double[] {Double.NaN}), "outputWeights");
        assertRejected(() -> DeepReluNetwork.of(new double[][][] {{{1, 2}, {3}}}, new double[] {1, 1}), "hiddenLayers[0]");
        assertRejected(() -> DeepReluNetwork.of(new double[][][] {{{1, 2}}, {{Double.POSITIVE_INFINITY}}},
                new double[] {1}), "hiddenLayers[1]");
        assertRejected(() -> DeepReluNetwork.random(3, new int[0], 1), "widths");
        assertRejected(() -> DeepReluNetwork.random(3, new int[] {4, 0}, 1), "widths[1]");
        assertRejected(() -> DeepReluNetwork.random(3, new int[] {-2}, 1), "widths[0]");
        assertRejected(() -> DeepReluNetwork.random(0, new int[] {4}, 1), "d");
        assertRejected(() -> DeepReluNetwork.random(100_000, new int[] {100_000}, 1), "widths[0]");
        NullPointerException npe = assertThrows(NullPointerException.class, () -> DeepReluNetwork.random(3, null, 1));
        assertTrue(npe.getMessage().contains("widths"));
        npe = assertThrows(NullPointerException.class, () -> DeepReluNetwork.of(null, new double[] {1}));
        assertTrue(npe.getMessage().contains("hiddenLayers"));

        DeepReluNetwork net = DeepReluNetwork.random(3, new int[] {4, 5}, 1);
        double[][] wrongDim = {{1, 2}};
        assertRejected(() -> net.empiricalNtk(wrongDim), "x");
        assertRejected(() -> net.empiricalNtkTerms(wrongDim), "x");
        assertRejected(() -> net.features(wrongDim), "x");
        assertRejected(() -> net.predict(wrongDim), "x");
        assertRejected(() -> net.empiricalNtk(new double[][] {{1, 2, Double.NaN}}), "x[0][2]");
        assertRejected(() -> net.empiricalNtk(new double[0][]), "x");
        assertRejected(() -> net.empiricalNtk(new double[][] {{1, 2, 3}}, 0), "threads");
        assertRejected(() -> net.empiricalNtkTerms(new double[][] {{1, 2, 3}}, -1), "threads");
        assertRejected(() -> net.layer(2), "l");
        assertRejected(() -> net.layer(-1), "l");
        npe = assertThrows(NullPointerException.class, () -> net.empiricalNtk(null));
        assertTrue(npe.getMessage().contains("x"));
    }
}
