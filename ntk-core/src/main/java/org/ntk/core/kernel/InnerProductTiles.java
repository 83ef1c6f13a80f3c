package org.ntk.core.kernel;

/**
 * The cache-blocked inner-product kernel shared by the pure-Java backend, the fused Gram assembly
 * and {@link ImplicitKernelMatrix}: one tile of X·Yᵀ at a time.
 *
 * <p>A tile is {@value #TILE}×{@value #TILE} entries, computed in 4×4 register blocks whose
 * sixteen accumulators stream over k; for long vectors k is split into blocks of {@value #DEPTH}
 * so that the two tile panels stay in cache, and the accumulators are stored and reloaded between
 * blocks. Every entry is therefore the plain sequential sum {@code s = 0; s += a_k·b_k} for
 * k = 0..d−1: bitwise the same as a naive dot product, whatever the tile or thread it lands in.
 *
 * <p>Row arrays are row-major with row length d and must hold whole groups of four rows (pad with
 * zero rows, see {@link #padded}).
 */
final class InnerProductTiles {

    /** Rows and columns of a tile (a multiple of 4). */
    static final int TILE = 64;
    /** Length of a k-block. */
    static final int DEPTH = 256;

    private InnerProductTiles() {
    }

    /** The number of rows rounded up to a multiple of 4. */
    static int paddedRows(int n) {
        return (n + 3) & ~3;
    }

    /** Returns x if n is a multiple of 4 and x has exactly n·d values, else a zero-padded copy. */
    static double[] padded(double[] x, int n, int d) {
        int np = paddedRows(n);
        if (np == n && x.length == n * d) {
            return x;
        }
        double[] p = new double[np * d];
        System.arraycopy(x, 0, p, 0, n * d);
        return p;
    }

    /**
     * Computes c[(i − i0)·TILE + (j − j0)] = &lt;a_i, b_j&gt; for i in [i0, i1), j in [j0, j1).
     *
     * @param a row-major rows, holding rows up to i1
     * @param i0 first row, a multiple of 4
     * @param i1 end row, a multiple of 4, i1 − i0 ≤ TILE
     * @param b row-major rows, holding rows up to j1
     * @param j0 first column, a multiple of 4
     * @param j1 end column, a multiple of 4, j1 − j0 ≤ TILE
     * @param d the row length
     * @param upper if true (a == b, same tile origin on the diagonal), 4×4 blocks entirely below the
     *     diagonal (j + 3 &lt; i) are skipped and their entries left unspecified
     * @param c TILE² values. Modified.
     */
    static void tile(double[] a, int i0, int i1, double[] b, int j0, int j1, int d, boolean upper, double[] c) {
        for (int k0 = 0; k0 < d; k0 += DEPTH) {
            int k1 = Math.min(d, k0 + DEPTH);
            boolean first = k0 == 0;
            for (int i = i0; i < i1; i += 4) {
                for (int j = j0; j < j1; j += 4) {
                    if (upper && j + 3 < i) {
                        continue;
                    }
                    block(a, i, b, j, d, k0, k1, first, c, (i - i0) * TILE + (j - j0));
                }
            }
        }
    }

    /** One 4×4 block over k in [k0, k1), accumulating into c at offset r (row stride TILE). */
    private static void block(double[] a, int i, double[] b, int j, int d, int k0, int k1, boolean first,
                              double[] c, int r) {
        double c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (first) {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = 0;
            c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = 0;
        } else {
            int q = r;
            c00 = c[q]; c01 = c[q + 1]; c02 = c[q + 2]; c03 = c[q + 3];
            q += TILE;
            c10 = c[q]; c11 = c[q + 1]; c12 = c[q + 2]; c13 = c[q + 3];
            q += TILE;
            c20 = c[q]; c21 = c[q + 1]; c22 = c[q + 2]; c23 = c[q + 3];
            q += TILE;
            c30 = c[q]; c31 = c[q + 1]; c32 = c[q + 2]; c33 = c[q + 3];
        }
        int p0 = i * d;
        int p1 = p0 + d;
        int p2 = p1 + d;
        int p3 = p2 + d;
        int q0 = j * d;
        int q1 = q0 + d;
        int q2 = q1 + d;
        int q3 = q2 + d;
        for (int k = k0; k < k1; k++) {
            double a0 = a[p0 + k];
            double a1 = a[p1 + k];
            double a2 = a[p2 + k];
            double a3 = a[p3 + k];
            double b0 = b[q0 + k];
            double b1 = b[q1 + k];
            double b2 = b[q2 + k];
            double b3 = b[q3 + k];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        int q = r;
        c[q] = c00; c[q + 1] = c01; c[q + 2] = c02; c[q + 3] = c03;
        q += TILE;
        c[q] = c10; c[q + 1] = c11; c[q + 2] = c12; c[q + 3] = c13;
        q += TILE;
        c[q] = c20; c[q + 1] = c21; c[q + 2] = c22; c[q + 3] = c23;
        q += TILE;
        c[q] = c30; c[q + 1] = c31; c[q + 2] = c32; c[q + 3] = c33;
    }

    /** The sequential dot product of rows i of a and j of b: bitwise equal to a tile entry. */
    static double dot(double[] a, int i, double[] b, int j, int d) {
        double s = 0;
        int p = i * d;
        int q = j * d;
        for (int k = 0; k < d; k++) {
            s += a[p + k] * b[q + k];
        }
        return s;
    }
}
