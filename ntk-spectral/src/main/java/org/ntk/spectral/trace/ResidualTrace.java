package org.ntk.spectral.trace;

import java.util.Arrays;
import java.util.Objects;

import org.ntk.core.kernel.KernelMatrix;

/**
 * The exact split of tr K into the part captured by a subspace (or by a set of eigenvalues) and the
 * residual: tr K = captured + residual.
 *
 * <p>For an orthonormal basis V = [v_1 … v_k] of a subspace (for example the theoretical eigenspaces
 * of a Fisher information matrix, MATH.md §2.3), captured = tr(VᵀKV) = Σ_c v_cᵀ K v_c and
 * residual = tr K − tr(VᵀKV) = tr((I − VVᵀ) K (I − VVᵀ)). When V spans eigenvectors of K, captured is
 * the sum of their eigenvalues. For PSD K and orthonormal V, 0 ≤ captured ≤ tr K (Ky Fan), up to
 * rounding; nothing is clamped. Shares are fractions of tr K (MATH.md §2.4: the residual share of
 * the FIM's three clusters is below 1/2 − 3/(2π)).
 *
 * <p>Immutable and thread-safe. The factories that take a matrix call {@code trace()} and the block
 * {@code multiply} only (k products, O(n k) extra memory).
 *
 * @param trace tr K, finite and &gt; 0
 * @param captured the captured part, finite
 * @param dimension the number of directions captured (the subspace dimension, or the number of
 *     eigenvalues counted with multiplicity), ≥ 0
 */
public record ResidualTrace(double trace, double captured, long dimension) {

