package org.ntk.core.kernel;

import java.util.Arrays;

/**
 * One worker's buffers for turning a {@value InnerProductTiles#TILE}×{@value InnerProductTiles#TILE}
 * tile of raw inner products into kernel values: k_ij = w_i·w_j·h(cosine(c_ij, sq_i, sq_j)).
 *
 * <p>Why the buffers: the JIT (JDK 17 C2) vectorises a loop only if every array it reads is indexed
 * exactly like the array it writes (it cannot rule out that two {@code double[]} are the same array
 * at different offsets). A row segment computed as {@code t[k] = f(c[r·TILE + k], sq[j0 + k])} is
 * therefore scalar (measured: 4.2 ns per cosine against 1.0 ns vectorised). So the per-row and
 * per-column factors (sq_i, w_i and sq_j, w_j) are replicated into tile-shaped arrays once per row
 * tile and once per column tile, and each step is one loop over the whole tile with a single index:
 * cosines, the profile ({@link ProfileBatch}), the weights. Every entry gets exactly the arithmetic of
 * {@link PointSet#cosine} and the scalar profile, so results are bitwise those of an entry-by-entry
 * evaluation.
 *
 * <p>The tile is row-major with row stride TILE: entry (i, j) of the tile with origin (i0, j0) at
 * (i − i0)·TILE + (j − j0). Rows or columns beyond the matrix (a partial last tile) get factors 0
 * and are computed but never stored. Not thread-safe: one instance per worker thread.
 */
final class TileMap {

    static final int TILE = InnerProductTiles.TILE;
    private static final int SIZE = TILE * TILE;

    /** Scratch of the inner-product kernel ({@link InnerProductTiles#tile}) for this worker. */
    final InnerProductTiles.Scratch scratch = new InnerProductTiles.Scratch();
    /** Raw inner products of the current tile (written by the caller). */
    final double[] c = new double[SIZE];
    /** Kernel values of the current tile after {@link #map()}. */
    final double[] k = new double[SIZE];
    private final double[] sqRow = new double[SIZE];
    private final double[] sqCol = new double[SIZE];
    private final double[] wRow = new double[SIZE];
    private final double[] wCol = new double[SIZE];
    private final ProfileBatch batch;

    TileMap(HomogeneousKernel kernel) {
        this.batch = ProfileBatch.of(kernel);
    }

    /** Sets the row factors for rows [i0, ie) (ie − i0 ≤ TILE). */
    void rows(double[] sq, double[] w, int i0, int ie) {
        for (int r = 0; r < TILE; r++) {
            int i = i0 + r;
            Arrays.fill(sqRow, r * TILE, (r + 1) * TILE, i < ie ? sq[i] : 0.0);
            Arrays.fill(wRow, r * TILE, (r + 1) * TILE, i < ie ? w[i] : 0.0);
        }
    }

    /** Sets the column factors for columns [j0, je) (je − j0 ≤ TILE). */
    void columns(double[] sq, double[] w, int j0, int je) {
        int len = je - j0;
        for (int r = 0; r < TILE; r++) {
            System.arraycopy(sq, j0, sqCol, r * TILE, len);
            System.arraycopy(w, j0, wCol, r * TILE, len);
        }
        if (len < TILE) {
            for (int r = 0; r < TILE; r++) {
                Arrays.fill(sqCol, r * TILE + len, (r + 1) * TILE, 0.0);
                Arrays.fill(wCol, r * TILE + len, (r + 1) * TILE, 0.0);
            }
        }
    }

    /** Maps the raw inner products in {@link #c} to kernel values in {@link #k} (whole tile). */
    void map() {
        double[] t = k;
        for (int q = 0; q < SIZE; q++) {
            t[q] = PointSet.cosine(c[q], sqRow[q], sqCol[q]);
        }
        batch.apply(t, SIZE);
        for (int q = 0; q < SIZE; q++) {
            t[q] = wRow[q] * wCol[q] * t[q];
        }
    }

    /**
     * Stores the mapped tile's entries on and above the diagonal into the rows of out, and their
     * mirror images below the diagonal (contiguous column runs).
     *
     * @param out the n×n row-major result. Modified.
     */
    void storeSymmetric(double[] out, int n, int i0, int ie, int j0, int je) {
        for (int i = i0; i < ie; i++) {
            int js = Math.max(j0, i);
            if (js < je) {
                System.arraycopy(k, (i - i0) * TILE + (js - j0), out, i * n + js, je - js);
            }
        }
        for (int j = j0; j < je; j++) {
            int end = Math.min(ie, j);
            int row = j * n;
            int col = j - j0 - i0 * TILE;
            for (int i = i0; i < end; i++) {
                out[row + i] = k[i * TILE + col];
            }
        }
    }
}
