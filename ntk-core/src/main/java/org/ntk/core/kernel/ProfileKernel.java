package org.ntk.core.kernel;

/**
 * Base of this library's analytic kernels: a {@link HomogeneousKernel} defined by its profile h and
 * radial degree p (value, Gram and cross-kernel evaluation are the defaults of
 * {@link HomogeneousKernel}). Subclasses supply {@link #profiles}, a loop over a batch of cosines that the JIT compiles
 * separately for each kernel class.
 */
abstract class ProfileKernel implements HomogeneousKernel {

    /** 2π as a double: exactly twice {@link Math#PI}, so that π/TWO_PI = 0.5 exactly. */
    static final double TWO_PI = 2 * Math.PI;
    /**
     * 1/(2π) rounded: the profiles multiply by it rather than divide by {@link #TWO_PI} (a division
     * is the slowest step of a vectorised profile loop). π·INV_TWO_PI = 0.5 and (π/2)·INV_TWO_PI = 0.25
     * exactly, so the closed-form endpoint values stay exact.
     */
    static final double INV_TWO_PI = 1 / TWO_PI;

    ProfileKernel() {
    }

    /**
     * Replaces t[i] by h(t[i]) for i &lt; count; the t[i] are already clamped to [−1, 1]. Must give
     * bitwise the same values as {@link #profile}. Written as short loops over arrays that the JIT
     * vectorises where the profile allows it.
     *
     * @param t the cosines. Modified.
     * @param count the number of values
     * @param a scratch, at least count values. Modified.
     * @param b scratch, at least count values. Modified.
     */
    abstract void profiles(double[] t, int count, double[] a, double[] b);

    /**
     * Clamps a cosine into [−1, 1] for the public {@code profile(t)}.
     *
     * @throws IllegalArgumentException if t is NaN (a profile is never returned as NaN)
     */
    static double clamp(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t must be a number, got NaN");
        }
        return t > 1 ? 1 : (t < -1 ? -1 : t);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Equivalent to {@code gram(x, GramOptions.defaults())}; returns the dense matrix type.
     */
    @Override
    public final DenseKernelMatrix gram(double[][] x) {
        return gram(x, GramOptions.defaults());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Equivalent to {@code gram(x, GramOptions.defaults().withThreads(threads))}; returns the dense
     * matrix type.
     */
    @Override
    public final DenseKernelMatrix gram(double[][] x, int threads) {
        return gram(x, GramOptions.defaults().withThreads(threads));
    }
}
