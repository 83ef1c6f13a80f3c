package org.ntk.spectral.eigen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.TestMatrices;

/**
 * The contract every {@link EigenSolver} must meet. Reference spectra are planted: K = Q diag(λ) Qᵀ with
 * Q from the QR factorisation of a seeded Gaussian matrix, so the exact eigenvalues of the exact K are
 * λ; the computed K differs from the exact one by rounding of order n·ε·‖K‖, which is the scale of every
 * eigenvalue tolerance below (STYLE.md: absolute c·n·ε·‖K‖ tolerances).
 */
public abstract class EigenSolverContractTest {

    /** Machine epsilon. */
    protected static final double EPS = Math.ulp(1.0);

    /** The solver under test. */
    protected abstract EigenSolver solver();

    /** Seeded eigenvalues in [0.01, 10], distinct with probability 1 (uniform draws). */
    protected static double[] randomSpectrum(int n, long seed) {
        Gaussians g = new Gaussians(seed);
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = 0.01 + 10 * (0.5 + 0.5 * Math.tanh(g.next()));
        }
        return l;
    }

    protected static double[] sortedDescending(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Checks every structural property of a full decomposition of k. */
    protected static void assertValidDecomposition(KernelMatrix k, Decomposition d) {
        int n = k.size();
        assertEquals(n, d.size());
        assertEquals(n, d.count());
        double[] l = d.eigenvalues();
        for (int i = 1; i < n; i++) {
            assertTrue(l[i] <= l[i - 1], "non-increasing at " + i);
        }
        double kf = TestMatrices.frobenius(k);
        double scale = kf > 0 ? kf : 1;
        assertTrue(TestMatrices.residualFrobenius(k, d) / scale <= 1e-12 * n,
                "‖KV − VΛ‖_F/‖K‖_F = " + TestMatrices.residualFrobenius(k, d) / scale);
        assertTrue(TestMatrices.orthogonalityError(d) <= 1e-12 * n, "‖VᵀV − I‖ = " + TestMatrices.orthogonalityError(d));
        double[] res = d.residuals();
        for (int i = 0; i < n; i++) {
            double[] v = d.eigenvector(i);
            assertTrue(TestMatrices.canonicalSign(v), "canonical sign of vector " + i);
            // the reported residual is the true one, up to rounding in either computation
            double independent = TestMatrices.residual(k, l[i], v);
            assertEquals(independent, res[i], 1e-12 * n * scale, "residual " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 17, 100, 300})
    void recoversPlantedSpectrum(int n) {
        double[] lambda = randomSpectrum(n, 10 + n);
        KernelMatrix k = TestMatrices.planted(lambda, 20 + n);
        Decomposition d = solver().decompose(k);
        assertValidDecomposition(k, d);
        double[] expected = sortedDescending(lambda);
        double tol = 10 * n * EPS * maxAbs(lambda);
        double[] got = d.eigenvalues();
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], got[i], tol, "eigenvalue " + i);
        }
    }

    @Test
    void recoversPlantedEigenvectorsForSeparatedEigenvalues() {
        int n = 40;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = n - i; // gaps of 1 = ‖K‖/40: eigenvector error ≤ residual/gap
        }
        double[][] q = TestMatrices.orthogonal(n, 5);
        Decomposition d = solver().decompose(TestMatrices.planted(q, lambda));
        for (int i = 0; i < n; i++) {
            double c = Math.abs(TestMatrices.dot(TestMatrices.column(q, i), d.eigenvector(i)));
            assertEquals(1.0, c, 1e-12, "|cos| between planted and computed vector " + i);
        }
    }

    @Test
    void repeatedEigenvaluesGiveTheWholeEigenspace() {
        int n = 60;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < 7 ? 4.0 : (i < 10 ? 2.0 : 1.0 / (i + 1));
        }
        double[][] q = TestMatrices.orthogonal(n, 7);
        KernelMatrix k = TestMatrices.planted(q, lambda);
        Decomposition d = solver().decompose(k);
        assertValidDecomposition(k, d);
        double tol = 10 * n * EPS * 4.0;
        for (int i = 0; i < 7; i++) {
            assertEquals(4.0, d.eigenvalue(i), tol);
        }
        for (int i = 7; i < 10; i++) {
            assertEquals(2.0, d.eigenvalue(i), tol);
        }
        double[][] planted4 = new double[7][];
        double[][] found4 = new double[7][];
        for (int i = 0; i < 7; i++) {
            planted4[i] = TestMatrices.column(q, i);
            found4[i] = d.eigenvector(i);
        }
        // exact eigenspaces give 0 up to the rounding of the 49 products summed (about 7ε); a missing
        // direction gives 1, a direction tilted by 3e-7 rad gives 1e-13
        assertTrue(TestMatrices.subspaceGap(planted4, found4) <= 1e-13,
                "subspace gap " + TestMatrices.subspaceGap(planted4, found4));
    }

    @Test
    void rankDeficientMatrixHasZeroEigenvaluesToRounding() {
        // K = Φ Φᵀ with Φ 50×8: rank 8, so 42 eigenvalues are exactly 0 in exact arithmetic.
        int n = 50;
        int r = 8;
        double[][] phi = Gaussians.standardNormal(n, r, 3);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = TestMatrices.dot(phi[i], phi[j]);
                a[j][i] = a[i][j];
            }
        }
        DenseKernelMatrix k = DenseKernelMatrix.of(a);
        Decomposition d = solver().decompose(k);
        assertValidDecomposition(k, d);
        double top = d.eigenvalue(0);
        assertTrue(d.eigenvalue(r - 1) > 1e-3 * top, "the rank-r part is well separated");
        for (int i = r; i < n; i++) {
            assertEquals(0.0, d.eigenvalue(i), 10 * n * EPS * top, "eigenvalue " + i);
        }
        // trace = Σλ (independent: the diagonal)
        double sum = 0;
        for (double l : d.eigenvalues()) {
            sum += l;
        }
        assertEquals(k.trace(), sum, 10 * n * EPS * top);
    }

    @Test
    void zeroMatrix() {
        KernelMatrix k = DenseKernelMatrix.of(new double[3][3]);
        Decomposition d = solver().decompose(k);
        assertArrayEquals(new double[3], d.eigenvalues(), 0.0);
        assertValidDecomposition(k, d);
    }

    @Test
    void oneByOne() {
        Decomposition d = solver().decompose(DenseKernelMatrix.of(new double[][] {{-2.5}}));
        assertArrayEquals(new double[] {-2.5}, d.eigenvalues(), 0.0);
        assertArrayEquals(new double[] {1.0}, d.eigenvector(0), 0.0);
        assertEquals(0.0, d.residuals()[0], 0.0);
        assertArrayEquals(new double[] {-2.5}, solver().eigenvalues(DenseKernelMatrix.of(new double[][] {{-2.5}})), 0.0);
    }

    @Test
    void diagonalMatrixGivesSortedDiagonalAndUnitVectorsWithoutRoundingTinyValuesToZero() {
        double[] diag = {1e-20, 3.0, -1.0, 1e-300, 2.0, 0.0};
        int n = diag.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = diag[i];
        }
        Decomposition d = solver().decompose(DenseKernelMatrix.of(a));
        double[] expected = {3.0, 2.0, 1e-20, 1e-300, 0.0, -1.0};
        int[] position = {1, 4, 0, 3, 5, 2};
        for (int i = 0; i < n; i++) {
            // exact data: a diagonal matrix is its own eigendecomposition; 1e-12 relative slack only
            assertEquals(expected[i], d.eigenvalue(i), 1e-12 * Math.abs(expected[i]), "eigenvalue " + i);
            double[] e = new double[n];
            e[position[i]] = 1;
            assertArrayEquals(e, d.eigenvector(i), 1e-15, "eigenvector " + i);
        }
        assertNotEquals(0.0, d.eigenvalue(2));
        assertNotEquals(0.0, d.eigenvalue(3));
    }

    @Test
    void eigenvaluesOnlyAgreeWithFullDecomposition() {
        int n = 120;
        double[] lambda = randomSpectrum(n, 99);
        KernelMatrix k = TestMatrices.planted(lambda, 98);
        double[] full = solver().decompose(k).eigenvalues();
        double[] only = solver().eigenvalues(k);
        assertEquals(n, only.length);
        double tol = 10 * n * EPS * maxAbs(lambda);
        for (int i = 0; i < n; i++) {
            assertEquals(full[i], only[i], tol, "eigenvalue " + i);
            if (i > 0) {
                assertTrue(only[i] <= only[i - 1]);
            }
        }
    }

    @Test
    void inputMatrixIsNotModified() {
        KernelMatrix k = TestMatrices.planted(randomSpectrum(30, 4), 4);
        double[] before = k.toArray();
        solver().decompose(k);
        solver().eigenvalues(k);
        assertArrayEquals(before, k.toArray(), 0.0);
    }

    @Test
    void returnedArraysAreCopies() {
        Decomposition d = solver().decompose(TestMatrices.planted(randomSpectrum(5, 6), 6));
        double l0 = d.eigenvalue(0);
        d.eigenvalues()[0] = 1e9;
        d.eigenvector(0)[0] = 1e9;
        d.residuals()[0] = 1e9;
        assertEquals(l0, d.eigenvalue(0), 0.0);
        assertTrue(Math.abs(d.eigenvector(0)[0]) <= 1.0);
        assertTrue(d.residuals()[0] < 1.0);
    }

    @Test
    void rejectsNullNonFiniteAndNonSymmetricInput() {
        NullPointerException npe = assertThrows(NullPointerException.class, () -> solver().decompose(null));
        assertTrue(npe.getMessage().contains("k"));
        assertThrows(NullPointerException.class, () -> solver().eigenvalues(null));
        KernelMatrix nan = new ArrayMatrix(new double[][] {{1, Double.NaN}, {Double.NaN, 1}});
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> solver().decompose(nan));
        assertTrue(e1.getMessage().startsWith("k["), e1.getMessage());
        KernelMatrix asym = new ArrayMatrix(new double[][] {{1, 0.5}, {0.25, 1}});
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> solver().eigenvalues(asym));
        assertTrue(e2.getMessage().startsWith("k must be symmetric"), e2.getMessage());
    }

    /** A KernelMatrix over an arbitrary array, without the checks of DenseKernelMatrix (for rejection tests). */
    static final class ArrayMatrix implements KernelMatrix {
        private final double[][] a;

        ArrayMatrix(double[][] a) {
            this.a = a;
        }

        @Override
        public int size() {
            return a.length;
        }

        @Override
        public double get(int i, int j) {
            return a[i][j];
        }

        @Override
        public double trace() {
            double t = 0;
            for (int i = 0; i < a.length; i++) {
                t += a[i][i];
            }
            return t;
        }

        @Override
        public void multiply(double[] v, double[] out) {
            for (int i = 0; i < a.length; i++) {
                double s = 0;
                for (int j = 0; j < a.length; j++) {
                    s += a[i][j] * v[j];
                }
                out[i] = s;
            }
        }
    }
}
