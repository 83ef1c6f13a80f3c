package org.ntk.core.fisher;

import java.util.Objects;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.InnerProductBackend;
import org.ntk.core.kernel.InnerProductBackends;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.validation.Validate;

/**
 * The Fisher information matrix J (m×m) of the output weights v of f(x) = Σ_j v_j ReLU(w_j·x), for
 * regression with N(0, 1) noise and inputs x ~ N(0, I_d) (MATH.md §2.1).
 *
 * <p>J = E_x[∇_v f ∇_v fᵀ] = E_x[φ(Wᵀx) φ(Wᵀx)ᵀ], entrywise
 * <pre>
 *   J_jk = ‖w_j‖‖w_k‖ kappa1(cos∠(w_j, w_k)) = (‖w_j‖‖w_k‖/2π)(sin θ_jk + (π − θ_jk) cos θ_jk),
 *   J_jj = ‖w_j‖²/2,   trace J = ‖W‖_F²/2,
 * </pre>
 * i.e. the {@code arccos1} Gram matrix of the hidden weight vectors. No 1/m factor (the NTK
 * parametrisation f = m^{−1/2}… divides J by m); the weight variance is whatever the network was
 * built with ({@code WeightScale}: VAR-1/d gives E[trace J] = m/2, VAR-1 gives md/2). J does not
 * depend on v.
 *
 * <p>Thread-safe; results are immutable and exactly symmetric.
 */
public final class FisherInformation {

    private FisherInformation() {
    }

    /**
     * The exact Fisher information J_jk = ‖w_j‖‖w_k‖ kappa1(cos∠(w_j, w_k)) using all processors.
     *
     * @param net the network. Not modified.
     * @return the m×m matrix
     * @throws IllegalArgumentException if the m×m matrix does not fit in the heap
     */
    public static DenseKernelMatrix analytic(ReluNetwork net) {
        return analytic(net, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The exact Fisher information (MATH.md §2.1), assembled as the {@code arccos1} Gram matrix of
     * the rows of the hidden weights with the given number of threads; bitwise identical for every
     * thread count. Cost O(m²d/2) plus m²/2 arccos evaluations; memory 8m² bytes.
     *
     * @param net the network. Not modified.
     * @param threads worker threads, ≥ 1
     * @return the m×m matrix
     * @throws IllegalArgumentException if threads &lt; 1, the m×m matrix does not fit in the heap, or a
     *     hidden weight vector is so large (‖w_j‖ ≳ 1.9e154) that J_jj = ‖w_j‖²/2 overflows
     * @throws NullPointerException if net is null
     */
    public static DenseKernelMatrix analytic(ReluNetwork net, int threads) {
        Objects.requireNonNull(net, "net");
        Validate.positive(threads, "threads");
        double[][] w = net.hiddenWeights();
        for (int j = 0; j < w.length; j++) {
            // J_jj = ‖w_j‖²/2 bounds every entry; it overflows only for ‖w_j‖ above about 1.9e154
            double max = 0;
            for (double v : w[j]) {
                max = Math.max(max, Math.abs(v));
            }
            if (max > 0x1p480) { // below, ‖w_j‖² ≤ d·2^960 cannot overflow
                double s = 0;
                for (double v : w[j]) {
                    double r = v / max;
                    s += r * r;
                }
                Validate.finiteResult(max * max * s / 2, "net", "J_" + j + j + " = ‖w_" + j + "‖²/2");
            }
        }
        return Kernels.arcCosine(1).gram(w, GramOptions.defaults().withThreads(threads));
    }

    /**
     * The empirical Fisher information (1/n) ΦᵀΦ over a sample, using all processors.
     *
     * @param net the network. Not modified.
     * @param x n inputs of dimension d (rows). Not modified or retained.
     * @return the m×m matrix
     * @see #empirical(ReluNetwork, double[][], int)
     */
    public static DenseKernelMatrix empirical(ReluNetwork net, double[][] x) {
        return empirical(net, x, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The empirical Fisher information Ĵ = (1/n) ΦᵀΦ with Φ_ij = ReLU(w_j·x_i) the n×m features of
     * the sample; Ĵ → J (analytic) as n → ∞ for x_i ~ N(0, I_d).
     *
     * <p>Computed as two inner-product passes (Φᵀ = ReLU(W Xᵀ), then ΦᵀΦ on one triangle, each entry
     * summed over the sample in index order) and mirrored, so the result is exactly symmetric, equal
     * to the naive (1/n) Σ_i Φ_ij Φ_ik, and bitwise identical for every thread count. Cost
     * O(n·m·d + n·m²/2); memory O(n·m + m²).
     *
     * @param net the network. Not modified.
     * @param x n inputs of dimension d (rows). Not modified or retained.
     * @param threads worker threads, ≥ 1
     * @return the m×m matrix
     * @throws IllegalArgumentException if x is empty, ragged, not finite or of the wrong dimension,
     *     threads &lt; 1, n·m or m² does not fit in memory, or an entry overflows the double range
     * @throws NullPointerException if net or x is null
     */
    public static DenseKernelMatrix empirical(ReluNetwork net, double[][] x, int threads) {
        Objects.requireNonNull(net, "net");
        Validate.positive(threads, "threads");
        int d = net.inputDimension();
        int m = net.width();
        int dx = Validate.finiteMatrix(x, "x");
        if (dx != d) {
            throw new IllegalArgumentException("x has dimension " + dx + ", expected " + d
                    + " (the network's input dimension)");
        }
        int n = x.length;
        if ((long) n * m > Integer.MAX_VALUE - 8 || (long) n * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("x must have at most " + ((Integer.MAX_VALUE - 8) / Math.max(m, d))
                    + " rows for a network of width " + m + ", got " + n + "; average smaller batches");
        }
        Validate.denseFits(m, 1, "Fisher matrix");
        double[][] hidden = net.hiddenWeights();
        double[] w = new double[m * d];
        for (int j = 0; j < m; j++) {
            System.arraycopy(hidden[j], 0, w, j * d, d);
        }
        double[] xs = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, xs, i * d, d);
        }
        Validate.heapFits((long) m * n, "features of size " + m + "×" + n,
                "average the Fisher information over smaller batches of x");
        InnerProductBackend features = InnerProductBackends.select(m, n, d);
        double[] phiT = new double[m * n];
        features.cross(w, m, xs, n, d, phiT, threads);
        for (int k = 0; k < phiT.length; k++) {
            double s = phiT[k];
            if (s != s || s == Double.POSITIVE_INFINITY) {
                Validate.finiteResult(s, "x", "the pre-activation w_" + (k / n) + "·x[" + (k % n) + "]");
            }
            phiT[k] = s > 0 ? s : 0;
        }
        InnerProductBackend products = InnerProductBackends.select(m, m, n);
        double[] g = new double[m * m];
        products.gramUpper(phiT, m, n, g, threads);
        for (int j = 0; j < m; j++) {
            for (int k = j; k < m; k++) {
                double v = g[j * m + k] / n;
                if (!Double.isFinite(v)) {
                    Validate.finiteResult(v, "x", "the Fisher information entry [" + j + "][" + k + "]");
                }
                g[j * m + k] = v;
                g[k * m + j] = v;
            }
        }
        return DenseKernelMatrix.wrapSymmetric(m, g);
    }
}
