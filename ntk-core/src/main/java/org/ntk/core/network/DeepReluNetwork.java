package org.ntk.core.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;
import org.ntk.core.validation.Validate;

/**
 * A bias-free deep ReLU network (multilayer perceptron) with scalar output, as in MATH.md §6.1:
 * f_0 = x, f_l = ReLU(W_l f_{l−1}) for the hidden layers l = 1..L−1, and f(x) = v·f_{L−1}.
 *
 * <p>L counts weight layers (Nguyen–Mondelli–Montúfar), so there are {@link #depth()} = L − 1 ≥ 1
 * hidden layers of widths n_1..n_{L−1}, with n_0 = d. Hidden layer l is stored n_l×n_{l−1}: row j
 * holds the incoming weights of unit j, as in {@link ReluNetwork} (MATH.md writes the transpose,
 * W_l ∈ R^{n_{l−1}×n_l}). There is no normalisation inside the network: no m^{-1/2} or √(2/n_l)
 * factors (the standard parametrisation); {@link #ntkScale()} supplies the factor that turns the
 * empirical NTK into Arora et al.'s NTK parametrisation. A network with one hidden layer is the
 * {@link ReluNetwork} with the same weights.
 *
 * <p>Immutable and thread-safe. Arrays passed in are never modified or retained; arrays returned are
 * fresh copies. Indices of layers are 0-based: {@code layer(0)} is W_1 (n_1×d).
 */
public final class DeepReluNetwork {

    private final int d;
    /** dims[0] = d, dims[l] = n_l for l = 1..depth. */
    private final int[] dims;
    /** w[l] is layer l+1 (n_{l+1}×n_l), flattened row-major. */
    private final double[][] w;
    private final double[] v;

    private DeepReluNetwork(int[] dims, double[][] w, double[] v) {
        this.d = dims[0];
        this.dims = dims;
        this.w = w;
        this.v = v;
    }

    /**
     * A network with i.i.d. N(0, 1) weights in every layer (MATH.md §6.1), drawn from one seeded
     * {@link Gaussians} stream in this order: layer 1 (n_1×d) row by row, then layer 2 row by row, …,
     * then the n_{L−1} output weights v. The same seed gives a bitwise-identical network; for one
     * hidden layer the weights equal those of {@code ReluNetwork.random(d, widths[0],
     * WeightScale.STANDARD, seed)}.
     *
     * <p>Cost O(Σ_l n_l n_{l−1}) time and memory.
     *
     * @param d input dimension, ≥ 1
     * @param widths the hidden widths n_1..n_{L−1}, at least one, each ≥ 1. Not modified or retained.
     * @param seed the random seed
     * @return the network
     * @throws NullPointerException if widths is null
     * @throws IllegalArgumentException if d &lt; 1, widths is empty, a width is &lt; 1, a layer has
     *     more entries than a Java array holds, or the weights do not fit in the heap
     */
    public static DeepReluNetwork random(int d, int[] widths, long seed) {
        Validate.positive(d, "d");
        Objects.requireNonNull(widths, "widths");
        if (widths.length == 0) {
            throw new IllegalArgumentException("widths must not be empty, got length 0");
        }
        int[] dims = new int[widths.length + 1];
        dims[0] = d;
        for (int l = 0; l < widths.length; l++) {
            Validate.positive(widths[l], "widths[" + l + "]");
            dims[l + 1] = widths[l];
            requireArraySize((long) dims[l + 1] * dims[l], "widths[" + l + "]·" + (l == 0 ? "d" : "widths[" + (l - 1) + "]"));
        }
        long total = dims[widths.length];
        for (int l = 0; l < widths.length; l++) {
            total += (long) dims[l + 1] * dims[l];
        }
        Validate.heapFits(total, "network with " + total + " weights", "use smaller widths");
        Gaussians g = new Gaussians(seed);
        double[][] w = new double[widths.length][];
        for (int l = 0; l < widths.length; l++) {
            double[] layer = new double[dims[l + 1] * dims[l]];
            for (int i = 0; i < layer.length; i++) {
                layer[i] = g.next();
            }
            w[l] = layer;
        }
        double[] v = new double[dims[widths.length]];
        for (int j = 0; j < v.length; j++) {
            v[j] = g.next();
        }
        return new DeepReluNetwork(dims, w, v);
    }

