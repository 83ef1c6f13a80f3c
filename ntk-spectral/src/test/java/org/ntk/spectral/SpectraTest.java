package org.ntk.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.KernelMatrix;

/** The front door: dense and partial paths agree with the planted spectrum and with each other. */
class SpectraTest {

    @Test
    void denseEigenvaluesAndTopAgreeOnAPlantedSpectrum() {
        int n = 80;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 1.0 / (1 + i) + (i % 3 == 0 ? 0.0 : 1e-3 * i); // distinct, unsorted
        }
        KernelMatrix k = TestMatrices.planted(lambda, 8);
        double[] planted = lambda.clone();
        java.util.Arrays.sort(planted);
        Decomposition all = Spectra.decompose(k);
        double[] values = Spectra.eigenvalues(k);
        Decomposition top = Spectra.top(k, 6);
        double tol = 10 * n * Math.ulp(1.0);
        for (int i = 0; i < n; i++) {
            assertEquals(planted[n - 1 - i], all.eigenvalue(i), tol);
            assertEquals(planted[n - 1 - i], values[i], tol);
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(all.eigenvalue(i), top.eigenvalue(i), LanczosOptions.DEFAULT_TOLERANCE);
            assertEquals(1.0, TestMatrices.dot(all.eigenvector(i), top.eigenvector(i)), 1e-10);
        }
        assertTrue(all.maxResidual() <= 1e-13);
    }

    @Test
    void nullMatrixIsRejected() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Spectra.decompose(null));
        assertEquals("k", e.getMessage());
        assertThrows(NullPointerException.class, () -> Spectra.eigenvalues(null));
        assertArrayEquals(new double[] {2.0}, Spectra.eigenvalues(
                org.ntk.core.kernel.DenseKernelMatrix.of(new double[][] {{2.0}})), 0.0);
    }
}
