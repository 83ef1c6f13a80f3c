package org.ntk.core.kernel;

import java.util.List;
import java.util.Objects;

/**
 * Factories for the analytic kernels, by method and by command-line name.
 *
 * <p>Conventions (DESIGN.md "Kernel conventions"; t = cos∠(x, y) clamped to [−1, 1], θ = arccos t,
 * weights w ~ N(0, I_d), v ~ N(0, 1)):
 * <table>
 *   <caption>kernels</caption>
 *   <tr><th>name</th><th>factory</th><th>k(x, y)</th><th>MATH.md</th></tr>
 *   <tr><td>{@code arccos0}</td><td>{@code arcCosine(0)}</td>
 *       <td>E_w[step(w·x) step(w·y)] = (π − θ)/(2π)</td><td>§1</td></tr>
 *   <tr><td>{@code arccos1}</td><td>{@code arcCosine(1)}</td>
 *       <td>E_w[ReLU(w·x) ReLU(w·y)] = ‖x‖‖y‖(sin θ + (π − θ) t)/(2π)</td><td>§1, §3.1</td></tr>
 *   <tr><td>{@code ntk2}</td><td>{@code twoLayerNtk()}</td>
 *       <td>‖x‖‖y‖ kappa1(t) + (x·y) kappa0(t) (both layers trained, f = m^{−1/2} Σ v_j ReLU(w_j·x))</td>
 *       <td>§3.2</td></tr>
 *   <tr><td>{@code deep-ntk}</td><td>{@code deepNtk(h)}</td>
 *       <td>K^(h+1), h hidden layers, c_σ = 2; deepNtk(1) = 2 × ntk2</td><td>§6.2</td></tr>
 *   <tr><td>{@code deep-nngp}</td><td>{@code deepNngp(h)}</td><td>G^(h+1)</td><td>§6.2</td></tr>
 * </table>
 *
 * <p>Every kernel is a {@link HomogeneousKernel}; a zero vector has kernel value 0 against everything.
 * Kernels are immutable and thread-safe; these methods return equal (value-based) instances.
 */
public final class Kernels {

    private static final List<String> NAMES = List.of("arccos0", "arccos1", "ntk2", "deep-ntk", "deep-nngp");
    private static final ArcCosineKernel ARCCOS0 = new ArcCosineKernel(0);
    private static final ArcCosineKernel ARCCOS1 = new ArcCosineKernel(1);
    private static final TwoLayerNtkKernel NTK2 = new TwoLayerNtkKernel();

    private Kernels() {
    }

    /**
     * The arc-cosine kernel of the given order: 0 gives kappa0 (p = 0), 1 gives ‖x‖‖y‖ kappa1 (p = 1).
     *
     * @param order 0 or 1
     * @throws IllegalArgumentException if order is not 0 or 1
     */
    public static ArcCosineKernel arcCosine(int order) {
        if (order != 0 && order != 1) {
            throw new IllegalArgumentException("order must be 0 or 1, got " + order);
        }
        return order == 0 ? ARCCOS0 : ARCCOS1;
    }

    /** The two-layer both-layers-trained NTK ‖x‖‖y‖ kappa1(t) + (x·y) kappa0(t) (MATH.md §3.2). */
    public static TwoLayerNtkKernel twoLayerNtk() {
        return NTK2;
    }

    /**
     * The deep ReLU NTK K^(h+1) with h hidden layers (MATH.md §6.2, c_σ = 2).
     *
     * @param hiddenLayers h ≥ 1
     * @throws IllegalArgumentException if hiddenLayers &lt; 1
     */
    public static DeepReluNtkKernel deepNtk(int hiddenLayers) {
        return new DeepReluNtkKernel(hiddenLayers);
    }

    /**
     * The deep ReLU NNGP kernel G^(h+1) with h hidden layers (MATH.md §6.2, c_σ = 2).
     *
     * @param hiddenLayers h ≥ 1
     * @throws IllegalArgumentException if hiddenLayers &lt; 1
     */
    public static DeepReluNngpKernel deepNngp(int hiddenLayers) {
        return new DeepReluNngpKernel(hiddenLayers);
    }

    /**
     * The kernel with a command-line name (see {@link #names()}).
     *
     * @param name one of {@code arccos0, arccos1, ntk2, deep-ntk, deep-nngp}
     * @param depth the number of hidden layers for {@code deep-ntk} and {@code deep-nngp} (≥ 1); must
     *     be 1 (the CLI default) for the other kernels, which have no depth
     * @throws IllegalArgumentException if the name is unknown (the message lists the valid names), or
     *     the depth is invalid for the kernel
     * @throws NullPointerException if name is null
     */
    public static HomogeneousKernel byName(String name, int depth) {
        Objects.requireNonNull(name, "name");
        switch (name) {
            case "deep-ntk":
                checkDepth(depth);
                return deepNtk(depth);
            case "deep-nngp":
                checkDepth(depth);
                return deepNngp(depth);
            case "arccos0":
            case "arccos1":
            case "ntk2":
                if (depth != 1) {
                    throw new IllegalArgumentException("depth must be 1 for " + name
                            + " (only deep-ntk and deep-nngp have a depth), got " + depth);
                }
                return name.equals("ntk2") ? NTK2 : (name.equals("arccos0") ? ARCCOS0 : ARCCOS1);
            default:
                throw new IllegalArgumentException("name must be one of " + String.join(", ", NAMES)
                        + ", got '" + name + "'");
        }
    }

    /** The command-line names, in the order of DESIGN.md: arccos0, arccos1, ntk2, deep-ntk, deep-nngp. */
    public static List<String> names() {
        return NAMES;
    }

    private static void checkDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
    }
}
