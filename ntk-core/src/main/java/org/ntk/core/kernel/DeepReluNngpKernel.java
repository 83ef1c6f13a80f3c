package org.ntk.core.kernel;

/**
 * The infinite-width NNGP (conjugate) kernel of a bias-free ReLU MLP with h hidden layers
 * ({@code deep-nngp}): G^(L) of MATH.md §6.2 with L = h + 1 and c_σ = 2.
 *
 * <p>Recursion for unit vectors, ρ_1 = g_1 = t = cos∠(x, y) clamped to [−1, 1]:
 * g_l = kappa1_nrm(g_{l−1}) = (√(1 − g_{l−1}²) + (π − arccos g_{l−1}) g_{l−1})/π for l = 2..L, and
 * k(x, y) = ‖x‖‖y‖ g_L(t) (radial degree p = 1). g_L(1) = 1, so k(x, x) = ‖x‖²; h = 1 gives
 * 2 × {@link ArcCosineKernel arccos1}. It is 2·E[ReLU(u)ReLU(v)] for the previous layer's Gaussian
 * process. Evaluated through the angle and the gap 1 − g_l, clamped at every layer: finite and
 * accurate for any depth (tested to h = 100 against a 40-digit reference). A zero vector gives 0.
 * Cost O(h) per entry.
 *
 * <p>Immutable and thread-safe. Obtain instances from {@link Kernels#deepNngp(int)}.
 */
public final class DeepReluNngpKernel extends ProfileKernel {

    private final int hiddenLayers;

    DeepReluNngpKernel(int hiddenLayers) {
        if (hiddenLayers < 1) {
            throw new IllegalArgumentException("hiddenLayers must be >= 1, got " + hiddenLayers);
        }
        this.hiddenLayers = hiddenLayers;
    }

    /** g_{h+1}(t); t already clamped. */
    static double nngp(double t, int hiddenLayers) {
        return ReluLayerRecursion.evaluate(t, hiddenLayers, false);
    }

    /** The number of hidden layers h ≥ 1 (L = h + 1 weight layers). */
    public int hiddenLayers() {
        return hiddenLayers;
    }

    /** {@inheritDoc} g_{h+1}(t) of the recursion above. */
    @Override
    public double profile(double t) {
        return nngp(clamp(t), hiddenLayers);
    }

    @Override
    void profiles(double[] t, int count) {
        int h = hiddenLayers;
        for (int i = 0; i < count; i++) {
            t[i] = nngp(t[i], h);
        }
    }

    /** {@inheritDoc} Always 1. */
    @Override
    public int radialDegree() {
        return 1;
    }

    /** {@code deep-nngp} (the depth is {@link #hiddenLayers()}). */
    @Override
    public String name() {
        return "deep-nngp";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeepReluNngpKernel && ((DeepReluNngpKernel) o).hiddenLayers == hiddenLayers;
    }

    @Override
    public int hashCode() {
        return 19 * 31 + hiddenLayers;
    }

    @Override
    public String toString() {
        return "deep-nngp(hiddenLayers=" + hiddenLayers + ")";
    }
}
