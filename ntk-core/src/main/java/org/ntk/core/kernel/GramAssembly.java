package org.ntk.core.kernel;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.ntk.core.progress.ProgressListener;
import org.ntk.core.validation.Validate;

/**
 * The Gram and cross-kernel assembly of a {@link HomogeneousKernel}: one inner-product pass plus a
 * scalar map (the dot-product-kernel idea of Smile).
 *
 * <p>Steps: validate and scale the points ({@link PointSet}); compute the inner products on one
 * triangle tile by tile ({@link InnerProductTiles}, or a BLAS backend); map each entry
 * t = &lt;x_i, x_j&gt;/(‖x_i‖‖x_j‖), clamped to [−1, 1], through the profile h and scale by
 * (‖x_i‖‖x_j‖)^p; mirror into the lower triangle. With the pure-Java backend the map is fused into
 * the tile loop; with another backend its raw inner products are written into the result array and
 * mapped in place, tile by tile. Every entry is computed by the same arithmetic whatever the
 * partition, so results are bitwise identical for every thread count, and (with the pure-Java
 * backend) {@code value(x_i, x_j)} equals the Gram entry bitwise.
 *
 * <p>The per-entry loops (cosine, profile, weights) are short loops over contiguous row segments that
 * the JIT vectorises; the mirror image below the diagonal is written tile by tile in contiguous
 * column runs (docs/performance.md has the measurements behind this layout).
 */
final class GramAssembly {

    private static final int TILE = InnerProductTiles.TILE;

    private GramAssembly() {
    }

    static int radialDegree(HomogeneousKernel kernel) {
        int p = kernel.radialDegree();
        if (p != 0 && p != 1) {
            throw new IllegalArgumentException("kernel radialDegree must be 0 or 1, got " + p);
        }
        return p;
    }

    /** k(x, y), evaluated exactly as a Gram entry. */
    static double value(HomogeneousKernel kernel, double[] x, double[] y) {
        Validate.finiteVector(x, "x");
        Validate.finiteVector(y, "y");
        if (y.length != x.length) {
            throw new IllegalArgumentException("y has length " + y.length + ", expected " + x.length
                    + " (the length of x)");
        }
        int p = radialDegree(kernel);
        int d = x.length;
        double[] buf = new double[2 * d];
        int ex = PointSet.scaleRow(x, buf, 0);
        int ey = PointSet.scaleRow(y, buf, d);
        double sqx = InnerProductTiles.dot(buf, 0, buf, 0, d);
        double sqy = InnerProductTiles.dot(buf, 1, buf, 1, d);
        double c = InnerProductTiles.dot(buf, 0, buf, 1, d);
        double[] t = {PointSet.cosine(c, sqx, sqy)};
        ProfileBatch.of(kernel).apply(t, 1); // the batch a Gram tile uses, on one entry
        double wx;
        double wy;
        if (p == 1) {
            wx = Math.scalb(Math.sqrt(sqx), ex);
            wy = Math.scalb(Math.sqrt(sqy), ey);
        } else {
            wx = sqx > 0 ? 1.0 : 0.0;
            wy = sqy > 0 ? 1.0 : 0.0;
        }
        double v = wx * wy * t[0];
        if (!Double.isFinite(v)) {
            Validate.finiteResult(v, "x and y", "k(x, y) = (‖x‖‖y‖)^p·h(t) with ‖x‖ = " + wx + ", ‖y‖ = " + wy);
        }
        return v;
    }

    /** The profile at t = 1, which bounds |h(t)| for a PSD kernel; must be finite. */
    static double profileAtOne(HomogeneousKernel kernel) {
        double h1 = kernel.profile(1);
        if (!Double.isFinite(h1)) {
            throw new IllegalArgumentException("kernel profile at t = 1 must be finite, got " + h1);
        }
        return h1;
    }

    /**
     * Requires every diagonal entry (w_i·w_i)·h(1) to be finite. For a PSD kernel |h(t)| ≤ h(1), and
     * an entry is computed as (w_i·w_j)·h(t), so this bounds every entry of the Gram matrix: no entry
     * overflows to ∞ (or to NaN through ∞·0). Cost O(n).
     *
     * @throws IllegalArgumentException naming the first point whose norm is too large
     */
    static void checkRange(HomogeneousKernel kernel, double[] w, String name) {
        double h1 = profileAtOne(kernel);
        for (int i = 0; i < w.length; i++) {
            double diag = w[i] * w[i] * h1;
            if (!Double.isFinite(diag)) {
                Validate.finiteResult(diag, name + "[" + i + "]", "the kernel value k(" + name + "[" + i + "], "
                        + name + "[" + i + "]) = ‖" + name + "[" + i + "]‖²·h(1) with ‖" + name + "[" + i + "]‖ = " + w[i]);
            }
        }
    }