    /** The orthonormality tolerance of {@link #ofOrthonormal(KernelMatrix, double[][])}. */
    public static final double DEFAULT_ORTHONORMALITY_TOLERANCE = 1e-8;

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if trace is not finite and &gt; 0, captured is not finite or
     *     dimension &lt; 0
     */
    public ResidualTrace {
        if (!(trace > 0) || trace == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("trace must be finite and > 0, got " + trace);
        }
        if (!Double.isFinite(captured)) {
            throw new IllegalArgumentException("captured must be finite, got " + captured);
        }
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
        }
    }

    /** The residual tr K − captured. */
    public double residual() {
        return trace - captured;
    }

    /** The residual as a fraction of the trace, (tr K − captured)/tr K. */
    public double residualShare() {
        return residual() / trace;
    }

    /** The captured part as a fraction of the trace, captured/tr K. */
    public double capturedShare() {
        return captured / trace;
    }

    /**
     * The split for the subspace spanned by orthonormal vectors, with orthonormality checked to
     * {@link #DEFAULT_ORTHONORMALITY_TOLERANCE}.
     *
     * @see #ofOrthonormal(KernelMatrix, double[][], double)
     */
    public static ResidualTrace ofOrthonormal(KernelMatrix k, double[][] vectors) {
        return ofOrthonormal(k, vectors, DEFAULT_ORTHONORMALITY_TOLERANCE);
    }

    /**
     * The split for the subspace spanned by orthonormal vectors: captured = Σ_c v_cᵀ K v_c.
     *
     * <p>Cost: k matrix–vector products (one block product) plus O(n k²) for the orthonormality check.
     *
     * @param k the matrix, size n, with tr K &gt; 0
     * @param vectors k ≥ 0 vectors, each of length n (vectors[c] is v_c; the columns of the n×k
     *     basis). Not modified or retained.
     * @param tolerance the largest accepted max_{a,b} |v_a·v_b − δ_ab|, finite and ≥ 0
     * @throws NullPointerException if k, vectors or one of its vectors is null
     * @throws IllegalArgumentException if a vector has the wrong length or a non-finite entry, the
     *     vectors are not orthonormal within tolerance, or tr K is not &gt; 0
     */
    public static ResidualTrace ofOrthonormal(KernelMatrix k, double[][] vectors, double tolerance) {
        Objects.requireNonNull(k, "k");
        int n = k.size();
        checkVectors(vectors, n);
        if (!(tolerance >= 0) || tolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
        }
        int cols = vectors.length;
        for (int a = 0; a < cols; a++) {
            for (int b = 0; b <= a; b++) {
                double dot = dot(vectors[a], vectors[b]);
                double dev = Math.abs(dot - (a == b ? 1.0 : 0.0));
                if (!(dev <= tolerance)) {
                    throw new IllegalArgumentException("vectors must be orthonormal within " + tolerance
                            + ", got |vectors[" + a + "]·vectors[" + b + "] − " + (a == b ? 1 : 0) + "| = " + dev);
                }
            }
        }
        return new ResidualTrace(k.trace(), captured(k, vectors), cols);
    }

    /**
     * The split for the subspace spanned by arbitrary vectors, which are first orthonormalised by
     * modified Gram–Schmidt with one reorthogonalisation pass ("twice is enough"); a vector whose
     * component outside the span of the previous ones has norm ≤ rankTolerance × its own norm is
     * dropped as dependent (as is a zero vector), so {@link #dimension()} is the numerical rank.
     *
     * <p>Cost: O(n k²) for the orthonormalisation plus one block product of k columns.
     *
     * @param k the matrix, size n, with tr K &gt; 0
     * @param vectors k ≥ 0 vectors of length n. Not modified or retained.
     * @param rankTolerance the relative norm below which a vector counts as dependent, in (0, 1)
     * @throws NullPointerException if k, vectors or one of its vectors is null
     * @throws IllegalArgumentException if a vector has the wrong length or a non-finite entry,
     *     rankTolerance is not in (0, 1), or tr K is not &gt; 0
     */
    public static ResidualTrace ofSpan(KernelMatrix k, double[][] vectors, double rankTolerance) {
        Objects.requireNonNull(k, "k");
        int n = k.size();
        checkVectors(vectors, n);
        if (!(rankTolerance > 0 && rankTolerance < 1)) {
            throw new IllegalArgumentException("rankTolerance must be in (0, 1), got " + rankTolerance);
        }
        double[][] basis = new double[Math.min(vectors.length, n)][];
        int rank = 0;
        for (double[] vector : vectors) {
            if (rank == n) {
                break;
            }
            double[] v = vector.clone();
            double norm0 = Math.sqrt(dot(v, v));
            if (norm0 == 0) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int b = 0; b < rank; b++) {
                    double p = dot(basis[b], v);
                    double[] qb = basis[b];
                    for (int i = 0; i < n; i++) {
                        v[i] -= p * qb[i];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (!(norm > rankTolerance * norm0)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            basis[rank++] = v;
        }
        double[][] used = new double[rank][];
        System.arraycopy(basis, 0, used, 0, rank);
        return new ResidualTrace(k.trace(), captured(k, used), rank);
    }

    /**
     * The split given eigenvalues of K (for example those of the clusters matched to theory):
     * captured = Σ eigenvalues, trace = tr K.
     *
     * @param k the matrix, with tr K &gt; 0; only {@code size()} and {@code trace()} are called
     * @param eigenvalues the captured eigenvalues, finite, each counted once, at most {@code k.size()}
     *     of them. Not modified.
     * @throws NullPointerException if k or eigenvalues is null
     * @throws IllegalArgumentException if there are more eigenvalues than the size of K, an eigenvalue
     *     is not finite or tr K is not &gt; 0
     */
    public static ResidualTrace ofEigenvalues(KernelMatrix k, double[] eigenvalues) {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        if (eigenvalues.length > k.size()) {
            throw new IllegalArgumentException("eigenvalues has length " + eigenvalues.length
                    + ", expected at most size = " + k.size() + " (an n×n matrix has n eigenvalues)");
        }
        int[] ones = new int[eigenvalues.length];
        Arrays.fill(ones, 1);
        return ofEigenvalues(k.trace(), eigenvalues, ones);
    }

    /**
     * The split given cluster eigenvalues with multiplicities (for example the theoretical
     * eigenvalues of MATH.md §2.3 or the Mercer degrees of §3.3): captured = Σ_c multiplicities[c] ·
     * eigenvalues[c], dimension = Σ multiplicities.
     *
     * @param trace the total trace, finite and &gt; 0
     * @param eigenvalues one eigenvalue per cluster, finite. Not modified.
     * @param multiplicities one multiplicity ≥ 0 per cluster. Not modified.
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, an eigenvalue is not finite, a
     *     multiplicity is negative or trace is not finite and &gt; 0
     */
    public static ResidualTrace ofEigenvalues(double trace, double[] eigenvalues, int[] multiplicities) {
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(multiplicities, "multiplicities");
        if (multiplicities.length != eigenvalues.length) {
            throw new IllegalArgumentException("multiplicities has length " + multiplicities.length
                    + ", expected " + eigenvalues.length + " (the length of eigenvalues)");
        }
        double captured = 0;
        long dimension = 0;
        for (int c = 0; c < eigenvalues.length; c++) {
            if (!Double.isFinite(eigenvalues[c])) {
                throw new IllegalArgumentException("eigenvalues[" + c + "] must be finite, got " + eigenvalues[c]);
            }
            if (multiplicities[c] < 0) {
                throw new IllegalArgumentException("multiplicities[" + c + "] must be >= 0, got " + multiplicities[c]);
            }
            captured += multiplicities[c] * eigenvalues[c];
            dimension += multiplicities[c];
        }
        return new ResidualTrace(trace, captured, dimension);
    }

    private static void checkVectors(double[][] vectors, int n) {
        Objects.requireNonNull(vectors, "vectors");
        for (int c = 0; c < vectors.length; c++) {
            double[] v = Objects.requireNonNull(vectors[c], "vectors[" + c + "]");
            if (v.length != n) {
                throw new IllegalArgumentException("vectors[" + c + "] has length " + v.length + ", expected " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException("vectors[" + c + "][" + i + "] must be finite, got " + v[i]);
                }
            }
        }
    }

    /** Σ_c v_cᵀ K v_c through one block product. */
    private static double captured(KernelMatrix k, double[][] vectors) {
        int cols = vectors.length;
        if (cols == 0) {
            return 0;
        }
        int n = k.size();
        double[] v = new double[n * cols];
        for (int c = 0; c < cols; c++) {
            for (int i = 0; i < n; i++) {
                v[i * cols + c] = vectors[c][i];
            }
        }
        double[] kv = Blocks.multiply(k, v, cols);
        double sum = 0;
        for (double d : Blocks.columnDots(v, kv, n, cols)) {
            sum += d;
        }
        return sum;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