    /**
     * A network with the given weights (copied).
     *
     * @param hiddenLayers the hidden layers, at least one; hiddenLayers[0] is n_1×d and
     *     hiddenLayers[l] is n_{l+1}×n_l (row j = unit j's incoming weights): its number of columns
     *     equals the number of rows of hiddenLayers[l−1]. Not modified or retained.
     * @param outputWeights v, of length n_{L−1} (the number of rows of the last hidden layer). Not
     *     modified or retained.
     * @return the network
     * @throws NullPointerException if an argument or a layer or row is null
     * @throws IllegalArgumentException if there is no layer, a layer is empty or ragged, the shapes do
     *     not chain, an entry is NaN or infinite, or a layer has more entries than a Java array holds
     */
    public static DeepReluNetwork of(double[][][] hiddenLayers, double[] outputWeights) {
        Objects.requireNonNull(hiddenLayers, "hiddenLayers");
        if (hiddenLayers.length == 0) {
            throw new IllegalArgumentException("hiddenLayers must have at least one layer, got 0 layers");
        }
        int depth = hiddenLayers.length;
        int[] dims = new int[depth + 1];
        double[][] w = new double[depth][];
        for (int l = 0; l < depth; l++) {
            String name = "hiddenLayers[" + l + "]";
            int cols = Validate.finiteMatrix(hiddenLayers[l], name);
            int rows = hiddenLayers[l].length;
            if (l == 0) {
                dims[0] = cols;
            } else if (cols != dims[l]) {
                throw new IllegalArgumentException(name + " has " + cols + " columns, expected " + dims[l]
                        + " (the number of rows of hiddenLayers[" + (l - 1) + "])");
            }
            dims[l + 1] = rows;
            requireArraySize((long) rows * cols, name + " size");
            double[] flat = new double[rows * cols];
            for (int j = 0; j < rows; j++) {
                System.arraycopy(hiddenLayers[l][j], 0, flat, j * cols, cols);
            }
            w[l] = flat;
        }
        Validate.finiteVector(outputWeights, "outputWeights");
        if (outputWeights.length != dims[depth]) {
            throw new IllegalArgumentException("outputWeights has length " + outputWeights.length
                    + ", expected " + dims[depth] + " (the number of rows of hiddenLayers[" + (depth - 1) + "])");
        }
        return new DeepReluNetwork(dims, w, outputWeights.clone());
    }

    /** Input dimension d = n_0. */
    public int inputDimension() {
        return d;
    }

    /** The number of hidden layers, L − 1 ≥ 1 (the CLI's {@code --depth}). */
    public int depth() {
        return dims.length - 1;
    }

    /** The number of weight layers, L = {@link #depth()} + 1 (MATH.md §6.1's L). */
    public int weightLayers() {
        return dims.length;
    }

    /** Returns a fresh copy of the hidden widths n_1..n_{L−1}. */
    public int[] widths() {
        int[] r = new int[dims.length - 1];
        System.arraycopy(dims, 1, r, 0, r.length);
        return r;
    }

    /**
     * Returns a fresh copy of hidden layer l (0-based), n_{l+1}×n_l with n_0 = d: row j holds the
     * incoming weights of unit j of that layer.
     *
     * @param l the layer index, in [0, depth())
     * @throws IllegalArgumentException if l is out of range
     */
    public double[][] layer(int l) {
        Validate.index(l, depth(), "l");
        int rows = dims[l + 1];
        int cols = dims[l];
        double[][] r = new double[rows][cols];
        for (int j = 0; j < rows; j++) {
            System.arraycopy(w[l], j * cols, r[j], 0, cols);
        }
        return r;
    }

    /** Returns a fresh copy of the output weights v (length n_{L−1}). */
    public double[] outputWeights() {
        return v.clone();
    }

    /**
     * The factor Π_{l=1}^{L−1} 2/n_l that makes {@link #empiricalNtk} converge to the analytic deep
     * NTK K^(L) of MATH.md §6.2 (Arora et al.'s NTK parametrisation, c_σ = 2). It underflows to 0 only
     * for absurd depths (about 300 layers of width 10⁴).
     */
    public double ntkScale() {
        double s = 1;
        for (int l = 1; l < dims.length; l++) {
            s *= 2.0 / dims[l];
        }
        return s;
    }

