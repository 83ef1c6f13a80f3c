package org.ntk.core.network;

import java.util.function.IntConsumer;

import org.ntk.core.parallel.ParallelTasks;

/**
 * The dense matrix products behind the empirical NTKs of this package: A·Bᵀ (forward pass), A·B
 * (backpropagation) and the lower triangle of A·Aᵀ (Gram matrices), on flat row-major arrays, blocked
 * for the cache and split over a fixed grid of blocks.
 *
 * <p><b>Determinism.</b> Every output entry is computed by the same arithmetic whatever the thread
 * count: a dot product or an accumulation over the inner index in increasing order (for the Gram
 * product: sequential partial sums over fixed chunks of {@link #K_CHUNK}, added in chunk order). The
 * block grid depends only on the shapes; threads merely decide who computes which block. Results are
 * therefore bitwise identical for every thread count.
 *
 * <p>Package-private; inputs are trusted (validated at the public boundary).
 */
final class BlockedProducts {

    /** Rows and columns of one Gram tile. */
    static final int TILE = 48;
    /** Inner-dimension chunk of the Gram product (fixes the summation order). */
    static final int K_CHUNK = 512;
    /** Rows of one block of the A·Bᵀ and A·B products. */
    static final int ROW_BLOCK = 64;
    /** Columns of one block of the A·Bᵀ and A·B products. */
    static final int COL_BLOCK = 128;
    /** Below this many multiply-adds a product runs on the calling thread alone. */
    private static final long SERIAL_WORK = 1L << 17;

    private BlockedProducts() {
    }

    /** The default thread count of the library calls without a {@code threads} argument. */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Returns C = A·Bᵀ, n×q, where A is n×p and B is q×p (both row-major). C_ij is the dot product of
     * row i of A and row j of B summed in increasing k from 0.0, exactly as a direct loop would.
     */
    static double[] timesTranspose(double[] a, int n, int p, double[] b, int q, int threads) {
        double[] c = new double[Math.multiplyExact(n, q)];
        int rowBlocks = ceilDiv(n, ROW_BLOCK);
        int colBlocks = ceilDiv(q, COL_BLOCK);
        run(rowBlocks * colBlocks, threads, (long) n * p * q, task -> {
            int i0 = (task / colBlocks) * ROW_BLOCK;
            int i1 = Math.min(n, i0 + ROW_BLOCK);
            int j0 = (task % colBlocks) * COL_BLOCK;
            int j1 = Math.min(q, j0 + COL_BLOCK);
            for (int j = j0; j < j1; j++) {
                int bj = j * p;
                int i = i0;
                for (; i + 3 < i1; i += 4) {
                    int a0 = i * p;
                    int a1 = a0 + p;
                    int a2 = a1 + p;
                    int a3 = a2 + p;
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    for (int k = 0; k < p; k++) {
                        double bk = b[bj + k];
                        s0 += a[a0 + k] * bk;
                        s1 += a[a1 + k] * bk;
                        s2 += a[a2 + k] * bk;
                        s3 += a[a3 + k] * bk;
                    }
                    c[i * q + j] = s0;
                    c[(i + 1) * q + j] = s1;
                    c[(i + 2) * q + j] = s2;
                    c[(i + 3) * q + j] = s3;
                }
                for (; i < i1; i++) {
                    int a0 = i * p;
                    double s = 0;
                    for (int k = 0; k < p; k++) {
                        s += a[a0 + k] * b[bj + k];
                    }
                    c[i * q + j] = s;
                }
            }
        });
        return c;
    }

