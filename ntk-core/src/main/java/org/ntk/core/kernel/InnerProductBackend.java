package org.ntk.core.kernel;

import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.ntk.core.validation.Validate;

/**
 * The inner-product pass of a Gram, cross-kernel or Fisher assembly: X·Xᵀ or X·Yᵀ for row-major
 * point sets. The narrow service interface through which a BLAS-backed implementation (ND4J /
 * OpenBLAS, supplied by {@code ntk-spectral}) can replace the pure-Java loop.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (declare them in
 * {@code META-INF/services/org.ntk.core.kernel.InnerProductBackend}) and chosen by
 * {@link InnerProductBackends#automatic()} through {@link #prefers}. The pure-Java implementation,
 * {@link InnerProductBackends#pureJava()}, is always available.
 *
 * <p>Contract: implementations are thread-safe and stateless from the caller's view; they never
 * modify or retain the input arrays; their results must not depend on {@code threads} (a hint for
 * the parallelism), so that the library's results are bitwise identical for every thread count.
 */
public interface InnerProductBackend {

    /** A short name for logs and benchmarks, e.g. {@code java} or {@code nd4j}. */
    String name();

    /**
     * Whether automatic selection should use this backend for an inner-product pass with an
     * {@code rows × cols} result over vectors of length {@code d} (for a Gram matrix rows = cols = n).
     * Called once per assembly; must be cheap.
     *
     * @param rows the number of rows of the result
     * @param cols the number of columns of the result
     * @param d the vector length (the inner dimension)
     * @return true if this backend expects to beat the pure-Java pass at this size
     */
    boolean prefers(int rows, int cols, int d);

    /**
     * Computes the inner products G = X·Xᵀ of n row-major vectors.
     *
     * @param x the points, row-major: entry (i, k) at index i·d + k; at least n·d values. Not modified.
     * @param n the number of points, ≥ 1
     * @param d the dimension, ≥ 1
     * @param out n² values. Modified: entry (i, j) with i ≤ j (the upper triangle) is set to
     *     &lt;x_i, x_j&gt; at index i·n + j; the lower triangle may be overwritten with anything.
     * @param threads the number of threads to use, ≥ 1; must not change the result
     */
    void gramUpper(double[] x, int n, int d, double[] out, int threads);

    /**
     * Computes the inner products C = X·Yᵀ of two row-major point sets.
     *
     * @param x nx points, row-major (index i·d + k); at least nx·d values. Not modified.
     * @param nx the number of x points, ≥ 1
     * @param y ny points, row-major; at least ny·d values. Not modified.
     * @param ny the number of y points, ≥ 1
     * @param d the dimension, ≥ 1
     * @param out nx·ny values. Modified: entry (i, j) = &lt;x_i, y_j&gt; at index i·ny + j.
     * @param threads the number of threads to use, ≥ 1; must not change the result
     */
    void cross(double[] x, int nx, double[] y, int ny, int d, double[] out, int threads);

    /**
     * Receives the tiles of a {@link #gramUpperTiles} pass. One sink per worker thread; a sink is called
     * from that thread only.
     */
    interface TileSink {
        /**
         * The array the backend fills before each {@link #accept}: at least tile² values, row-major with
         * row stride tile. The same array on every call is allowed (and usual).
         */
        double[] buffer();

        /**
         * Called when {@link #buffer()} holds the tile at rows [i0, i0 + tile) and columns [j0, j0 + tile):
         * entry (r, c) = &lt;x_{i0+r}, x_{j0+c}&gt; at index r·tile + c for i0 + r &lt; n and j0 + c &lt; n
         * (the other entries are unspecified).
         *
         * @param i0 the first row, a multiple of tile
         * @param j0 the first column, a multiple of tile, ≥ i0
         */
        void accept(int i0, int j0);
    }

    /**
     * The Gram pass X·Xᵀ streamed tile by tile, for assemblies that map each tile while it is in
     * cache instead of writing all raw inner products to memory first: for every pair of tile indices
     * ti ≤ tj, the tile of rows ti·tile.. and columns tj·tile.. is written into a sink's
     * {@linkplain TileSink#buffer() buffer} and {@linkplain TileSink#accept accepted}. The tiles of one
     * row strip (one ti) are produced by one thread, in increasing tj; strips run on up to
     * {@code threads} threads, each with its own sink from {@code sinks}. The values must not depend on
     * {@code threads}.
     *
     * <p>The default computes each row strip with one single-threaded {@link #cross} call against the
     * rows from ti·tile on (tile·n doubles of scratch per thread) and copies the tiles out;
     * implementations may do better.
     *
     * @param x the points, row-major (index i·d + k); at least n·d values. Not modified.
     * @param n the number of points, ≥ 1
     * @param d the dimension, ≥ 1
     * @param tile the tile size, ≥ 1
     * @param threads the number of threads to use, ≥ 1; must not change the result
     * @param sinks creates one sink per worker thread
     * @throws RuntimeException or Error: the first failure of any strip (a sink's included), rethrown
     */
    default void gramUpperTiles(double[] x, int n, int d, int tile, int threads, Supplier<TileSink> sinks) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(sinks, "sinks");
        Validate.positive(n, "n");
        Validate.positive(d, "d");
        Validate.positive(tile, "tile");
        Validate.positive(threads, "threads");
        if (x.length < (long) n * d) {
            throw new IllegalArgumentException("x has length " + x.length + ", expected at least n·d = " + ((long) n * d));
        }
        int strips = (n + tile - 1) / tile;
        ParallelTiles.run(strips, threads, () -> {
            TileSink sink = sinks.get();
            return (IntConsumer) ti -> {
                int i0 = ti * tile;
                int p = Math.min(tile, n - i0);
                int cols = n - i0;
                double[] strip = new double[p * cols];
                double[] xs = java.util.Arrays.copyOfRange(x, i0 * d, (i0 + p) * d);
                double[] ys = java.util.Arrays.copyOfRange(x, i0 * d, n * d);
                cross(xs, p, ys, cols, d, strip, 1);
                double[] buf = sink.buffer();
                for (int j0 = i0; j0 < n; j0 += tile) {
                    int q = Math.min(tile, n - j0);
                    for (int r = 0; r < p; r++) {
                        System.arraycopy(strip, r * cols + (j0 - i0), buf, r * tile, q);
                    }
                    sink.accept(i0, j0);
                }
            };
        });
    }
}
