package org.ntk.spectral.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.sampling.Gaussians;

class ThinQrTest {

    /** Row-major n×k standard Gaussian block (seeded). */
    private static double[] gaussian(int n, int k, long seed) {
        double[][] g = Gaussians.standardNormal(n, k, seed);
        double[] a = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(g[i], 0, a, i * k, k);
        }
        return a;
    }

    /** Checks QᵀQ = I, Q R = A, R upper triangular with non-negative diagonal; all to c·ε. */
    private static void assertFactorisation(double[] a, int n, int k) {
        double[] copy = a.clone();
        ThinQr qr = ThinQr.of(a, n, k);
        assertEquals(n, qr.rows());
        assertEquals(k, qr.columns());
        double[] q = qr.q();
        double[] r = qr.r();
        double[] qtq = Blocks.transposeTimes(q, k, q, k, n);
        for (int a1 = 0; a1 < k; a1++) {
            for (int b = 0; b < k; b++) {
                assertEquals(a1 == b ? 1.0 : 0.0, qtq[a1 * k + b], 1e-14 * n, "QᵀQ(" + a1 + "," + b + ")");
            }
        }
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        double[] qrProduct = Blocks.times(q, k, r, k, n);
        for (int i = 0; i < n * k; i++) {
            assertEquals(a[i], qrProduct[i], 1e-14 * n * max, "QR entry " + i);
        }
        for (int i = 0; i < k; i++) {
            assertTrue(r[i * k + i] >= 0, "R diagonal non-negative");
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, r[i * k + j], "R below the diagonal");
            }
        }
        for (int i = 0; i < a.length; i++) {
            assertEquals(copy[i], a[i], "input not modified");
        }
    }

    @Test
    void factorisesTallGaussian() {
        assertFactorisation(gaussian(80, 12, 3), 80, 12);
    }

    @Test
    void factorisesSquare() {
        assertFactorisation(gaussian(30, 30, 4), 30, 30);
    }

    @Test
    void singleColumnAndSingleRow() {
        assertFactorisation(gaussian(9, 1, 5), 9, 1);
        assertFactorisation(new double[] {-2.5}, 1, 1);
        ThinQr one = ThinQr.of(new double[] {-2.5}, 1, 1);
        // closed form: −2.5 = (−1)(2.5)
        assertEquals(-1.0, one.q()[0]);
        assertEquals(2.5, one.r()[0]);
    }

    @Test
    void rankDeficientStillGivesOrthonormalQ() {
        int n = 40;
        int k = 5;
        double[] a = gaussian(n, k, 6);
        for (int i = 0; i < n; i++) {
            a[i * k + 2] = a[i * k] + a[i * k + 1]; // dependent column
            a[i * k + 4] = 0; // zero column
        }
        assertFactorisation(a, n, k);
        ThinQr qr = ThinQr.of(a, n, k);
        assertTrue(qr.r()[2 * k + 2] < 1e-13, "dependent column has a zero pivot");
        assertEquals(0.0, qr.r()[4 * k + 4], "zero column has a zero pivot");
    }

    @Test
    void rejectsMoreColumnsThanRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThinQr.of(new double[6], 2, 3));
        assertTrue(e.getMessage().contains("k"), e.getMessage());
    }
}