    /**
     * Returns C = A·B, n×p, where A is n×q and B is q×p (both row-major). C_ik accumulates
     * A_ij·B_jk over j in increasing order from 0.0, skipping the j with A_ij = 0 (which changes no
     * value, at most the sign of a zero).
     */
    static double[] times(double[] a, int n, int q, double[] b, int p, int threads) {
        double[] c = new double[Math.multiplyExact(n, p)];
        int rowBlocks = ceilDiv(n, ROW_BLOCK);
        int colBlocks = ceilDiv(p, COL_BLOCK);
        run(rowBlocks * colBlocks, threads, (long) n * p * q, task -> {
            int i0 = (task / colBlocks) * ROW_BLOCK;
            int i1 = Math.min(n, i0 + ROW_BLOCK);
            int k0 = (task % colBlocks) * COL_BLOCK;
            int k1 = Math.min(p, k0 + COL_BLOCK);
            for (int j = 0; j < q; j++) {
                int bj = j * p;
                for (int i = i0; i < i1; i++) {
                    double aij = a[i * q + j];
                    if (aij == 0) {
                        continue;
                    }
                    int ci = i * p;
                    for (int k = k0; k < k1; k++) {
                        c[ci + k] += aij * b[bj + k];
                    }
                }
            }
        });
        return c;
    }

    /**
     * Returns the n×n row-major array whose lower triangle (j ≤ i) holds (A·Aᵀ)_ij for A n×p
     * (row-major); the strict upper triangle is 0. Entry (i, j) is the sum, in chunk order, of the
     * sequential partial dot products of rows i and j over chunks of {@link #K_CHUNK} columns.
     */
    static double[] lowerGram(double[] a, int n, int p, int threads) {
        double[] c = new double[Math.multiplyExact(n, n)];
        int tiles = ceilDiv(n, TILE);
        int tasks = tiles * (tiles + 1) / 2;
        int[] tileRow = new int[tasks];
        int[] tileCol = new int[tasks];
        for (int ti = 0, t = 0; ti < tiles; ti++) {
            for (int tj = 0; tj <= ti; tj++, t++) {
                tileRow[t] = ti;
                tileCol[t] = tj;
            }
        }
        run(tasks, threads, (long) n * n * p / 2, task -> {
            int ti = tileRow[task];
            int tj = tileCol[task];
            gramTile(a, n, p, c, ti * TILE, Math.min(n, (ti + 1) * TILE), tj * TILE,
                    Math.min(n, (tj + 1) * TILE));
        });
        return c;
    }

    private static void gramTile(double[] a, int n, int p, double[] c, int i0, int i1, int j0, int j1) {
        for (int k0 = 0; k0 < p; k0 += K_CHUNK) {
            int k1 = Math.min(p, k0 + K_CHUNK);
            for (int i = i0; i < i1; i++) {
                int ai = i * p;
                int jEnd = Math.min(j1, i + 1);
                int j = j0;
                for (; j + 3 < jEnd; j += 4) {
                    int b0 = j * p;
                    int b1 = b0 + p;
                    int b2 = b1 + p;
                    int b3 = b2 + p;
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    for (int k = k0; k < k1; k++) {
                        double aik = a[ai + k];
                        s0 += aik * a[b0 + k];
                        s1 += aik * a[b1 + k];
                        s2 += aik * a[b2 + k];
                        s3 += aik * a[b3 + k];
                    }
                    int ci = i * n + j;
                    c[ci] += s0;
                    c[ci + 1] += s1;
                    c[ci + 2] += s2;
                    c[ci + 3] += s3;
                }
                for (; j < jEnd; j++) {
                    int b0 = j * p;
                    double s = 0;
                    for (int k = k0; k < k1; k++) {
                        s += a[ai + k] * a[b0 + k];
                    }
                    c[i * n + j] += s;
                }
            }
        }
    }

    /** Copies the lower triangle of a row-major n×n array onto its upper triangle. */
    static void mirrorLower(double[] c, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                c[j * n + i] = c[i * n + j];
            }
        }
    }

    /**
     * Runs {@code body} for every task index in [0, tasks) on at most {@code threads} threads (the
     * calling thread included), each task exactly once. Tasks must write disjoint memory. Work below
     * {@link #SERIAL_WORK} multiply-adds runs serially. The first exception thrown by a task is
     * rethrown after all threads have finished.
     */
    static void run(int tasks, int threads, long work, IntConsumer body) {
        int t = Math.min(threads, tasks);
        if (t <= 1 || work < SERIAL_WORK) {
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        ParallelTasks.run(tasks, t, body);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
