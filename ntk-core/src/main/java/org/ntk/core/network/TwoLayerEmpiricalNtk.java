package org.ntk.core.network;

import java.util.Objects;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.validation.Validate;

/**
 * The empirical (finite-width) NTKs of a two-layer {@link ReluNetwork}, normalised by 1/m: the
 * random-feature NTK (only the output weights trained, MATH.md §3.1) and the NTK with both layers
 * trained (MATH.md §3.2).
 *
 * <p><b>Normalisation.</b> A {@link ReluNetwork} computes f(x) = Σ_j v_j ReLU(w_j·x) with no
 * m^{-1/2} prefactor. The matrices returned here are (1/m) J Jᵀ for that network, which is exactly
 * the NTK J Jᵀ of the m^{-1/2}-parametrised network f(x) = m^{-1/2} Σ_j v_j ReLU(w_j·x) of MATH.md
 * §3.1–§3.2 with the same weights. They therefore converge, as m → ∞, to width-independent limits:
 * <ul>
 *   <li>{@link #outputLayer}: Θ_m = (1/m) Φ Φᵀ → σ_w² ‖x‖‖y‖ kappa1(cos∠(x, y)), that is the
 *       {@code arccos1} kernel for {@link WeightScale#STANDARD} hidden weights (σ_w² = 1) and 1/d of
 *       it for {@link WeightScale#FAN_IN};</li>
 *   <li>{@link #bothLayers}: Θ_m → σ_w² ‖x‖‖y‖ kappa1(t) + σ_v² (x·y) kappa0(t), the {@code ntk2}
 *       kernel for STANDARD hidden weights and v ~ N(0, 1) (as {@link ReluNetwork#random} draws).</li>
 * </ul>
 * The relative error falls like m^{-1/2}. ReLU'(0) is taken as 0. A zero input gives a zero row and
 * column. The both-layers matrix equals {@code DeepReluNetwork.of({W}, v).empiricalNtk(x)} divided by
 * m (MATH.md §6.1 with L = 2).
 *
 * <p>All methods are static, thread-safe and bitwise reproducible: the {@code threads} overloads give
 * identical results for every thread count; the others use all available processors. Results are
 * exactly symmetric {@link DenseKernelMatrix} instances.
 */
public final class TwoLayerEmpiricalNtk {

    private TwoLayerEmpiricalNtk() {
    }

    /**
     * Returns the random-feature NTK Θ_m = (1/m) Φ Φᵀ, Φ_ij = ReLU(w_j·x_i) (= {@code
     * net.features(x)}), using all available processors. See the class comment for the limit.
     *
     * <p>Cost O(n·m·d + n²·m) time, O(n² + n·m) memory. MATH.md §3.1.
     *
     * @param net the network. Not modified.
     * @param x n inputs of dimension d (rows). Not modified.
     * @return the n×n matrix, exactly symmetric
     * @throws NullPointerException if an argument or a row of x is null
     * @throws IllegalArgumentException if x is empty, ragged, not finite or of the wrong dimension, or
     *     the result does not fit in the heap, or an entry overflows the double range
     */
    public static KernelMatrix outputLayer(ReluNetwork net, double[][] x) {
        return outputLayer(net, x, BlockedProducts.defaultThreads());
    }

    /**
     * Returns the random-feature NTK of {@link #outputLayer(ReluNetwork, double[][])} computed with
     * the given number of threads; bitwise identical for every {@code threads}.
     *
     * @param net the network. Not modified.
     * @param x n inputs of dimension d (rows). Not modified.
     * @param threads the number of threads, ≥ 1
     * @return the n×n matrix, exactly symmetric
     * @throws IllegalArgumentException if threads &lt; 1, or as {@link #outputLayer(ReluNetwork, double[][])}
     */
    public static KernelMatrix outputLayer(ReluNetwork net, double[][] x, int threads) {
        Objects.requireNonNull(net, "net");
        Validate.positive(threads, "threads");
        int n = checkInputs(net, x);
        Validate.denseFits(n, 1, "empirical NTK");
        int m = net.width();
        double[] phi = features(net, x, n, threads);
        double[] k = BlockedProducts.lowerGram(phi, n, m, threads);
        for (int i = 0; i < n; i++) {
            for (int j = i * n, e = i * n + i; j <= e; j++) {
                k[j] /= m;
            }
        }
        checkFinite(k, n);
        BlockedProducts.mirrorLower(k, n);
        return DenseKernelMatrix.wrapSymmetric(n, k);
    }

