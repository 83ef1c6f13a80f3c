package org.ntk.core.kernel;

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
}
