package org.ntk.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.sampling.Gaussians;

class DenseKernelMatrixTest {

    private static double[][] symmetric(int n, long seed) {
        double[][] g = Gaussians.standardNormal(n, n, seed);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = g[i][j] + g[j][i];
            }
        }
        return s;
    }

    @Test
    void blockMultiplyEqualsColumnByColumnMultiply() {
        int n = 37;
        int k = 5;
        DenseKernelMatrix a = DenseKernelMatrix.of(symmetric(n, 1));
        double[][] v = Gaussians.standardNormal(n, k, 2);
        double[] flat = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v[i], 0, flat, i * k, k);
        }
        double[] block = new double[n * k];
        a.multiply(flat, block, k);
        double[] col = new double[n];
        double[] res = new double[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                col[i] = v[i][c];
            }
            a.multiply(col, res);
            for (int i = 0; i < n; i++) {
                // same products, same summation order over j: identical to rounding of the sum
                assertEquals(res[i], block[i * k + c], 1e-12 * (1 + Math.abs(res[i])));
            }
        }
    }

    @Test
    void blockedParallelMultiplyIsBitwiseThePlainTripleLoopForAnyThreadCount() {
        // n = 600 spans 19 row blocks and 3 column blocks of the blocked multiply. Reference: the
        // plain loop out_i[c] = Σ_j K_ij v_j[c] with j in index order (the documented summation).
        int n = 600;
        int k = 7;
        DenseKernelMatrix a = DenseKernelMatrix.of(symmetric(n, 4));
        double[] flat = new double[n * k];
        double[][] v = Gaussians.standardNormal(n, k, 5);
        for (int i = 0; i < n; i++) {
            System.arraycopy(v[i], 0, flat, i * k, k);
        }
        double[] ref = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a.get(i, j) * v[j][c];
                }
                ref[i * k + c] = s;
            }
        }
        for (int threads : new int[] {1, 3}) {
            double[] out = new double[n * k];
            a.multiply(flat, out, k, threads);
            assertArrayEquals(ref, out, 0.0, "threads = " + threads);
        }
        double[] out = new double[n * k];
        a.multiply(flat, out, k);
        assertArrayEquals(ref, out, 0.0, "default threads");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.multiply(flat, out, k, 0));
        assertTrue(e.getMessage().startsWith("threads"), e.getMessage());
    }

    @Test
    void copiesInputAndReturnsCopies() {
        double[][] s = symmetric(4, 3);
        double before = s[1][2];
        DenseKernelMatrix a = DenseKernelMatrix.of(s);
        s[1][2] = 99;
        s[2][1] = 99;
        assertEquals(before, a.get(1, 2));
        double[] arr = a.toArray();
        arr[0] = 1e9;
        assertTrue(a.get(0, 0) != 1e9);
        assertArrayEquals(a.row(2), a.toRows()[2]);
    }

    @Test
    void traceIsSumOfDiagonal() {
        double[][] s = symmetric(6, 4);
        double t = 0;
        for (int i = 0; i < 6; i++) {
            t += s[i][i];
        }
        assertEquals(t, DenseKernelMatrix.of(s).trace(), 1e-14);
    }

    @Test
    void symmetrisesWithinToleranceAndRejectsBeyond() {
        double[][] s = {{1, 0.5}, {0.5 + 1e-12, 2}};
        DenseKernelMatrix a = DenseKernelMatrix.of(s, 1e-10);
        assertEquals(a.get(0, 1), a.get(1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenseKernelMatrix.of(s));
        assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException square = assertThrows(IllegalArgumentException.class,
                () -> DenseKernelMatrix.of(new double[][] {{1, 2}}));
        assertTrue(square.getMessage().contains("square"), square.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> DenseKernelMatrix.of(new double[][] {{Double.NaN}}));
        assertTrue(nan.getMessage().contains("matrix[0][0]"), nan.getMessage());
        DenseKernelMatrix a = DenseKernelMatrix.of(new double[][] {{1}});
        double[] v = {1};
        assertThrows(IllegalArgumentException.class, () -> a.multiply(v, v));
        assertThrows(IllegalArgumentException.class, () -> a.multiply(new double[2], new double[1]));
        assertThrows(IllegalArgumentException.class, () -> a.multiply(new double[1], new double[1], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(1, 0));
    }
}
