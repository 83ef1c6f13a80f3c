package org.ntk.core.kernel;

/**
 * The neural tangent kernel of a two-layer bias-free ReLU network with both layers trained
 * ({@code ntk2}, MATH.md §3.2).
 *
 * <p>For f(x) = m^{−1/2} Σ_j v_j ReLU(w_j·x) with v_j ~ N(0, 1), w_j ~ N(0, I_d), the NTK tends as
 * m → ∞ to
 * <pre>
 *   Θ(x, y) = ‖x‖‖y‖ kappa1(t) + (x·y) kappa0(t) = ‖x‖‖y‖ (sin θ + 2(π − θ) t)/(2π),
 * </pre>
 * t = cos∠(x, y) clamped to [−1, 1], θ = arccos t; radial degree p = 1, profile
 * h(t) = kappa1(t) + t·kappa0(t), h(1) = 1, h(−1) = 0. It is half of Bietti–Mairal's κ_NTK and half
 * of {@link Kernels#deepNtk deepNtk(1)} (Nguyen et al.'s K^(2), c_σ = 2). With hidden variance σ_w²
 * and output variance σ_v² the limit is σ_w² ‖x‖‖y‖ kappa1 + σ_v² (x·y) kappa0; this class is
 * σ_w² = σ_v² = 1. A zero vector gives 0.
 *
 * <p>Immutable and thread-safe. Obtain the instance from {@link Kernels#twoLayerNtk()}.
 */
public final class TwoLayerNtkKernel extends ProfileKernel {

    TwoLayerNtkKernel() {
    }

    static double ntk2(double t) {
        return (Math.sqrt((1 - t) * (1 + t)) + 2 * Arccos.acosOfNegated(t) * t) * INV_TWO_PI;
    }

    /** {@inheritDoc} h(t) = kappa1(t) + t·kappa0(t) = (√(1 − t²) + 2(π − arccos t) t)/(2π). */
    @Override
    public double profile(double t) {
        return ntk2(clamp(t));
    }

    @Override
    void profiles(double[] t, int count, double[] a, double[] b) {
        Arccos.acosOfNegated(t, count, a, b);
        for (int i = 0; i < count; i++) {
            double x = t[i];
            t[i] = (Math.sqrt((1 - x) * (1 + x)) + 2 * a[i] * x) * INV_TWO_PI;
        }
    }

    /** {@inheritDoc} Always 1. */
    @Override
    public int radialDegree() {
        return 1;
    }

    /** {@code ntk2}. */
    @Override
    public String name() {
        return "ntk2";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TwoLayerNtkKernel;
    }

    @Override
    public int hashCode() {
        return 7;
    }

    @Override
    public String toString() {
        return name();
    }
}
