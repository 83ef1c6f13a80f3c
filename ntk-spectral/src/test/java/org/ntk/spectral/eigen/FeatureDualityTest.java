package org.ntk.spectral.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.TestMatrices;

/**
 * Tests of the FIM ↔ NTK duality (MATH.md §2.2). References: both Gram matrices assembled here by
 * plain loops and decomposed independently by the pure-Java {@link CommonsMathEigenSolver}.
 */
class FeatureDualityTest {

    private static DenseKernelMatrix gram(double[][] rows, int divisor) {
        int s = rows.length;
        double[][] g = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j <= i; j++) {
                g[i][j] = TestMatrices.dot(rows[i], rows[j]) / divisor;
                g[j][i] = g[i][j];
            }
        }
        return DenseKernelMatrix.of(g);
    }

    private static double[][] transpose(double[][] x) {
        double[][] t = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < x[0].length; a++) {
                t[a][i] = x[i][a];
            }
        }
        return t;
    }

    /** ReLU features of Gaussian data: non-negative, like Φ = ReLU(X Wᵀ) of a network. */
    private static double[][] features(int n, int m, long seed) {
        double[][] phi = Gaussians.standardNormal(n, m, seed);
        for (double[] row : phi) {
            for (int a = 0; a < m; a++) {
                row[a] = Math.max(row[a], 0) + 0.1 * row[a];
            }
        }
        return phi;
    }

    @ParameterizedTest
    @CsvSource({"30, 70", "70, 30", "40, 40"})
    void spectraAgreeAndMappedVectorsAreEigenvectors(int n, int m) {
        double[][] phi = features(n, m, n * 100L + m);
        DualDecomposition dual = FeatureDuality.decompose(phi, 1e-10, new CommonsMathEigenSolver());
        int s = Math.min(n, m);
        assertEquals(s, dual.rank(), "random features have full rank");
        assertEquals(n, dual.ntk().size());
        assertEquals(m, dual.fim().size());
        DenseKernelMatrix ntk = gram(phi, n);
        DenseKernelMatrix fim = gram(transpose(phi), n);
        Decomposition ntkRef = new CommonsMathEigenSolver().decompose(ntk);
        Decomposition fimRef = new CommonsMathEigenSolver().decompose(fim);
        double l0 = ntkRef.eigenvalue(0);
        for (int i = 0; i < s; i++) {
            assertEquals(ntkRef.eigenvalue(i), dual.ntk().eigenvalue(i), 1e-12 * l0, "NTK-side eigenvalue " + i);
            assertEquals(fimRef.eigenvalue(i), dual.fim().eigenvalue(i), 1e-12 * l0, "FIM-side eigenvalue " + i);
            // both sides' vectors are eigenvectors of their own Gram matrix (residual against the plain-loop matrix)
            double rn = TestMatrices.residual(ntk, dual.ntk().eigenvalue(i), dual.ntk().eigenvector(i));
            double rf = TestMatrices.residual(fim, dual.fim().eigenvalue(i), dual.fim().eigenvector(i));
            assertTrue(rn <= 1e-12 * l0, "NTK residual " + i + " = " + rn);
            assertTrue(rf <= 1e-12 * l0, "FIM residual " + i + " = " + rf);
            assertEquals(rn, dual.ntk().residuals()[i], 1e-13 * l0);
            assertEquals(rf, dual.fim().residuals()[i], 1e-13 * l0);
            // and they are linked by u = Φᵀv/√(nλ) up to sign
            double[] v = dual.ntk().eigenvector(i);
            double[] u = dual.fim().eigenvector(i);
            double link = 0;
            for (int a = 0; a < m; a++) {
                double phiTv = 0;
                for (int r = 0; r < n; r++) {
                    phiTv += phi[r][a] * v[r];
                }
                link += phiTv * u[a];
            }
            assertEquals(1.0, Math.abs(link) / Math.sqrt(n * dual.ntk().eigenvalue(i)), 1e-10, "link " + i);
        }
        // the larger side's remaining eigenvalues are zero to rounding: the two non-zero spectra coincide
        Decomposition larger = n > m ? ntkRef : fimRef;
        for (int i = s; i < Math.max(n, m); i++) {
            assertEquals(0.0, larger.eigenvalue(i), 1e-12 * l0);
        }
        assertTrue(TestMatrices.orthogonalityError(dual.ntk()) <= 1e-10);
        assertTrue(TestMatrices.orthogonalityError(dual.fim()) <= 1e-10);
    }

    @Test
    void rankDeficientFeaturesKeepOnlyPairsAboveTheThresholdAndReportTheWholeSpectrum() {
        // columns 5..59 repeat columns 0..4 scaled: rank 5 with n = 20, m = 60
        int n = 20;
        int m = 60;
        double[][] base = features(n, 5, 3);
        double[][] phi = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < m; a++) {
                phi[i][a] = base[i][a % 5] * (1 + a / 5);
            }
        }
        DualDecomposition dual = FeatureDuality.decompose(phi, 1e-10);
        assertEquals(5, dual.rank());
        assertEquals(5, dual.fim().count());
        double[] spectrum = dual.spectrum();
        assertEquals(n, spectrum.length);
        for (int i = 5; i < n; i++) {
            assertTrue(Math.abs(spectrum[i]) <= 1e-10 * spectrum[0], "tail eigenvalue " + i + " = " + spectrum[i]);
        }
        assertTrue(dual.fim().maxResidual() <= 1e-12 * spectrum[0]);
        assertEquals(1e-10, dual.relativeThreshold(), 0.0);
    }

    @Test
    void rejectsBadArguments() {
        double[][] phi = features(4, 3, 1);
        for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FeatureDuality.decompose(phi, bad));
            assertTrue(e.getMessage().startsWith("relativeThreshold"), e.getMessage());
        }
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> FeatureDuality.decompose(new double[][] {{1, 2}, {3}}, 0.0));
        assertTrue(ragged.getMessage().startsWith("features[1]"), ragged.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> FeatureDuality.decompose(phi, 0.0, null));
        assertEquals("solver", npe.getMessage());
        assertThrows(NullPointerException.class, () -> FeatureDuality.decompose(null, 0.0));
    }
}
