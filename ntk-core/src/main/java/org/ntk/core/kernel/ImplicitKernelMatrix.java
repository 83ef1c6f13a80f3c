package org.ntk.core.kernel;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;

import org.ntk.core.validation.Validate;

/**
 * A matrix-free {@link KernelMatrix}: the Gram matrix K_ij = k(x_i, x_j) of a {@link HomogeneousKernel}
 * over n points, never stored, its entries computed on demand from the points.
 *
 * <p>Memory O(n·d) for the points plus O(TILE²) buffers per thread (TILE = 64), never n×n: n = 100 000
 * points of dimension 64 take about 50 MiB. Each entry is computed by exactly the arithmetic of
 * {@link HomogeneousKernel#gram(double[][], GramOptions)} with the pure-Java backend, so
 * {@link #get}, {@link #trace} and {@link #multiply} agree bitwise with the dense Gram matrix and its
 * {@link DenseKernelMatrix#multiply} (each row summed in column order).
 *
 * <p>Costs: {@link #get} O(d); {@link #trace} O(1) (computed once, exactly, at construction);
 * {@link #multiply(double[], double[])} and the block {@link #multiply(double[], double[], int)}
 * evaluate all n² entries tile by tile (inner products of a 64×64 tile, then the profile map), i.e.
 * O(n²(d + c_h + k)) for k vectors, where c_h is the cost of one profile evaluation. The rows are
 * split into a fixed partition of row-tiles over {@link #threads()} threads, and each row is
 * accumulated by one thread in column order, so results are bitwise identical for every thread
 * count. (Computing both triangles costs twice the inner products of a symmetric pass but keeps the
 * reduction order fixed.)
 *
 * <p>Immutable and thread-safe; the points are copied.
 */
public final class ImplicitKernelMatrix implements KernelMatrix {

    private static final int TILE = InnerProductTiles.TILE;

    private final HomogeneousKernel kernel;
    private final PointSet points;
    private final double[] w;
    private final int threads;
    private final double trace;

    private ImplicitKernelMatrix(HomogeneousKernel kernel, PointSet points, int threads) {
        this.kernel = kernel;
        this.points = points;
        this.w = points.weights(GramAssembly.radialDegree(kernel));
        this.threads = threads;
        double t = 0;
        for (int i = 0; i < points.n; i++) {
            t += entry(i, i);
        }
        this.trace = t;
    }

    /**
     * The implicit Gram matrix of a kernel over points, using the given number of threads for
     * products.
     *
     * @param kernel the kernel, radial degree 0 or 1
     * @param x n points (rows) of dimension d. Not modified or retained (copied).
     * @param threads threads for {@link #multiply}, ≥ 1
     * @throws IllegalArgumentException if x is empty, ragged or not finite, threads &lt; 1, or a point
     *     is so large that its kernel value ‖x_i‖²·h(1) overflows the double range
     * @throws NullPointerException if kernel or x is null
     */
    public static ImplicitKernelMatrix of(HomogeneousKernel kernel, double[][] x, int threads) {
        Objects.requireNonNull(kernel, "kernel");
        Validate.positive(threads, "threads");
        int p = GramAssembly.radialDegree(kernel);
        PointSet points = PointSet.of(x, "x");
        GramAssembly.checkRange(kernel, points.weights(p), "x");
        return new ImplicitKernelMatrix(kernel, points, threads);
    }

    /**
     * {@link #of(HomogeneousKernel, double[][], int)} with all available processors.
     *
     * @param kernel the kernel, radial degree 0 or 1
     * @param x n points (rows) of dimension d. Not modified or retained (copied).
     * @return the implicit matrix
     */
    public static ImplicitKernelMatrix of(HomogeneousKernel kernel, double[][] x) {
        return of(kernel, x, Runtime.getRuntime().availableProcessors());
    }

    /** The kernel. */
    public HomogeneousKernel kernel() {
        return kernel;
    }

    /** The number of threads used by {@link #multiply}. */
    public int threads() {
        return threads;
    }

    /** The dimension d of the points. */
    public int dimension() {
        return points.d;
    }

    @Override
    public int size() {
        return points.n;
    }

    /** {@inheritDoc} Cost O(d). */
    @Override
    public double get(int i, int j) {
        Objects.checkIndex(i, points.n);
        Objects.checkIndex(j, points.n);
        return entry(i, j);
    }

