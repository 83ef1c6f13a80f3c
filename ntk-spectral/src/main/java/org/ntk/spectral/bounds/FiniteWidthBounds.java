package org.ntk.spectral.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.DeepReluNetwork;
import org.ntk.core.validation.Validate;

/**
 * The deterministic bound chain for the smallest eigenvalue of the empirical (finite-width) NTK Gram
 * matrix of a deep ReLU network, beside the same chain for its infinite-width limit K^(L) (MATH.md
 * §6.1, §6.3; the finite-width counterpart of {@link SmallestEigenvalueBounds}).
 *
 * <p>Write K̄ = Σ_{l=1}^{L} (B_l B_lᵀ) ∘ (F_{l−1} F_{l−1}ᵀ), with F_0 = X, F_l the activations of hidden
 * layer l and B_l the gradients of f with respect to the pre-activations of weight layer l (B_L = the
 * all-ones column for the output layer; {@link DeepReluNetwork#empiricalNtkTerms}). Every quantity is
 * multiplied by s = {@link DeepReluNetwork#ntkScale()} = Π_{l=1}^{L−1} 2/n_l, the normalisation under
 * which s·K̄ → K^(L) for N(0, 1) weights. The chain, exact for any weights and data:
 * <pre>
 *   s·Σ_{l=1}^{L} λ_min(F_{l−1}F_{l−1}ᵀ)·min_i ‖b_l(x_i)‖²  ≤  λ_min(s·K̄)  ≤  tr(s·K̄)/n
 * </pre>
 * The left side is the Schur product bound λ_min(P∘Q) ≥ λ_min(P)·min_i Q_ii applied to each term (the
 * step behind Nguyen et al.'s Theorem 4.1), with min_i ‖b_l(x_i)‖² read off the term's diagonal as
 * (term_l)_ii/‖f_{l−1}(x_i)‖² (a layer with a zero activation row contributes 0, since then
 * λ_min(F_{l−1}F_{l−1}ᵀ) = 0). As the widths grow, s·F_{l−1}F_{l−1}ᵀ-scaled factors tend to G^(l) and
 * the scaled ‖b_l‖² to the diagonal of Ġ^(l+1) ∘ … ∘ Ġ^(L), which is 1; so the finite-width Schur bound
 * tends to the limit's Σ_l λ_min(G^(l)) ({@link SmallestEigenvalueBounds#schurBound()}), and the
 * finite-width trace bound to the limit's (L/n) Σ_i ‖x_i‖².
 *
 * <p>{@link #links()} holds the two finite-width links, {@code empirical-schur} and
 * {@code empirical-trace}, with rounding slack 16·n·ε·tr(s·K̄) per eigenvalue involved (as in
 * {@link SmallestEigenvalueBounds}). The limit's chain is in {@link #limit()}. Whether the limit's
 * bounds also bracket λ_min(s·K̄) is a probabilistic statement (Theorem 4.1) and is reported, not
 * asserted: compare {@link #empiricalLambdaMin()} with {@code limit().schurBound()} and
 * {@code limit().traceBound()}.
 *
 * <p>Cost: the forward and backward passes and Gram products of {@link DeepReluNetwork#empiricalNtkTerms}
 * and {@link DeepReluNetwork#features} for each depth, O(n·L·Σ_l n_l n_{l−1} + n²·Σ_l n_l), plus
 * 2L + 1 + (number of orders) + (L + 1) dense symmetric eigenvalue problems of size n, O(n³) each;
 * memory O(L·n²). Immutable; the array accessor returns a fresh copy.
 *
 * @param layers L, the number of weight layers (≥ 2)
 * @param empiricalLambdaMin λ_min(s·K̄)
 * @param featureLambdaMin λ_min(s_{&lt;l}·F_{l−1}F_{l−1}ᵀ) at index l − 1, with s_{&lt;l} = Π_{k&lt;l} 2/n_k
 *     (tends to λ_min(G^(l)))
 * @param empiricalSchurBound the finite-width Schur bound above
 * @param empiricalTraceBound tr(s·K̄)/n
 * @param limit the bound chain of K^(L) for the same inputs
 * @param links the finite-width links, each with its two sides and slack
 */
