package org.ntk.spectral.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.network.DeepReluNetwork;
import org.ntk.core.sampling.Gaussians;

class FiniteWidthBoundsTest {

    @Test
    void everyFiniteWidthLinkHoldsOnRandomDataForDepthsTwoToFive() {
        // Seeded Gaussian data (MATH.md §6.3 data model), n = 30 in d = 60, networks of L − 1 hidden layers
        // from narrow (width 20: far from the limit) to wide (width 1000), N(0, 1) weights. The two finite-width
        // links are deterministic (Schur product theorem, λ_min ≤ mean eigenvalue): they must hold for every draw.
        double[][] x = Gaussians.standardNormal(30, 60, 5);
        for (int layers = 2; layers <= 5; layers++) {
            for (int width : new int[] {20, 200, 1000}) {
                int[] widths = new int[layers - 1];
                java.util.Arrays.fill(widths, width);
                DeepReluNetwork net = DeepReluNetwork.random(60, widths, 100L * layers + width);
                FiniteWidthBounds b = FiniteWidthBounds.of(net, x, 4);
                assertEquals(2, b.links().size());
                for (BoundLink link : b.links()) {
                    assertTrue(link.holds(), () -> "L = " + b.layers() + ", width " + width + ": " + link);
                }
                assertTrue(b.holds());
                // n < d: XXᵀ is non-singular and every layer's feature Gram is positive definite here,
                // so the Schur bound is a genuine positive number, not the vacuous 0
                assertTrue(b.empiricalSchurBound() > 0, b::toString);
                assertTrue(b.empiricalSchurBound() <= b.empiricalLambdaMin()
                        && b.empiricalLambdaMin() <= b.empiricalTraceBound(), b::toString);
                // the limit's own chain on the same data holds too
                assertTrue(b.limit().holds(), b.limit()::toString);
                assertEquals(layers, b.limit().layers());
            }
        }
    }

    @Test
    void linksHoldForAnyWeightsNotOnlyGaussianOnes() {
        // The chain is deterministic: uniform weights of an arbitrary scale and a network where some units are
        // dead on every input (their rows are −|w|, inputs positive) change nothing.
        double[][] x = new double[12][4];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = 0.1 + rnd.nextDouble();
            }
        }
        double[][][] hidden = new double[2][][];
        hidden[0] = new double[15][4];
        hidden[1] = new double[9][15];
        for (double[][] layer : hidden) {
            for (int j = 0; j < layer.length; j++) {
                for (int k = 0; k < layer[j].length; k++) {
                    layer[j][k] = j % 4 == 0 ? -Math.abs(3 * rnd.nextDouble()) : 6 * rnd.nextDouble() - 3;
                }
            }
        }
        double[] v = new double[9];
        for (int j = 0; j < v.length; j++) {
            v[j] = 0.5 - rnd.nextDouble();
        }
        FiniteWidthBounds b = FiniteWidthBounds.of(DeepReluNetwork.of(hidden, v), x);
        assertTrue(b.holds(), b::toString);
        // n = 12 > d = 4: XXᵀ is singular (λ_min = 0 to rounding), so the first layer's share vanishes
        assertEquals(0.0, b.featureLambdaMin()[0], 1e-12 * b.limit().traceBound());
    }

    @Test
    void agreesWithTheComparisonAndTheLimitOnTheFirstLayer() {
        double[][] x = Gaussians.standardNormal(15, 40, 9);
        DeepReluNetwork net = DeepReluNetwork.random(40, new int[] {300, 300}, 10);
        FiniteWidthBounds b = FiniteWidthBounds.of(net, x, 4, 6);
        // independent: FiniteWidthComparison scales J Jᵀ itself (one matrix instead of the sum of the terms)
        FiniteWidthComparison c = FiniteWidthComparison.of(net, x);
        assertEquals(c.empiricalLambdaMin(), b.empiricalLambdaMin(), 1e-10 * b.empiricalTraceBound());
        assertEquals(c.limitLambdaMin(), b.limit().lambdaMin(), 0.0);
        // F_0 = X for every width: its feature λ_min is exactly the limit's λ_min(G^(1)) = λ_min(XXᵀ)
        assertEquals(b.limit().nngpLambdaMin()[0], b.featureLambdaMin()[0], 1e-12 * b.limit().traceBound());
        assertEquals(2, b.limit().hermite().size());
        assertEquals(3, b.featureLambdaMin().length);
    }

    @Test
    void finiteWidthBoundsApproachTheLimitsAsWidthGrows() {
        // s·K̄ → K^(L) with relative error ∝ width^{−1/2} (MATH.md §6.1), and each Schur factor tends to its limit
        // (λ_min(G^(l)), diagonal 1), so the finite-width Schur and trace bounds tend to the limit's. Widths 100
        // and 6400 (64×, so the errors should fall about 8-fold); acceptance: the wide error at most half the
        // narrow one, and below 0.1 relative (measured for this seed: Schur 0.55 → 0.028, trace 0.010 at 6400).
        double[][] x = Gaussians.standardNormal(12, 40, 21);
        double schurNarrow = 0;
        double schurWide = 0;
        double traceWide = 0;
        for (int[] widths : new int[][] {{100, 100}, {6400, 6400}}) {
            FiniteWidthBounds b = FiniteWidthBounds.of(DeepReluNetwork.random(40, widths, 22), x);
            double schurErr = Math.abs(b.empiricalSchurBound() / b.limit().schurBound() - 1);
            double traceErr = Math.abs(b.empiricalTraceBound() / b.limit().traceBound() - 1);
            if (widths[0] == 100) {
                schurNarrow = schurErr;
            } else {
                schurWide = schurErr;
                traceWide = traceErr;
            }
        }
        double sn = schurNarrow;
        double sw = schurWide;
        double tw = traceWide;
        assertTrue(sw < 0.1 && sw < sn / 2, () -> "Schur bound relative error " + sn + " → " + sw);
        assertTrue(tw < 0.1, () -> "trace bound relative error " + tw);
    }

    @Test
    void resultIsACopyAndValueEqual() {
        double[][] x = Gaussians.standardNormal(6, 8, 1);
        DeepReluNetwork net = DeepReluNetwork.random(8, new int[] {20}, 2);
        FiniteWidthBounds b = FiniteWidthBounds.of(net, x);
        double[] f = b.featureLambdaMin();
        f[0] = 1e9;
        assertNotEquals(1e9, b.featureLambdaMin()[0]);
        assertThrows(UnsupportedOperationException.class, () -> b.links().clear());
        assertEquals(b, FiniteWidthBounds.of(net, x));
        assertEquals(b.hashCode(), FiniteWidthBounds.of(net, x).hashCode());
    }

    @Test
    void rejections() {
        double[][] x = Gaussians.standardNormal(4, 3, 1);
        DeepReluNetwork net = DeepReluNetwork.random(3, new int[] {5}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteWidthBounds.of(net, x, 3));
        assertTrue(e.getMessage().startsWith("evenOrders[0] "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FiniteWidthBounds.of(net, Gaussians.standardNormal(4, 2, 1)));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
        double[][] withZero = {{1, 0, 0}, {0, 0, 0}};
        e = assertThrows(IllegalArgumentException.class, () -> FiniteWidthBounds.of(net, withZero));
        assertTrue(e.getMessage().startsWith("x[1] "), e.getMessage());
        assertThrows(NullPointerException.class, () -> FiniteWidthBounds.of(null, x));
        assertThrows(NullPointerException.class, () -> FiniteWidthBounds.of(net, x, (int[]) null));
    }
}
