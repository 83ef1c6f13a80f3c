package org.ntk.core.kernel;

/**
 * The arc-cosine kernel of order 0 or 1 (Cho &amp; Saul 2009) in the expectation normalisation of
 * MATH.md §1, with w ~ N(0, I_d):
 *
 * <ul>
 *   <li>order 0 ({@code arccos0}): k(x, y) = E_w[step(w·x) step(w·y)] = kappa0(t) = (π − θ)/(2π);
 *       radial degree p = 0;</li>
 *   <li>order 1 ({@code arccos1}): k(x, y) = E_w[ReLU(w·x) ReLU(w·y)] = ‖x‖‖y‖ kappa1(t)
 *       = ‖x‖‖y‖ (sin θ + (π − θ) t)/(2π); radial degree p = 1. This is also the infinite-width
 *       random-feature NTK (MATH.md §3.1, VAR-1, 1/m-normalised) and the entry of the Fisher
 *       information J_jk of the hidden weights (§2.1).</li>
 * </ul>
 *
 * <p>Here t = cos∠(x, y), clamped to [−1, 1], and θ = arccos t. Cho–Saul's own k_n is twice these.
 * kappa0(1) = kappa1(1) = 1/2 and kappa0(−1) = kappa1(−1) = 0 exactly; a zero vector gives 0 against
 * everything (also for order 0, by convention). Hidden-weight variance σ² multiplies order 1 by σ²
 * (VAR-1/d: divide by d); order 0 does not depend on σ².
 *
 * <p>Evaluated as kappa0(t) = arccos(−t)/(2π) and kappa1(t) = (√((1 − t)(1 + t)) + arccos(−t)·t)/(2π)
 * with {@link Arccos#acos}, which keeps relative accuracy near t = −1. Immutable and thread-safe.
 * Obtain instances from {@link Kernels#arcCosine(int)}.
 */
public final class ArcCosineKernel extends ProfileKernel {

    private final int order;

    ArcCosineKernel(int order) {
        if (order != 0 && order != 1) {
            throw new IllegalArgumentException("order must be 0 or 1, got " + order);
        }
        this.order = order;
    }

    /** kappa0(t) = (π − arccos t)/(2π) for t in [−1, 1] (MATH.md §1). */
    static double kappa0(double t) {
        return Arccos.acosOfNegated(t) * INV_TWO_PI;
    }

    /** kappa1(t) = (√(1 − t²) + (π − arccos t)·t)/(2π) for t in [−1, 1] (MATH.md §1). */
    static double kappa1(double t) {
        return (Math.sqrt((1 - t) * (1 + t)) + Arccos.acosOfNegated(t) * t) * INV_TWO_PI;
    }

    /** The order n: 0 (step features) or 1 (ReLU features). */
    public int order() {
        return order;
    }

    /** {@inheritDoc} kappa0(t) for order 0, kappa1(t) for order 1. */
    @Override
    public double profile(double t) {
        double c = clamp(t);
        return order == 0 ? kappa0(c) : kappa1(c);
    }

    @Override
    void profiles(double[] t, int count, double[] a, double[] b) {
        Arccos.acosOfNegated(t, count, a, b);
        if (order == 0) {
            for (int i = 0; i < count; i++) {
                t[i] = a[i] * INV_TWO_PI;
            }
        } else {
            for (int i = 0; i < count; i++) {
                double x = t[i];
                t[i] = (Math.sqrt((1 - x) * (1 + x)) + a[i] * x) * INV_TWO_PI;
            }
        }
    }

    /** {@inheritDoc} Equal to the order. */
    @Override
    public int radialDegree() {
        return order;
    }

    /** {@code arccos0} or {@code arccos1}. */
    @Override
    public String name() {
        return "arccos" + order;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArcCosineKernel && ((ArcCosineKernel) o).order == order;
    }

    @Override
    public int hashCode() {
        return 31 + order;
    }

    @Override
    public String toString() {
        return name();
    }
}
