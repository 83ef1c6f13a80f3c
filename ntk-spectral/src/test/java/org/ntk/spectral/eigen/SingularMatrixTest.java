package org.ntk.spectral.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.LanczosOptions;
import org.ntk.spectral.Spectra;
import org.ntk.spectral.TestMatrices;
import org.ntk.spectral.eigen.nd4j.LapackEigenSolver;

/**
 * The eigensolvers on exactly singular (rank one, zero) and near-singular matrices: eigenvalues of
 * order 1e−15·‖K‖ are reported as computed — not rounded to zero — and no eigenvalue lies below the
 * true spectrum by more than c·n·ε·‖K‖ (STYLE.md "Numerics", with c = 4 for the backward-stable dense
 * solvers); block Lanczos returns the leading pairs of a rank-deficient matrix with true residuals.
 */
class SingularMatrixTest {

    private static final double EPS = Math.ulp(1.0);
    private static final List<EigenSolver> DENSE = List.of(new LapackEigenSolver(), new CommonsMathEigenSolver());

    @Test
    void rankOneMatrix() {
        int n = 80;
        double[] u = Gaussians.standardNormal(1, n, 3)[0];
        double uu = 0;
        for (double x : u) {
            uu += x * x;
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = u[i] * u[j];
                a[j][i] = a[i][j];
            }
        }
        DenseKernelMatrix k = DenseKernelMatrix.of(a);
        double bound = 4 * n * EPS * uu; // ‖K‖ = ‖u‖²
        for (EigenSolver s : DENSE) {
            Decomposition d = s.decompose(k);
            assertEquals(uu, d.eigenvalue(0), bound, s.toString());
            for (int i = 1; i < n; i++) {
                assertTrue(Math.abs(d.eigenvalue(i)) <= bound, s + ": λ_" + i + " = " + d.eigenvalue(i));
            }
            assertTrue(d.maxResidual() <= bound, s + ": residual " + d.maxResidual());
        }
        Decomposition top = Spectra.top(k, 3);
        assertEquals(uu, top.eigenvalue(0), 1e-10 * uu);
        for (int i = 1; i < 3; i++) {
            assertTrue(Math.abs(top.eigenvalue(i)) <= 1e-10 * uu, "Lanczos λ_" + i + " = " + top.eigenvalue(i));
        }
        assertTrue(top.maxResidual() <= 1e-10 * uu);
    }

    @Test
    void zeroMatrix() {
        int n = 30;
        DenseKernelMatrix k = DenseKernelMatrix.of(new double[n][n]);
        for (EigenSolver s : DENSE) {
            Decomposition d = s.decompose(k);
            for (int i = 0; i < n; i++) {
                assertEquals(0.0, d.eigenvalue(i), s.toString());
                assertEquals(0.0, d.residuals()[i], s.toString());
            }
            assertTrue(TestMatrices.orthogonalityError(d) <= 1e-14, s.toString());
        }
        for (int b : new int[] {0, 1, 4}) {
            Decomposition top = Spectra.top(k, 5, LanczosOptions.defaults().withBlockSize(b));
            for (int i = 0; i < 5; i++) {
                assertEquals(0.0, top.eigenvalue(i), "block " + b);
            }
            assertTrue(TestMatrices.orthogonalityError(top) <= 1e-14);
        }
    }

    /**
     * A diagonal matrix with eigenvalues down to 3e−16·‖K‖ and exact zeros: a symmetric
     * tridiagonal(-ised) diagonal matrix is decomposed exactly, so every tiny value must come back
     * bitwise (commons-math alone would round those below ε·‖K‖ to 0).
     */
    @Test
    void tinyEigenvaluesOfADiagonalMatrixAreNotRoundedToZero() {
        double[] lambda = {1.0, 1e-15, 3e-16, 0.0, 0.0, 7e-16};
        double[][] a = new double[6][6];
        for (int i = 0; i < 6; i++) {
            a[i][i] = lambda[i];
        }
        double[] sorted = {1.0, 1e-15, 7e-16, 3e-16, 0.0, 0.0};
        for (EigenSolver s : DENSE) {
            double[] values = s.eigenvalues(DenseKernelMatrix.of(a));
            for (int i = 0; i < 6; i++) {
                assertEquals(sorted[i], values[i], s + ": λ_" + i);
            }
        }
    }

    /**
     * A rotated near-singular matrix Q diag(λ) Qᵀ with λ = 1, 0.5, …, and a cluster at 1e−15:
     * the dense solvers must return the tiny eigenvalues within c·n·ε·‖K‖ of the planted ones, none
     * below −c·n·ε·‖K‖, and none as an exact zero (a rounded-away value would be exactly 0.0).
     */
    @Test
    void nearSingularRotatedMatrix() {
        int n = 60;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < 40 ? Math.pow(0.5, i / 4.0) : 1e-15 * (1 + (i - 40) * 0.01);
        }
        KernelMatrix k = TestMatrices.planted(lambda, 12);
        double bound = 4 * n * EPS * 1.0;
        for (EigenSolver s : DENSE) {
            double[] values = s.eigenvalues(k);
            for (int i = 0; i < n; i++) {
                assertEquals(lambda[i], values[i], bound, s + ": λ_" + i);
                assertTrue(values[i] >= -bound, s + ": λ_" + i + " = " + values[i]);
                assertNotEquals(0.0, values[i], s + ": λ_" + i + " rounded to zero");
            }
        }
        Decomposition top = Spectra.top(k, 45, LanczosOptions.defaults().withTolerance(1e-12));
        for (int i = 0; i < 45; i++) {
            assertEquals(lambda[i], top.eigenvalue(i), 1e-12, "Lanczos λ_" + i);
        }
    }
}
