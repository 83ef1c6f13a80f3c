package org.ntk.spectral.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.DeepReluNetwork;
import org.ntk.core.sampling.Gaussians;

class FiniteWidthComparisonTest {

    /**
     * (2/m)·J Jᵀ of a two-layer network f(x) = Σ_j v_j ReLU(w_j·x) with N(0, 1) weights (MATH.md §6.1,
     * L = 2), assembled here independently: J Jᵀ = ΦΦᵀ + (XXᵀ) ∘ (S diag(v²) Sᵀ), Φ = ReLU(XWᵀ), S = step(XWᵀ).
     */
    private static KernelMatrix twoLayerEmpiricalNtk(double[][] x, int m, long seed) {
        int n = x.length;
        int d = x[0].length;
        double[][] w = Gaussians.standardNormal(m, d, seed);
        double[][] v = Gaussians.standardNormal(1, m, seed + 1);
        double[][] pre = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += w[j][k] * x[i][k];
                }
                pre[i][j] = s;
            }
        }
        double[][] k = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double xx = 0;
                for (int c = 0; c < d; c++) {
                    xx += x[a][c] * x[b][c];
                }
                double s = 0;
                for (int j = 0; j < m; j++) {
                    double pa = pre[a][j];
                    double pb = pre[b][j];
                    if (pa > 0 && pb > 0) {
                        s += pa * pb + v[0][j] * v[0][j] * xx;
                    }
                }
                k[a][b] = 2.0 / m * s;
                k[b][a] = k[a][b];
            }
        }
        return DenseKernelMatrix.of(k);
    }

    @Test
    void limitAgainstItselfIsExact() {
        double[][] x = Gaussians.standardNormal(8, 5, 3);
        FiniteWidthComparison c = FiniteWidthComparison.of(DeepNtkRecursion.of(x, 3).ntk(), x, 3);
        assertEquals(0.0, c.frobeniusRelativeError(), 0.0);
        assertEquals(1.0, c.lambdaMinRatio(), 1e-12);
    }

    @Test
    void wideTwoLayerNetworkApproachesTheLimit() {
        // MATH.md §6.1 table: relative Frobenius error 0.055 / 0.021 at width 10³ / 10⁴ (12 points, d = 10),
        // falling like width^{−1/2}. Here: 12 points, d = 10, widths 500 and 16 000; the error must fall by at
        // least a factor 2 (√32 ≈ 5.7 expected) and be below 0.06 at 16 000 (≈ 0.017 expected).
        double[][] x = Gaussians.standardNormal(12, 10, 8);
        FiniteWidthComparison narrow = FiniteWidthComparison.of(twoLayerEmpiricalNtk(x, 500, 21), x, 2);
        FiniteWidthComparison wide = FiniteWidthComparison.of(twoLayerEmpiricalNtk(x, 16_000, 22), x, 2);
        assertTrue(wide.frobeniusRelativeError() < 0.06, () -> "error " + wide.frobeniusRelativeError());
        assertTrue(wide.frobeniusRelativeError() < narrow.frobeniusRelativeError() / 2);
        // Weyl: |λ_min(K̄) − λ_min(K)| ≤ ‖K̄ − K‖_2 ≤ ‖K̄ − K‖_F.
        double weyl = wide.frobeniusRelativeError() * frobeniusNorm(DeepNtkRecursion.of(x, 2).ntk());
        assertTrue(Math.abs(wide.empiricalLambdaMin() - wide.limitLambdaMin()) <= weyl * (1 + 1e-12));
    }

    @Test
    void deepNetworkApproachesTheLimit() {
        // MATH.md §6.1 table: L = 3, 12 points in d = 10, relative Frobenius error 0.092 / 0.041 at widths
        // 1000 / 3000 (5 draws). Here one draw at width 3000 must be below 0.1 and below the width-300 error.
        double[][] x = Gaussians.standardNormal(12, 10, 31);
        FiniteWidthComparison narrow = FiniteWidthComparison.of(DeepReluNetwork.random(10, new int[] {300, 300}, 5), x);
        FiniteWidthComparison wide = FiniteWidthComparison.of(DeepReluNetwork.random(10, new int[] {3000, 3000}, 6), x);
        assertEquals(3, wide.layers());
        assertTrue(wide.frobeniusRelativeError() < 0.1, () -> "error " + wide.frobeniusRelativeError());
        assertTrue(wide.frobeniusRelativeError() < narrow.frobeniusRelativeError());
        assertTrue(wide.limitLambdaMin() > 0);
        assertEquals(1.0, wide.lambdaMinRatio(), 0.3);
    }

    private static double frobeniusNorm(KernelMatrix k) {
        double s = 0;
        for (double v : k.toArray()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Test
    void rejections() {
        double[][] x = Gaussians.standardNormal(4, 3, 1);
        KernelMatrix three = DeepNtkRecursion.of(Gaussians.standardNormal(3, 3, 1), 2).ntk();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteWidthComparison.of(three, x, 2));
        assertTrue(e.getMessage().startsWith("empirical "));
        e = assertThrows(IllegalArgumentException.class,
                () -> FiniteWidthComparison.of(DeepNtkRecursion.of(x, 2).ntk(), x, 0));
        assertTrue(e.getMessage().startsWith("layers "));
        assertThrows(NullPointerException.class, () -> FiniteWidthComparison.of(null, x, 2));
    }
}
