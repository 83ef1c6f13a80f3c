package org.ntk.core.kernel;

/**
 * A kernel of the form k(x, y) = (‖x‖‖y‖)^p · h(x̂·ŷ) with a fixed radial degree p ∈ {0, 1} and an
 * angular profile h on [−1, 1] (MATH.md §3.3). Every analytic kernel of this library has this form:
 * arc-cosine of order 0 (p = 0) and order 1, the two-layer NTK and the deep ReLU NTK/NNGP (p = 1).
 *
 * <p>A zero vector has kernel value 0 against everything (also for p = 0, by convention).
 *
 * <p>The profile, the radial degree and the name define the kernel: {@link #value}, {@link #gram}
 * and {@link #cross} have default implementations, the Gram assembly hot loop of this library (one
 * cache-blocked inner-product pass on one triangle, then the scalar map t ↦ h(t), mirrored; see
 * {@link #gram(double[][], GramOptions)}).
 */
public interface HomogeneousKernel extends Kernel {

    /**
     * The angular profile h(t) at t = cos∠(x, y).
     *
     * @param t the cosine, in [−1, 1]; values outside are clamped
     * @return h(t)
     * @throws IllegalArgumentException if t is NaN (the library's kernels)
     */
    double profile(double t);

    /** The radial degree p: 0 or 1. */
    int radialDegree();

    /** A short name, as on the command line (e.g. {@code arccos1}, {@code deep-ntk}). */
    String name();

    /**
     * {@inheritDoc}
     *
     * <p>Computed as (‖x‖‖y‖)^p·h(t) with t = &lt;x, y&gt;/(‖x‖‖y‖) clamped to [−1, 1] (0 if either
     * vector is zero), by exactly the arithmetic of a Gram entry; cost O(d).
     */
    @Override
    default double value(double[] x, double[] y) {
        return GramAssembly.value(this, x, y);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Equivalent to {@code gram(x, GramOptions.defaults())}.
     *
     * @throws IllegalArgumentException also if the n×n matrix does not fit in the heap
     */
    @Override
    default KernelMatrix gram(double[][] x) {
        return gram(x, GramOptions.defaults());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Equivalent to {@code gram(x, GramOptions.defaults().withThreads(threads))}.
     *
     * @throws IllegalArgumentException also if the n×n matrix does not fit in the heap
     */
    @Override
    default KernelMatrix gram(double[][] x, int threads) {
        return gram(x, GramOptions.defaults().withThreads(threads));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Equivalent to {@code cross(x, y, GramOptions.defaults())}.
     */
    @Override
    default double[][] cross(double[][] x, double[][] y) {
        return cross(x, y, GramOptions.defaults());
    }

    /**
     * Returns the n×n Gram matrix K_ij = k(x_i, x_j), assembled as one inner-product pass on one
     * triangle plus a scalar map, with the given threads, progress listener and inner-product backend.
     *
     * <p>t_ij = &lt;x_i, x_j&gt;/(‖x_i‖‖x_j‖) is clamped to [−1, 1]; zero points give 0. The result is
     * exactly symmetric, and bitwise identical for every thread count (with the pure-Java backend
     * also bitwise equal to {@link #value} on each pair). Cost O(n²d/2) for the inner products plus
     * n(n+1)/2 profile evaluations; memory one n×n array (8n² bytes) plus O(n·d).
     *
     * @param x n points (rows) of dimension d. Not modified or retained.
     * @param options threads, progress listener ("gram", entries done, n(n+1)/2) and backend
     * @return the Gram matrix
     * @throws IllegalArgumentException if x is empty, ragged or not finite, a point is so large that
     *     its diagonal entry ‖x_i‖^{2p}·h(1) overflows the double range (which bounds every entry, since
     *     |h(t)| ≤ h(1) for a PSD kernel), or the n×n matrix does not fit in the heap
     * @throws NullPointerException if x, a row of x, or options is null
     */
    default DenseKernelMatrix gram(double[][] x, GramOptions options) {
        return GramAssembly.gram(this, x, options);
    }

    /**
     * Returns the n_x × n_y cross-kernel matrix C_ij = k(x_i, y_j), computed like {@link
     * #gram(double[][], GramOptions)} but on the whole rectangle. With the pure-Java backend
     * {@code cross(x, x)} equals the Gram matrix bitwise.
     *
     * @param x points (rows) of dimension d. Not modified or retained.
     * @param y points (rows) of dimension d. Not modified or retained.
     * @param options threads, progress listener ("cross", entries done, n_x·n_y) and backend
     * @return a fresh n_x × n_y array
     * @throws IllegalArgumentException if x or y is empty, ragged or not finite, the dimensions differ,
     *     max‖x_i‖^p·max‖y_j‖^p·h(1) overflows the double range, or the result does not fit in the heap
     */
    default double[][] cross(double[][] x, double[][] y, GramOptions options) {
        return GramAssembly.cross(this, x, y, options);
    }
}
