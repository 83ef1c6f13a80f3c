package org.ntk.spectral.bounds;

import java.util.Objects;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.DeepReluNetwork;
import org.ntk.core.validation.Validate;

/**
 * Compares an empirical (finite-width) NTK Gram matrix with its infinite-width limit K^(L): the two
 * smallest eigenvalues and the relative Frobenius distance (MATH.md §6.1, §6.3).
 *
 * <p>The empirical matrix must already be scaled to the limit's normalisation: for a network with
 * L − 1 hidden layers of widths n_1..n_{L−1} and N(0, 1) weights, pass (Π_{l=1}^{L−1} 2/n_l)·J Jᵀ
 * ({@code net.ntkScale()} times {@code net.empiricalNtk(x)}, or simply {@link #of(DeepReluNetwork,
 * double[][])}), which tends to K^(L) as all widths
 * grow, with a relative Frobenius error falling like width^{−1/2} (MATH.md §6.1 table). Nguyen et al.'s
 * finite-width theorem then gives λ_min of the scaled empirical matrix = Θ(d) like the limit.
 *
 * <p>Cost: the recursion O(n²d + L n²) and two dense symmetric eigenvalue problems of size n, O(n³)
 * (LAPACK {@code dsyevd} through {@code Spectra.eigenvalues}).
 * Immutable.
 *
 * @param layers L, the number of weight layers of the limit
 * @param empiricalLambdaMin λ_min of the empirical matrix as given
 * @param limitLambdaMin λ_min(K^(L)) of the same inputs
 * @param frobeniusRelativeError ‖K̄ − K^(L)‖_F / ‖K^(L)‖_F
 */
public record FiniteWidthComparison(int layers, double empiricalLambdaMin, double limitLambdaMin,
        double frobeniusRelativeError) {

    /** empiricalLambdaMin / limitLambdaMin. */
    public double lambdaMinRatio() {
        return empiricalLambdaMin / limitLambdaMin;
    }

    /**
     * Compares the scaled empirical NTK {@code net.ntkScale()·net.empiricalNtk(x)} of a network with
     * N(0, 1) weights with K^(L) for L = {@code net.weightLayers()}.
     *
     * @param net the network (its weights should be N(0, 1), e.g. {@link DeepReluNetwork#random})
     * @param x n×d inputs, d = {@code net.inputDimension()}. Not modified, not retained.
     * @throws IllegalArgumentException if x is empty, ragged, not finite or of the wrong dimension
     */
    public static FiniteWidthComparison of(DeepReluNetwork net, double[][] x) {
        Objects.requireNonNull(net, "net");
        KernelMatrix raw = net.empiricalNtk(x);
        double scale = net.ntkScale();
        double[] a = raw.toArray();
        for (int i = 0; i < a.length; i++) {
            a[i] *= scale;
        }
        return of(DenseKernelMatrix.wrapSymmetric(raw.size(), a), x, net.weightLayers());
    }

    /**
     * Compares {@code empirical} with K^(L) of the rows of x.
     *
     * @param empirical the scaled empirical NTK Gram matrix of the rows of x, n×n. Not modified.
     * @param x n×d inputs, one per row. Not modified, not retained.
     * @param layers L, the number of weight layers, ≥ 1
     * @throws IllegalArgumentException if x is empty, ragged or not finite, layers &lt; 1, or the
     *     empirical matrix's size is not n
     */
    public static FiniteWidthComparison of(KernelMatrix empirical, double[][] x, int layers) {
        Objects.requireNonNull(empirical, "empirical");
        Validate.finiteMatrix(x, "x");
        Validate.positive(layers, "layers");
        int n = x.length;
        if (empirical.size() != n) {
            throw new IllegalArgumentException("empirical has size " + empirical.size() + ", expected " + n
                    + " (the number of rows of x)");
        }
        KernelMatrix limit = DeepNtkRecursion.of(x, layers).ntk();
        double[] a = empirical.toArray();
        double[] b = limit.toArray();
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - b[i];
            diff += e * e;
            norm += b[i] * b[i];
        }
        return new FiniteWidthComparison(layers, SmallestEigenvalueBounds.smallest(empirical),
                SmallestEigenvalueBounds.smallest(limit), Math.sqrt(diff / norm));
    }
}
