package org.ntk.spectral.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.sampling.Gaussians;

class SmallestEigenvalueBoundsTest {

    @Test
    void everyLinkHoldsOnRandomDataForDepthsTwoToFive() {
        // Seeded Gaussian data, n = 40 points in d = 400 (MATH.md §6.3 data model); r = 2, 4, 6.
        double[][] x = Gaussians.standardNormal(40, 400, 2024);
        for (int layers = 2; layers <= 5; layers++) {
            SmallestEigenvalueBounds b = SmallestEigenvalueBounds.of(x, layers, 2, 4, 6);
            List<BoundLink> links = b.links();
            assertEquals(2 * 3 + 3, links.size());
            for (BoundLink link : links) {
                assertTrue(link.holds(), () -> "L = " + b.layers() + ": " + link);
            }
            assertTrue(b.holds());
            // lower ≤ λ_min ≤ upper, each side a genuine number (not vacuous) for r = 4 here:
            HermiteBound r4 = b.hermite().get(1);
            assertTrue(r4.gershgorinBound() > 0, "Gershgorin positive at d = 10 n");
            assertTrue(r4.gershgorinBound() <= b.lambdaMin() && b.lambdaMin() <= b.traceBound());
            assertTrue(b.schurBound() <= b.lambdaMin());
        }
    }

    @Test
    void schurBoundIsPositiveAndBelowLambdaMin() {
        // n = 30 < d = 120, so G^(1) = XXᵀ is non-singular and every term of the Schur sum is positive.
        double[][] x = Gaussians.standardNormal(30, 120, 7);
        SmallestEigenvalueBounds b = SmallestEigenvalueBounds.of(x, 3, 4);
        assertTrue(b.schurBound() > 0);
        assertTrue(b.schurBound() < b.lambdaMin());
        assertTrue(b.lambdaMin() < b.traceBound());
    }

    @Test
    void orthonormalDataGiveClosedForms() {
        // x_i = e_i (n = 5 orthonormal points): every G^(l), K^(l) is a I + c 11ᵀ with off-diagonal c = K^(L)(0)
        // of MATH.md §6.2 (0.6857086363 at L = 3), so λ_min(K^(3)) = 3 − 0.6857086363; λ_min(G^(1)) = 1;
        // G^(2) off-diagonal kappa1_nrm(0) = 1/π, so λ_min(G^(2)) = 1 − 1/π; (XXᵀ)^{∘r} = I, Gershgorin exact (= 1);
        // trace bound = L. Hermite bound = 2μ_r².
        int n = 5;
        double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) {
            x[i][i] = 1;
        }
        SmallestEigenvalueBounds b = SmallestEigenvalueBounds.of(x, 3, 4);
        assertEquals(3 - 0.6857086363, b.lambdaMin(), 1e-10);
        assertEquals(1.0, b.nngpLambdaMin()[0], 1e-14);
        assertEquals(1 - 1 / Math.PI, b.nngpLambdaMin()[1], 1e-14);
        assertEquals(3.0, b.traceBound(), 1e-15);
        HermiteBound h = b.hermite().get(0);
        assertEquals(4, h.order());
        assertEquals(1.0, h.khatriRaoLambdaMin(), 1e-14);
        assertEquals(1.0, h.gershgorin(), 0.0);
        assertEquals(2.0 / (48 * Math.PI), h.bound(), 1e-15);
        assertTrue(b.holds());
    }

    @Test
    void resultIsACopy() {
        double[][] x = Gaussians.standardNormal(6, 8, 1);
        SmallestEigenvalueBounds b = SmallestEigenvalueBounds.of(x, 2);
        double[] m = b.nngpLambdaMin();
        m[0] = 1e9;
        assertTrue(b.nngpLambdaMin()[0] < 1e9);
        assertThrows(UnsupportedOperationException.class, () -> b.links().clear());
    }

    @Test
    void rejections() {
        double[][] x = Gaussians.standardNormal(4, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmallestEigenvalueBounds.of(x, 1, 2));
        assertTrue(e.getMessage().startsWith("layers "));
        e = assertThrows(IllegalArgumentException.class, () -> SmallestEigenvalueBounds.of(x, 2, 2, 3));
        assertTrue(e.getMessage().startsWith("evenOrders[1] "));
        e = assertThrows(IllegalArgumentException.class, () -> SmallestEigenvalueBounds.of(x, 2, 0));
        assertTrue(e.getMessage().startsWith("evenOrders[0] "));
        double[][] withZero = {{1, 0}, {0, 0}};
        e = assertThrows(IllegalArgumentException.class, () -> SmallestEigenvalueBounds.of(withZero, 2));
        assertTrue(e.getMessage().startsWith("x[1] "));
        assertThrows(NullPointerException.class, () -> SmallestEigenvalueBounds.of(x, 2, (int[]) null));
    }
}