public record FiniteWidthBounds(int layers, double empiricalLambdaMin, double[] featureLambdaMin,
        double empiricalSchurBound, double empiricalTraceBound, SmallestEigenvalueBounds limit,
        List<BoundLink> links) {

    /**
     * Copies the array and list.
     *
     * @throws NullPointerException if an array, list or the limit is null
     */
    public FiniteWidthBounds {
        featureLambdaMin = featureLambdaMin.clone();
        Objects.requireNonNull(limit, "limit");
        links = List.copyOf(links);
    }

    /** λ_min of the scaled feature Gram matrices, index l − 1 for l = 1..L, as a fresh copy. */
    @Override
    public double[] featureLambdaMin() {
        return featureLambdaMin.clone();
    }

    /** Whether every finite-width link holds within its slack. */
    public boolean holds() {
        for (BoundLink link : links) {
            if (!link.holds()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FiniteWidthBounds b && layers == b.layers
                && Double.compare(empiricalLambdaMin, b.empiricalLambdaMin) == 0
                && Arrays.equals(featureLambdaMin, b.featureLambdaMin)
                && Double.compare(empiricalSchurBound, b.empiricalSchurBound) == 0
                && Double.compare(empiricalTraceBound, b.empiricalTraceBound) == 0
                && limit.equals(b.limit) && links.equals(b.links);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layers, empiricalLambdaMin, Arrays.hashCode(featureLambdaMin), empiricalSchurBound,
                empiricalTraceBound, limit, links);
    }

    @Override
    public String toString() {
        return "FiniteWidthBounds[layers=" + layers + ", lambdaMin=" + empiricalLambdaMin + ", schur="
                + empiricalSchurBound + ", trace=" + empiricalTraceBound + ", limit lambdaMin=" + limit.lambdaMin()
                + ", limit schur=" + limit.schurBound() + ", holds=" + holds() + "]";
    }

    /**
     * Evaluates both chains for a network and data.
     *
     * @param net the network; its weights should be N(0, 1) (e.g. {@link DeepReluNetwork#random}) for the
     *     scaled matrix to approach K^(L), but the finite-width links hold for any weights. Not modified.
     * @param x n×d inputs, one non-zero point per row, d = {@code net.inputDimension()}. Not modified, not
     *     retained.
     * @param evenOrders the Hermite orders r of the limit's chain, each even and ≥ 2 (may be empty)
     * @throws NullPointerException if net, x or evenOrders is null
     * @throws IllegalArgumentException if x is empty, ragged, not finite, of the wrong dimension or has a
     *     zero row, or an order is odd or &lt; 2
     */
    public static FiniteWidthBounds of(DeepReluNetwork net, double[][] x, int... evenOrders) {
        Objects.requireNonNull(net, "net");
        Validate.finiteMatrix(x, "x");
        Objects.requireNonNull(evenOrders, "evenOrders");
        if (x[0].length != net.inputDimension()) {
            throw new IllegalArgumentException("x has dimension " + x[0].length + ", expected "
                    + net.inputDimension() + " (the network's input dimension)");
        }
        int layers = net.weightLayers();
        // the terms (L), their sum, one term's and one feature Gram's copies, and LAPACK's copy
        Validate.denseFits(x.length, layers + 4L, "finite-width bound chain");
        SmallestEigenvalueBounds limit = SmallestEigenvalueBounds.of(x, layers, evenOrders);
        int n = x.length;
        double s = net.ntkScale();
        int[] widths = net.widths();
        List<KernelMatrix> terms = net.empiricalNtkTerms(x);

        double[] kbar = new double[n * n];
        for (KernelMatrix t : terms) {
            double[] a = t.toArray();
            for (int i = 0; i < a.length; i++) {
                kbar[i] += s * a[i];
            }
        }
        KernelMatrix scaled = DenseKernelMatrix.wrapSymmetric(n, kbar);
        double trace = scaled.trace();
        double lambdaMin = SmallestEigenvalueBounds.smallest(scaled);
        double tol = 16.0 * n * Math.ulp(1.0) * trace;

        double[] featureMin = new double[layers];
        double schur = 0;
        double scaleBelow = 1;
        for (int l = 1; l <= layers; l++) {
            // F_{l−1} F_{l−1}ᵀ, scaled by Π_{k<l} 2/n_k (→ G^(l)); the rest of s goes with B_l B_lᵀ (→ diagonal 1)
            double[] ff = featureGram(net, x, l - 1);
            double[] term = terms.get(l - 1).toArray();
            double minQ = Double.POSITIVE_INFINITY;
            boolean zeroRow = false;
            for (int i = 0; i < n; i++) {
                double p = ff[i * n + i];
                if (!(p > 0)) {
                    zeroRow = true;
                    break;
                }
                minQ = Math.min(minQ, term[i * n + i] / p);
            }
            for (int i = 0; i < ff.length; i++) {
                ff[i] *= scaleBelow;
            }
            featureMin[l - 1] = zeroRow ? 0 : SmallestEigenvalueBounds.smallest(DenseKernelMatrix.wrapSymmetric(n, ff));
            if (!zeroRow) {
                schur += featureMin[l - 1] * (minQ * s / scaleBelow);
            }
            if (l < layers) {
                scaleBelow *= 2.0 / widths[l - 1];
            }
        }
        double traceBound = trace / n;
        List<BoundLink> links = new ArrayList<>();
        links.add(new BoundLink("empirical-schur",
                "s·Σ_l λ_min(F_{l−1}F_{l−1}ᵀ)·min_i ‖b_l(x_i)‖² ≤ λ_min(s·K̄)", schur, lambdaMin,
                (layers + 1) * tol));
        links.add(new BoundLink("empirical-trace", "λ_min(s·K̄) ≤ tr(s·K̄)/n", lambdaMin, traceBound, tol));
        return new FiniteWidthBounds(layers, lambdaMin, featureMin, schur, traceBound, limit, links);
    }

    /** F_h F_hᵀ (row-major, exactly symmetric) for hidden layer h ≥ 1, or XXᵀ for h = 0. */
    private static double[] featureGram(DeepReluNetwork net, double[][] x, int h) {
        double[][] f;
        if (h == 0) {
            f = x;
        } else {
            double[][][] hidden = new double[h][][];
            for (int l = 0; l < h; l++) {
                hidden[l] = net.layer(l);
            }
            f = DeepReluNetwork.of(hidden, new double[net.widths()[h - 1]]).features(x);
        }
        int n = f.length;
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double dot = 0;
                double[] a = f[i];
                double[] b = f[j];
                for (int k = 0; k < a.length; k++) {
                    dot += a[k] * b[k];
                }
                g[i * n + j] = dot;
                g[j * n + i] = dot;
            }
        }
        return g;
    }
}