    private double entry(int i, int j) {
        double c = InnerProductTiles.dot(points.rows, i, points.rows, j, points.d);
        // profile(t) equals the batch profile of a Gram tile bitwise (the ProfileKernel contract).
        return w[i] * w[j] * kernel.profile(PointSet.cosine(c, points.sq[i], points.sq[j]));
    }

    /** {@inheritDoc} Exact: Σ_i k(x_i, x_i) summed in index order, computed at construction. */
    @Override
    public double trace() {
        return trace;
    }

    @Override
    public void multiply(double[] v, double[] out) {
        Validate.length(v, points.n, "v");
        Validate.length(out, points.n, "out");
        if (v == out) {
            throw new IllegalArgumentException("out must not alias v, got the same array");
        }
        apply(v, out, 1);
    }

    @Override
    public void multiply(double[] v, double[] out, int k) {
        int n = points.n;
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(out, "out");
        if (v.length != (long) n * k || out.length != (long) n * k) {
            throw new IllegalArgumentException("v and out must have length n·k = " + ((long) n * k)
                    + ", got " + v.length + " and " + out.length);
        }
        if (v == out) {
            throw new IllegalArgumentException("out must not alias v, got the same array");
        }
        apply(v, out, k);
    }

    /**
     * OUT = K V for V, OUT n×k row-major; one task per row-tile. Each tile of K is mapped in the
     * worker's {@link TileMap}; the tile's rows of OUT accumulate Σ_j K_ij·V_j over j in index order,
     * each as a loop over the k columns with one index (vectorisable: the rows of OUT and of V are
     * copied into per-row arrays).
     */
    private void apply(double[] v, double[] out, int k) {
        final int n = points.n;
        final int d = points.d;
        final int np = InnerProductTiles.paddedRows(n);
        final int tiles = (n + TILE - 1) / TILE;
        final double[] rows = points.rows;
        final double[] sq = points.sq;
        ParallelTiles.run(tiles, threads, () -> {
            TileMap tm = new TileMap(kernel);
            double[][] acc = new double[TILE][k];
            double[][] vRows = new double[TILE][k];
            return (IntConsumer) ti -> {
                int i0 = ti * TILE;
                int i1 = Math.min(i0 + TILE, np);
                int ie = Math.min(i1, n);
                tm.rows(sq, w, i0, ie);
                for (double[] a : acc) {
                    Arrays.fill(a, 0.0);
                }
                for (int tj = 0; tj < tiles; tj++) {
                    int j0 = tj * TILE;
                    int j1 = Math.min(j0 + TILE, np);
                    int je = Math.min(j1, n);
                    int cols = je - j0;
                    InnerProductTiles.tile(rows, i0, i1, rows, j0, j1, d, false, tm.c, tm.scratch);
                    tm.columns(sq, w, j0, je);
                    tm.map();
                    double[] kt = tm.k;
                    if (k == 1) {
                        for (int r = 0; r < ie - i0; r++) {
                            double s = acc[r][0];
                            int kr = r * TILE;
                            for (int c = 0; c < cols; c++) {
                                s += kt[kr + c] * v[j0 + c];
                            }
                            acc[r][0] = s;
                        }
                        continue;
                    }
                    for (int c = 0; c < cols; c++) {
                        System.arraycopy(v, (j0 + c) * k, vRows[c], 0, k);
                    }
                    for (int r = 0; r < ie - i0; r++) {
                        double[] a = acc[r];
                        int kr = r * TILE;
                        for (int c = 0; c < cols; c++) {
                            double kij = kt[kr + c];
                            double[] vj = vRows[c];
                            for (int col = 0; col < k; col++) {
                                a[col] += kij * vj[col];
                            }
                        }
                    }
                }
                for (int r = 0; r < ie - i0; r++) {
                    System.arraycopy(acc[r], 0, out, (i0 + r) * k, k);
                }
            };
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Computed entry by entry on one triangle and mirrored (O(n²d/2) plus n²/2 profile
     * evaluations, single-threaded); bitwise equal to the dense Gram matrix.
     */
    @Override
    public double[] toArray() {
        int n = points.n;
        Validate.denseFits(n, 1, "kernel matrix");
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double x = entry(i, j);
                a[i * n + j] = x;
                a[j * n + i] = x;
            }
        }
        return a;
    }

    @Override
    public String toString() {
        return "ImplicitKernelMatrix[" + kernel + ", n=" + points.n + ", d=" + points.d + "]";
    }
}
