package org.ntk.core.kernel;

/**
 * A kernel of the form k(x, y) = (‖x‖‖y‖)^p · h(x̂·ŷ) with a fixed radial degree p ∈ {0, 1} and an
 * angular profile h on [−1, 1] (MATH.md §3.3). Every analytic kernel of this library has this form:
 * arc-cosine of order 0 (p = 0) and order 1, the two-layer NTK and the deep ReLU NTK/NNGP (p = 1).
 *
 * <p>A zero vector has kernel value 0 against everything (also for p = 0, by convention).
 */
public interface HomogeneousKernel extends Kernel {

    /**
     * The angular profile h(t) at t = cos∠(x, y).
     *
     * @param t the cosine, in [−1, 1]; values outside are clamped
     * @return h(t)
     */
    double profile(double t);

    /** The radial degree p: 0 or 1. */
    int radialDegree();

    /** A short name, as on the command line (e.g. {@code arccos1}, {@code deep-ntk}). */
    String name();
}