    /** Requires (max_i wx_i)·(max_j wy_j)·h(1), a bound on every cross-kernel entry, to be finite. */
    private static void checkCrossRange(HomogeneousKernel kernel, double[] wx, double[] wy) {
        double h1 = profileAtOne(kernel);
        double mx = 0;
        for (double v : wx) {
            mx = Math.max(mx, v);
        }
        double my = 0;
        for (double v : wy) {
            my = Math.max(my, v);
        }
        double bound = mx * my * h1;
        if (!Double.isFinite(bound)) {
            Validate.finiteResult(bound, "x and y", "the cross-kernel bound max‖x_i‖·max‖y_j‖·h(1) with max‖x_i‖ = "
                    + mx + ", max‖y_j‖ = " + my);
        }
    }

    /** The n×n Gram matrix. */
    static DenseKernelMatrix gram(HomogeneousKernel kernel, double[][] x, GramOptions options) {
        Objects.requireNonNull(options, "options");
        int p = radialDegree(kernel);
        PointSet ps = PointSet.of(x, "x");
        int n = ps.n;
        double[] w = ps.weights(p);
        checkRange(kernel, w, "x");
        Validate.denseFits(n, 1, "gram matrix");
        double[] out = new double[n * n];
        InnerProductBackend backend = InnerProductBackends.resolve(options.backend(), n, n, ps.d);
        Progress progress = new Progress(options.listener(), "gram", (long) n * (n + 1) / 2);
        if (backend == InnerProductBackends.pureJava()) {
            fusedGram(kernel, ps, w, out, options.threads(), progress);
        } else {
            backendGram(kernel, ps, w, out, backend, options.threads(), progress);
        }
        return DenseKernelMatrix.wrapSymmetric(n, out);
    }

    /**
     * Tile by tile on and above the diagonal: inner products ({@link InnerProductTiles}) into the
     * worker's {@link TileMap}, mapped to kernel values, stored with their mirror image.
     */
    private static void fusedGram(HomogeneousKernel kernel, PointSet ps, double[] w, double[] out, int threads,
                                  Progress progress) {
        final int n = ps.n;
        final int d = ps.d;
        final int np = InnerProductTiles.paddedRows(n);
        final int tiles = (n + TILE - 1) / TILE;
        final double[] rows = ps.rows;
        final double[] sq = ps.sq;
        ParallelTiles.run(tiles, threads, () -> {
            TileMap tm = new TileMap(kernel);
            return (IntConsumer) ti -> {
                int i0 = ti * TILE;
                int i1 = Math.min(i0 + TILE, np);
                int ie = Math.min(i1, n);
                tm.rows(sq, w, i0, ie);
                long entries = 0;
                for (int tj = ti; tj < tiles; tj++) {
                    int j0 = tj * TILE;
                    int j1 = Math.min(j0 + TILE, np);
                    int je = Math.min(j1, n);
                    InnerProductTiles.tile(rows, i0, i1, rows, j0, j1, d, ti == tj, tm.c, tm.scratch);
                    tm.columns(sq, w, j0, je);
                    tm.map();
                    tm.storeSymmetric(out, n, i0, ie, j0, je);
                    entries += upperEntries(i0, ie, j0, je);
                }
                progress.add(entries);
            };
        });
    }

    /** The number of entries (i, j) with j ≥ i in the tile rows [i0, ie) × columns [j0, je). */
    private static long upperEntries(int i0, int ie, int j0, int je) {
        long e = 0;
        for (int i = i0; i < ie; i++) {
            e += Math.max(0, je - Math.max(j0, i));
        }
        return e;
    }

    /**
     * The Gram pass with another backend, fused as in {@link #fusedGram}: the backend streams the raw
     * inner products of each upper-triangle tile ({@link InnerProductBackend#gramUpperTiles}) into the
     * worker's {@link TileMap}, which maps the tile while it is in cache and stores it with its mirror
     * image; the raw products are never written to the result array. The diagonal's inner products
     * are replaced by the points' own squared norms, so its cosine is exactly 1 (and the diagonal
     * equals the pure-Java one bitwise) whatever the backend's rounding.
     */
    private static void backendGram(HomogeneousKernel kernel, PointSet ps, double[] w, double[] out,
                                    InnerProductBackend backend, int threads, Progress progress) {
        final int n = ps.n;
        final double[] sq = ps.sq;
        backend.gramUpperTiles(ps.rows, n, ps.d, TILE, threads, () -> new InnerProductBackend.TileSink() {
            private final TileMap tm = new TileMap(kernel);
            private int rowTile = -1;

            @Override
            public double[] buffer() {
                return tm.c;
            }

            @Override
            public void accept(int i0, int j0) {
                int ie = Math.min(i0 + TILE, n);
                int je = Math.min(j0 + TILE, n);
                if (i0 != rowTile) {
                    tm.rows(sq, w, i0, ie);
                    rowTile = i0;
                }
                if (j0 == i0) {
                    for (int i = i0; i < ie; i++) {
                        tm.c[(i - i0) * (TILE + 1)] = sq[i];
                    }
                }
                tm.columns(sq, w, j0, je);
                tm.map();
                tm.storeSymmetric(out, n, i0, ie, j0, je);
                progress.add(upperEntries(i0, ie, j0, je));
            }
        });
    }

