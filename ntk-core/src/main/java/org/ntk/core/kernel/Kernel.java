package org.ntk.core.kernel;

/**
 * A symmetric positive-semidefinite kernel on R^d.
 *
 * <p>Implementations are immutable and thread-safe. Arrays passed in are never modified or retained.
 * The conventions of every analytic kernel (weight variances, normalisation, c_σ) are stated on its
 * factory method in {@link Kernels}; see MATH.md §1, §3 and §6.
 */
public interface Kernel {

    /**
     * Returns k(x, y).
     *
     * @param x a point of R^d. Not modified.
     * @param y a point of R^d. Not modified.
     * @return the kernel value, finite; 0 if either vector is zero
     * @throws IllegalArgumentException if the lengths differ, an entry is NaN or infinite, or the
     *     vectors are so large that the value overflows the double range (never ∞ or NaN)
     */
    double value(double[] x, double[] y);

    /**
     * Returns the n×n Gram matrix K_ij = k(x_i, x_j), exactly symmetric, using all available cores.
     *
     * @param x n points (rows), each of the same dimension d. Not modified.
     * @return the Gram matrix, every entry finite
     * @throws IllegalArgumentException if x is empty, ragged, or has a NaN or infinite entry, a point
     *     is so large that an entry would overflow the double range, or the n×n matrix does not fit
     *     in the heap (the message says how much is needed and suggests the matrix-free path)
     */
    KernelMatrix gram(double[][] x);

    /**
     * Returns the Gram matrix computed with the given number of worker threads. The result is bitwise
     * identical for every thread count.
     *
     * @param x n points (rows). Not modified.
     * @param threads number of threads, at least 1
     * @return the Gram matrix
     * @throws IllegalArgumentException if threads &lt; 1 or x is invalid
     */
    KernelMatrix gram(double[][] x, int threads);

    /**
     * Returns the n_x × n_y cross-kernel matrix C_ij = k(x_i, y_j).
     *
     * @param x points (rows) of dimension d. Not modified.
     * @param y points (rows) of dimension d. Not modified.
     * @return a fresh n_x × n_y array, every entry finite
     * @throws IllegalArgumentException if the dimensions differ, an entry is NaN or infinite, or the
     *     points are so large that an entry could overflow the double range
     */
    double[][] cross(double[][] x, double[][] y);
}