    /** Requires the lower triangle to be finite (entries overflow only for inputs or weights near 1e154). */
    private static void checkFinite(double[] k, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i * n, e = i * n + i; j <= e; j++) {
                if (!Double.isFinite(k[j])) {
                    Validate.finiteResult(k[j], "x", "the empirical NTK entry [" + i + "][" + (j - i * n) + "]");
                }
            }
        }
    }

    /**
     * Returns the NTK with both layers trained (MATH.md §3.2), using all available processors:
     * <pre>
     *   Θ_m(x, y) = (1/m) Σ_j [ ReLU(w_j·x) ReLU(w_j·y) + v_j² step(w_j·x) step(w_j·y) (x·y) ]
     *   Θ_m = (1/m) [ Φ Φᵀ + (S diag(v²) Sᵀ) ∘ (X Xᵀ) ],   S_ij = step(w_j·x_i)
     * </pre>
     * with step(0) = 0. See the class comment for the limit.
     *
     * <p>Cost O(n·m·d + n²·(m + d)) time, O(n² + n·m) memory.
     *
     * @param net the network. Not modified.
     * @param x n inputs of dimension d (rows). Not modified.
     * @return the n×n matrix, exactly symmetric
     * @throws NullPointerException if an argument or a row of x is null
     * @throws IllegalArgumentException if x is empty, ragged, not finite or of the wrong dimension, or
     *     the result does not fit in the heap, or an entry overflows the double range
     */
    public static KernelMatrix bothLayers(ReluNetwork net, double[][] x) {
        return bothLayers(net, x, BlockedProducts.defaultThreads());
    }

    /**
     * Returns the both-layers NTK of {@link #bothLayers(ReluNetwork, double[][])} computed with the
     * given number of threads; bitwise identical for every {@code threads}.
     *
     * @param net the network. Not modified.
     * @param x n inputs of dimension d (rows). Not modified.
     * @param threads the number of threads, ≥ 1
     * @return the n×n matrix, exactly symmetric
     * @throws IllegalArgumentException if threads &lt; 1, or as {@link #bothLayers(ReluNetwork, double[][])}
     */
    public static KernelMatrix bothLayers(ReluNetwork net, double[][] x, int threads) {
        Objects.requireNonNull(net, "net");
        Validate.positive(threads, "threads");
        int n = checkInputs(net, x);
        Validate.denseFits(n, 3, "empirical NTK");
        int m = net.width();
        int d = net.inputDimension();
        double[] xf = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, xf, i * d, d);
        }
        double[] phi = features(net, xf, n, threads);
        double[] v = net.outputWeights();
        // B = S diag(v): gradient of f with respect to the hidden pre-activations
        double[] b = new double[n * m];
        for (int i = 0; i < n; i++) {
            int off = i * m;
            for (int j = 0; j < m; j++) {
                if (phi[off + j] > 0) {
                    b[off + j] = v[j];
                }
            }
        }
        double[] k = BlockedProducts.lowerGram(phi, n, m, threads);
        double[] bb = BlockedProducts.lowerGram(b, n, m, threads);
        double[] xx = BlockedProducts.lowerGram(xf, n, d, threads);
        for (int i = 0; i < n; i++) {
            for (int j = i * n, e = i * n + i; j <= e; j++) {
                k[j] = (k[j] + bb[j] * xx[j]) / m;
            }
        }
        checkFinite(k, n);
        BlockedProducts.mirrorLower(k, n);
        return DenseKernelMatrix.wrapSymmetric(n, k);
    }

    private static double[] features(ReluNetwork net, double[][] x, int n, int threads) {
        int d = net.inputDimension();
        double[] xf = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, xf, i * d, d);
        }
        return features(net, xf, n, threads);
    }

    /** Φ = ReLU(X Wᵀ), n×m row-major; each entry a dot product in increasing index order. */
    private static double[] features(ReluNetwork net, double[] xf, int n, int threads) {
        int d = net.inputDimension();
        int m = net.width();
        double[][] hidden = net.hiddenWeights();
        double[] wf = new double[m * d];
        for (int j = 0; j < m; j++) {
            System.arraycopy(hidden[j], 0, wf, j * d, d);
        }
        double[] z = BlockedProducts.timesTranspose(xf, n, d, wf, m, threads);
        for (int i = 0; i < z.length; i++) {
            if (!(z[i] > 0)) {
                if (z[i] != z[i]) {
                    Validate.finiteResult(z[i], "x", "the pre-activation w_" + (i % m) + "·x[" + (i / m) + "]");
                }
                z[i] = 0;
            } else if (z[i] == Double.POSITIVE_INFINITY) {
                Validate.finiteResult(z[i], "x", "the pre-activation w_" + (i % m) + "·x[" + (i / m) + "]");
            }
        }
        return z;
    }

    private static int checkInputs(ReluNetwork net, double[][] x) {
        int dx = Validate.finiteMatrix(x, "x");
        if (dx != net.inputDimension()) {
            throw new IllegalArgumentException("x has dimension " + dx + ", expected " + net.inputDimension()
                    + " (the network's input dimension)");
        }
        if ((long) x.length * net.width() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("x rows × width must fit in a Java array, got "
                    + ((long) x.length * net.width()));
        }
        return x.length;
    }
}