    /** The nx × ny cross-kernel matrix as fresh rows. */
    static double[][] cross(HomogeneousKernel kernel, double[][] x, double[][] y, GramOptions options) {
        Objects.requireNonNull(options, "options");
        int p = radialDegree(kernel);
        PointSet px = PointSet.of(x, "x");
        PointSet py = PointSet.of(y, "y");
        Validate.sameDimension(px.d, py.d, "x", "y");
        final int nx = px.n;
        final int ny = py.n;
        final int d = px.d;
        double[] wx = px.weights(p);
        double[] wy = py.weights(p);
        checkCrossRange(kernel, wx, wy);
        checkHeap((long) nx * ny, "cross-kernel matrix of size " + nx + "×" + ny);
        double[][] res = new double[nx][ny];
        InnerProductBackend backend = InnerProductBackends.resolve(options.backend(), nx, ny, d);
        Progress progress = new Progress(options.listener(), "cross", (long) nx * ny);
        int threads = options.threads();
        final int tilesY = (ny + TILE - 1) / TILE;
        if (backend != InnerProductBackends.pureJava() && (long) nx * ny <= Integer.MAX_VALUE - 8) {
            checkHeap((long) nx * ny, "cross-kernel inner products of size " + nx + "×" + ny);
            double[] flat = new double[nx * ny];
            backend.cross(px.rows, nx, py.rows, ny, d, flat, threads);
            ParallelTiles.run((nx + TILE - 1) / TILE, threads, () -> {
                TileMap tm = new TileMap(kernel);
                return (IntConsumer) ti -> {
                    int i0 = ti * TILE;
                    int ie = Math.min(i0 + TILE, nx);
                    tm.rows(px.sq, wx, i0, ie);
                    for (int tj = 0; tj < tilesY; tj++) {
                        int j0 = tj * TILE;
                        int je = Math.min(j0 + TILE, ny);
                        for (int i = i0; i < ie; i++) {
                            System.arraycopy(flat, i * ny + j0, tm.c, (i - i0) * TILE, je - j0);
                        }
                        tm.columns(py.sq, wy, j0, je);
                        tm.map();
                        storeRows(tm, res, i0, ie, j0, je);
                    }
                    progress.add((long) (ie - i0) * ny);
                };
            });
            return res;
        }
        final int npx = InnerProductTiles.paddedRows(nx);
        final int npy = InnerProductTiles.paddedRows(ny);
        ParallelTiles.run((nx + TILE - 1) / TILE, threads, () -> {
            TileMap tm = new TileMap(kernel);
            return (IntConsumer) ti -> {
                int i0 = ti * TILE;
                int i1 = Math.min(i0 + TILE, npx);
                int ie = Math.min(i1, nx);
                tm.rows(px.sq, wx, i0, ie);
                for (int tj = 0; tj < tilesY; tj++) {
                    int j0 = tj * TILE;
                    int j1 = Math.min(j0 + TILE, npy);
                    int je = Math.min(j1, ny);
                    InnerProductTiles.tile(px.rows, i0, i1, py.rows, j0, j1, d, false, tm.c, tm.scratch);
                    tm.columns(py.sq, wy, j0, je);
                    tm.map();
                    storeRows(tm, res, i0, ie, j0, je);
                }
                progress.add((long) (ie - i0) * ny);
            };
        });
        return res;
    }

    /** Copies the mapped tile rows [i0, ie) × columns [j0, je) into the result rows. */
    private static void storeRows(TileMap tm, double[][] res, int i0, int ie, int j0, int je) {
        for (int i = i0; i < ie; i++) {
            System.arraycopy(tm.k, (i - i0) * TILE, res[i], j0, je - j0);
        }
    }

    /** Requires that {@code entries} doubles fit in the heap that can still be allocated. */
    static void checkHeap(long entries, String what) {
        Validate.heapFits(entries, what, "raise -Xmx or compute the matrix in smaller blocks of rows");
    }

    /** Thread-safe progress accounting; a listener that throws is ignored from then on. */
    static final class Progress {
        private final ProgressListener listener;
        private final String task;
        private final long total;
        private final AtomicLong done = new AtomicLong();
        private volatile boolean broken;

        Progress(ProgressListener listener, String task, long total) {
            this.listener = listener;
            this.task = task;
            this.total = Math.max(1, total);
        }

        void add(long units) {
            long now = done.addAndGet(units);
            if (broken || listener == ProgressListener.NONE) {
                return;
            }
            try {
                listener.progress(task, Math.min(now, total), total);
            } catch (RuntimeException e) {
                broken = true;
            }
        }
    }
}
