package org.ntk.core.kernel;

/**
 * The cache-blocked inner-product kernel shared by the pure-Java backend, the fused Gram assembly
 * and {@link ImplicitKernelMatrix}: one tile of X·Yᵀ at a time.
 *
 * <p>A tile is {@value #TILE}×{@value #TILE} entries. For each k-block of {@value #DEPTH} the tile's
 * B rows are transposed into {@link Scratch#bT} (row k holds b_jk for the tile's columns j), and four
 * rows of A at a time are accumulated into per-row arrays: {@code c_r[j] += a_rk · bT_k[j]}. Every
 * array in that loop is indexed by the same j, which is what lets the JIT (JDK 17 C2) vectorise it;
 * a flat tile or offsets into shared arrays keep it scalar. Each entry is still the plain sequential
 * sum {@code s = 0; s += a_k·b_k} for k = 0..d−1 (k-blocks in order, one product added at a time):
 * bitwise the same as a naive dot product, whatever the tile or thread it lands in. Measured on
 * AVX-512 (docs/performance.md): about 14 GFLOP/s per core at d = 64 and 11 at d = 256, against 10
 * and 6 for the former 4×4 register-blocked scalar kernel.
 *
 * <p>Row arrays are row-major with row length d and must hold whole groups of four rows (pad with
 * zero rows, see {@link #padded}).
 */
final class InnerProductTiles {

    /** Rows and columns of a tile (a multiple of 4). */
    static final int TILE = 64;
    /** Length of a k-block (the transposed B block, DEPTH × TILE doubles, stays in L1). */
    static final int DEPTH = 32;

    /** One worker's scratch for {@link #tile}: the transposed B block and the accumulator rows. */
    static final class Scratch {
        final double[][] bT = new double[DEPTH][TILE];
        final double[][] rows = new double[TILE][TILE];
    }

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
     * @param upper if true (a == b, i0 == j0: a diagonal tile), entries with j &lt; i − 3 may be skipped
     *     and left unspecified
     * @param c TILE² values. Modified.
     * @param s the calling worker's scratch. Modified.
     */
    static void tile(double[] a, int i0, int i1, double[] b, int j0, int j1, int d, boolean upper, double[] c,
                     Scratch s) {
        int rows = i1 - i0;
        int cols = j1 - j0;
        double[][] acc = s.rows;
        double[][] bT = s.bT;
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(acc[r], 0, cols, 0.0);
        }
        for (int k0 = 0; k0 < d; k0 += DEPTH) {
            int kn = Math.min(d - k0, DEPTH);
            for (int j = 0; j < cols; j++) {
                int q = (j0 + j) * d + k0;
                for (int k = 0; k < kn; k++) {
                    bT[k][j] = b[q + k];
                }
            }
            for (int r = 0; r < rows; r += 4) {
                int js = upper ? r : 0;
                block(a, (i0 + r) * d + k0, d, kn, bT, acc[r], acc[r + 1], acc[r + 2], acc[r + 3], js, cols);
            }
        }
        for (int r = 0; r < rows; r++) {
            int js = upper ? r & ~3 : 0;
            System.arraycopy(acc[r], js, c, r * TILE + js, cols - js);
        }
    }

    /** Four accumulator rows over one k-block: c_m[j] += a_(m, k)·bT_k[j] for j in [js, cols). */
    private static void block(double[] a, int p, int d, int kn, double[][] bT, double[] c0, double[] c1, double[] c2,
                              double[] c3, int js, int cols) {
        for (int k = 0; k < kn; k++) {
            double a0 = a[p + k];
            double a1 = a[p + d + k];
            double a2 = a[p + 2 * d + k];
            double a3 = a[p + 3 * d + k];
            double[] bk = bT[k];
            for (int j = js; j < cols; j++) {
                double bj = bk[j];
                c0[j] += a0 * bj;
                c1[j] += a1 * bj;
                c2[j] += a2 * bj;
                c3[j] += a3 * bj;
            }
        }
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