    /**
     * Returns the activations of the last hidden layer, f_{L−1}(x_i) for each row x_i: an
     * n×n_{L−1} array. Cost O(n·Σ_l n_l n_{l−1}). Uses all available processors; the result does not
     * depend on their number. Each pre-activation is a dot product summed in increasing index order.
     *
     * @param x n inputs of dimension d (rows). Not modified.
     * @return a fresh n×n_{L−1} array
     * @throws NullPointerException if x or a row is null
     * @throws IllegalArgumentException if x is empty, ragged, not finite or of the wrong dimension, or
     *     an activation overflows the double range (deep networks with large inputs)
     */
    public double[][] features(double[][] x) {
        int n = checkInputs(x);
        double[][] acts = forward(flatten(x, n), n, BlockedProducts.defaultThreads());
        int width = dims[dims.length - 1];
        double[] last = acts[acts.length - 1];
        double[][] r = new double[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(last, i * width, r[i], 0, width);
        }
        return r;
    }

    /**
     * Returns f(x_i) = v·f_{L−1}(x_i) for each row, summed over units in increasing order. Cost
     * O(n·Σ_l n_l n_{l−1}).
     *
     * @param x n inputs of dimension d (rows). Not modified.
     * @return a fresh array of length n
     * @throws NullPointerException if x or a row is null
     * @throws IllegalArgumentException if x is empty, ragged, not finite or of the wrong dimension, or
     *     an activation or output overflows the double range
     */
    public double[] predict(double[][] x) {
        int n = checkInputs(x);
        double[][] acts = forward(flatten(x, n), n, BlockedProducts.defaultThreads());
        int width = dims[dims.length - 1];
        double[] last = acts[acts.length - 1];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int off = i * width;
            for (int j = 0; j < width; j++) {
                s += v[j] * last[off + j];
            }
            f[i] = s;
        }
        return Validate.finiteResult(f, "x", "f(x)");
    }

    /**
     * Returns the empirical NTK Gram matrix K̄ = J Jᵀ of this network on the inputs x, with J the
     * n×P Jacobian of f with respect to all P weights (every hidden layer and the output layer), the
     * convention ReLU'(0) = 0 and no scaling (MATH.md §6.1), using all available processors.
     *
     * <p>Formula (no per-parameter Jacobian is formed): with F_0 = X (n×d) and F_l the n×n_l
     * activations of hidden layer l, and B_l the n×n_l gradient of f with respect to the
     * pre-activations of layer l (B_{L−1} = step(F_{L−1} &gt; 0) ∘ 1vᵀ, B_{l−1} = (B_l W_l) ∘ step(F_{l−1}
     * &gt; 0)),
     * <pre>
     *   K̄ = F_{L−1} F_{L−1}ᵀ + Σ_{l=1}^{L−1} (B_l B_lᵀ) ∘ (F_{l−1} F_{l−1}ᵀ)
     * </pre>
     * (the first term is the output layer's, whose B is the all-ones column). See
     * {@link #empiricalNtkTerms} for the individual terms; this matrix is their sum accumulated from the
     * output layer down (the output term, then l = L−1, …, 1), bitwise.
     *
     * <p>Limit: {@link #ntkScale()}·K̄ = (Π_{l=1}^{L−1} 2/n_l)·K̄ → K^(L) of MATH.md §6.2 (the analytic deep
     * NTK with L − 1 hidden layers, c_σ = 2, {@code Kernels.deepNtk(depth())}) as all widths grow, for
     * N(0, 1) weights; the relative error falls like width^{-1/2} (MATH.md §6.1: 0.055 at width 10³ and
     * 0.021 at 10⁴ for L = 2, 12 points in d = 10). A zero input gives a zero row and column.
     *
     * <p>Cost: O(n·Σ_l n_l n_{l−1}) for the forward and backward passes plus O(n²·Σ_l (n_l + n_{l−1}))
     * for the Gram products; memory O(n²) (three n×n arrays) plus O(n·Σ_l n_l).
     *
     * @param x n inputs of dimension d (rows). Not modified.
     * @return the n×n matrix, exactly symmetric
     * @throws NullPointerException if x or a row is null
     * @throws IllegalArgumentException if x is empty, ragged, not finite or of the wrong dimension, the
     *     n×n result does not fit in the heap, or an activation or entry overflows the double range
     *     (the message names x; never an ∞ or NaN entry)
     */
    public KernelMatrix empiricalNtk(double[][] x) {
        return empiricalNtk(x, BlockedProducts.defaultThreads());
    }

    /**
     * Returns the empirical NTK of {@link #empiricalNtk(double[][])} computed with the given number of
     * threads. The products run on a fixed grid of blocks whose arithmetic does not depend on the
     * thread count, so the result is bitwise identical for every {@code threads}. The threads are
     * created for this call and end with it (no shared pool).
     *
     * @param x n inputs of dimension d (rows). Not modified.
     * @param threads the number of threads, ≥ 1
     * @return the n×n matrix, exactly symmetric
     * @throws IllegalArgumentException if threads &lt; 1, or as {@link #empiricalNtk(double[][])}
     */
    public KernelMatrix empiricalNtk(double[][] x, int threads) {
        Validate.positive(threads, "threads");
        int n = checkInputs(x);
        Validate.denseFits(n, 3, "empirical NTK");
        double[][] terms = assemble(flatten(x, n), n, threads, false);
        checkFinite(terms, n);
        double[] k = terms[0];
        BlockedProducts.mirrorLower(k, n);
        return DenseKernelMatrix.wrapSymmetric(n, k);
    }

    /**
     * Returns the empirical NTK split by weight layer, using all available processors: entry l
     * (0-based) is J_l J_lᵀ for the weights of hidden layer l (W_{l+1} of MATH.md §6.1), that is
     * (B_{l+1} B_{l+1}ᵀ) ∘ (F_l F_lᵀ) in the notation of {@link #empiricalNtk(double[][])}, and the last
     * entry (index {@link #depth()}) is the output layer's F_{L−1} F_{L−1}ᵀ.
     *
     * <p>Limits (MATH.md §6.1, layer-wise terms): {@link #ntkScale()} times entry l − 1 tends to
     * G^(l) ∘ Ġ^(l+1) ∘ … ∘ Ġ^(L) for l = 1..L−1, and times the last entry to G^(L) (§6.2). Their sum
     * is {@link #empiricalNtk(double[][])}.
     *
     * <p>Cost as {@link #empiricalNtk(double[][])}, memory O(L·n²).
     *
     * @param x n inputs of dimension d (rows). Not modified.
     * @return an unmodifiable list of L = depth() + 1 exactly symmetric n×n matrices
     * @throws NullPointerException if x or a row is null
     * @throws IllegalArgumentException as {@link #empiricalNtk(double[][])}
     */
    public List<KernelMatrix> empiricalNtkTerms(double[][] x) {
        return empiricalNtkTerms(x, BlockedProducts.defaultThreads());
    }

    /**
     * Returns the layer-wise terms of {@link #empiricalNtkTerms(double[][])} computed with the given
     * number of threads; bitwise identical for every {@code threads}.
     *
     * @param x n inputs of dimension d (rows). Not modified.
     * @param threads the number of threads, ≥ 1
     * @return an unmodifiable list of L = depth() + 1 exactly symmetric n×n matrices
     * @throws IllegalArgumentException if threads &lt; 1, or as {@link #empiricalNtk(double[][])}
     */
    public List<KernelMatrix> empiricalNtkTerms(double[][] x, int threads) {
        Validate.positive(threads, "threads");
        int n = checkInputs(x);
        Validate.denseFits(n, weightLayers() + 2, "empirical NTK terms");
        double[][] terms = assemble(flatten(x, n), n, threads, true);
        checkFinite(terms, n);
        List<KernelMatrix> r = new ArrayList<>(terms.length);
        for (double[] t : terms) {
            BlockedProducts.mirrorLower(t, n);
            r.add(DenseKernelMatrix.wrapSymmetric(n, t));
        }
        return Collections.unmodifiableList(r);
    }

    /**
     * Forward and backward passes and the Gram products. With keepTerms, returns the L terms
     * (lower triangles) indexed by layer, the output layer last; otherwise a single array holding the
     * lower triangle of their sum, accumulated output term first, then hidden layers from the top down.
     */
    private double[][] assemble(double[] x, int n, int threads, boolean keepTerms) {
        int depth = depth();
        double[][] acts = forward(x, n, threads);
        double[][] terms = new double[keepTerms ? depth + 1 : 1][];
        // output layer: gradient w.r.t. v is f_{L−1}
        double[] sum = BlockedProducts.lowerGram(acts[depth], n, dims[depth], threads);
        if (keepTerms) {
            terms[depth] = sum;
        }
        // gradient w.r.t. the pre-activations of the last hidden layer: v_j·step
        int width = dims[depth];
        double[] b = new double[n * width];
        double[] top = acts[depth];
        for (int i = 0; i < n; i++) {
            int off = i * width;
            for (int j = 0; j < width; j++) {
                if (top[off + j] > 0) {
                    b[off + j] = v[j];
                }
            }
        }
        for (int l = depth; l >= 1; l--) {
            // term of layer l (weights w[l−1], n_l×n_{l−1}): (B_l B_lᵀ) ∘ (F_{l−1} F_{l−1}ᵀ)
            double[] bb = BlockedProducts.lowerGram(b, n, dims[l], threads);
            double[] ff = BlockedProducts.lowerGram(acts[l - 1], n, dims[l - 1], threads);
            if (keepTerms) {
                for (int i = 0; i < n; i++) {
                    for (int j = i * n, e = i * n + i; j <= e; j++) {
                        bb[j] *= ff[j];
                    }
                }
                terms[l - 1] = bb;
            } else {
                for (int i = 0; i < n; i++) {
                    for (int j = i * n, e = i * n + i; j <= e; j++) {
                        sum[j] += bb[j] * ff[j];
                    }
                }
            }
            if (l > 1) {
                double[] next = BlockedProducts.times(b, n, dims[l], w[l - 1], dims[l - 1], threads);
                double[] below = acts[l - 1];
                for (int i = 0; i < next.length; i++) {
                    if (!(below[i] > 0)) {
                        next[i] = 0;
                    }
                }
                b = next;
            }
        }
        if (!keepTerms) {
            terms[0] = sum;
        }
        return terms;
    }

    /** Returns acts[0] = x and acts[l] = F_l (n×n_l, row-major) for l = 1..depth. */
    private double[][] forward(double[] x, int n, int threads) {
        int depth = depth();
        double[][] acts = new double[depth + 1][];
        acts[0] = x;
        for (int l = 1; l <= depth; l++) {
            double[] z = BlockedProducts.timesTranspose(acts[l - 1], n, dims[l - 1], w[l - 1], dims[l], threads);
            for (int i = 0; i < z.length; i++) {
                if (!(z[i] > 0)) {
                    if (z[i] != z[i]) {
                        overflow(z[i], "the pre-activations of hidden layer " + l);
                    }
                    z[i] = 0;
                } else if (z[i] == Double.POSITIVE_INFINITY) {
                    overflow(z[i], "the pre-activations of hidden layer " + l);
                }
            }
            acts[l] = z;
        }
        return acts;
    }

    /** Throws the overflow error for a non-finite intermediate computed from finite weights and inputs. */
    private static void overflow(double value, String what) {
        Validate.finiteResult(value, "x", what + " (the activations grow like ‖x‖·Π_l √(n_l/2) with N(0, 1)"
                + " weights)");
    }

    /** Requires the lower triangles (and, for the sum, the result) to be finite. */
    private static void checkFinite(double[][] terms, int n) {
        for (double[] t : terms) {
            for (int i = 0; i < n; i++) {
                for (int j = i * n, e = i * n + i; j <= e; j++) {
                    if (!Double.isFinite(t[j])) {
                        overflow(t[j], "the empirical NTK entry [" + i + "][" + (j - i * n) + "]");
                    }
                }
            }
        }
    }

    private int checkInputs(double[][] x) {
        int dx = Validate.finiteMatrix(x, "x");
        if (dx != d) {
            throw new IllegalArgumentException("x has dimension " + dx + ", expected " + d
                    + " (the network's input dimension)");
        }
        int n = x.length;
        for (int l = 0; l < dims.length; l++) {
            requireArraySize((long) n * dims[l], "x rows × layer width");
        }
        return n;
    }

    private static double[] flatten(double[][] x, int n) {
        int cols = x[0].length;
        double[] flat = new double[n * cols];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flat, i * cols, cols);
        }
        return flat;
    }

    private static void requireArraySize(long entries, String what) {
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + " must fit in a Java array (at most "
                    + (Integer.MAX_VALUE - 8) + " entries), got " + entries);
        }
    }
}
