package org.ntk.spectral;

import java.util.Arrays;
import java.util.Objects;

import org.ntk.core.validation.Validate;

/**
 * Eigenpairs (λ_i, v_i) of a symmetric matrix of size n: all n of them (a dense decomposition) or the
 * leading {@link #count()} (a partial one, {@link Spectra#top}).
 *
 * <p>Conventions: eigenvalues are non-increasing, λ_0 ≥ λ_1 ≥ …; each eigenvector has unit
 * Euclidean norm and canonical sign: its entry of largest magnitude is positive (on an exact tie in
 * magnitude, the first such index). Within a repeated eigenvalue the vectors are an orthonormal basis
 * of the eigenspace, not a unique one. Nothing is rounded: an eigenvalue of 1e-300 stays 1e-300, and
 * a tiny negative eigenvalue of a PSD matrix (rounding error) is reported as computed.
 *
 * <p>{@link #residuals()} gives ‖K v_i − λ_i v_i‖ for each pair, computed against the matrix the
 * solver was given; it is the a-posteriori accuracy of the pair (STYLE.md: a quality measure to
 * assert on). Solvers that get them for free (Lanczos, which needs them to stop) store them at once;
 * the dense LAPACK solver defers them ({@link #deferred}): one more product K·V, O(n³), about a
 * sixth of the decomposition's time, paid on the first call of {@link #residuals()} or
 * {@link #maxResidual()}, not by callers that only want the pairs (as with LAPACK or SciPy, which
 * do not compute them at all).
 *
 * <p>Immutable and thread-safe (deferred residuals are computed once, under a lock); every array
 * returned is a fresh copy. Memory: count·n doubles, plus, until deferred residuals are computed, a
 * reference to the matrix they are computed from.
 */
public final class Decomposition {

    /** How far ‖v_i‖² may be from 1 in {@link #of}: a guard against unnormalised input, not a rounding. */
    private static final double UNIT_NORM_TOLERANCE = 1e-8;

    private final int size;
    private final double[] values;
    /** Vector i occupies [i·size, (i+1)·size). */
    private final double[] vectors;
    /** The residual norms; null until deferred ones are computed. Guarded by this. */
    private double[] residuals;
    /** Computes deferred residuals; null once they are computed (releasing what it references). */
    private ResidualNorms pending;

    private Decomposition(int size, double[] values, double[] vectors, double[] residuals, ResidualNorms pending) {
        this.size = size;
        this.values = values;
        this.vectors = vectors;
        this.residuals = residuals;
        this.pending = pending;
    }

    /**
     * Computes the residual norms ‖K v_i − λ_i v_i‖ of a decomposition's pairs on request; see
     * {@link Decomposition#deferred}.
     */
    @FunctionalInterface
    public interface ResidualNorms {
        /**
         * The residual norms of the pairs.
         *
         * @param eigenvalues the count eigenvalues. Must not be modified or retained.
         * @param vectors count·n values, vector i at [i·n, (i+1)·n). Must not be modified or retained.
         * @return count finite values ≥ 0
         */
        double[] compute(double[] eigenvalues, double[] vectors);
    }

    /**
     * Builds a decomposition from computed eigenpairs, copying every array and putting each vector in
     * canonical sign (which leaves its residual unchanged). For solvers; users get decompositions from
     * {@link Spectra}.
     *
     * @param size n, the matrix size, ≥ 1
     * @param eigenvalues count finite values, non-increasing; count may be 0. Not modified.
     * @param vectors count·n values, vector i at [i·n, (i+1)·n), each of unit norm within
     *     |‖v‖² − 1| ≤ 1e-8 (the entries are kept as given, not renormalised). Not modified.
     * @param residuals count finite values ≥ 0, ‖K v_i − λ_i v_i‖. Not modified.
     * @return the decomposition
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if size &lt; 1, a length does not match, a value is not finite,
     *     the eigenvalues increase somewhere, a vector is not of unit norm or a residual is negative
     */
    public static Decomposition of(int size, double[] eigenvalues, double[] vectors, double[] residuals) {
        Objects.requireNonNull(residuals, "residuals");
        checkResiduals(residuals, eigenvalues == null ? -1 : eigenvalues.length, "residuals");
        double[][] checked = checkedPairs(size, eigenvalues, vectors);
        return new Decomposition(size, checked[0], checked[1], residuals.clone(), null);
    }

    /**
     * Builds a decomposition as {@link #of(int, double[], double[], double[])} does, with residual norms
     * computed on the first call of {@link #residuals()} or {@link #maxResidual()} (then kept; the
     * function is dropped). For solvers whose residuals cost a separate O(n³) pass. The function sees
     * the canonical-sign vectors; it must return count finite values ≥ 0, otherwise the first request
     * throws {@link IllegalStateException}.
     *
     * @param size n, the matrix size, ≥ 1
     * @param eigenvalues as for {@link #of(int, double[], double[], double[])}
     * @param vectors as for {@link #of(int, double[], double[], double[])}
     * @param residuals computes the residual norms; it is retained (with whatever it references, typically the
     *     matrix) until they are first requested
     * @return the decomposition
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as for {@link #of(int, double[], double[], double[])}
     */
    public static Decomposition deferred(int size, double[] eigenvalues, double[] vectors, ResidualNorms residuals) {
        Objects.requireNonNull(residuals, "residuals");
        double[][] checked = checkedPairs(size, eigenvalues, vectors);
        return new Decomposition(size, checked[0], checked[1], null, residuals);
    }

    private static void checkResiduals(double[] residuals, int count, String name) {
        if (count >= 0 && residuals.length != count) {
            throw new IllegalArgumentException(name + " has length " + residuals.length + ", expected " + count);
        }
        for (int i = 0; i < residuals.length; i++) {
            if (!(residuals[i] >= 0) || residuals[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite and >= 0, got " + residuals[i]);
            }
        }
    }

    /** Validates the pairs; returns copies {values, vectors} with the vectors in canonical sign. */
    private static double[][] checkedPairs(int size, double[] eigenvalues, double[] vectors) {
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(vectors, "vectors");
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        int count = eigenvalues.length;
        if (count > size) {
            throw new IllegalArgumentException("eigenvalues must have at most size = " + size
                    + " entries, got " + count);
        }
        if (vectors.length != (long) count * size) {
            throw new IllegalArgumentException("vectors has length " + vectors.length + ", expected count·size = "
                    + ((long) count * size));
        }
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(eigenvalues[i])) {
                throw new IllegalArgumentException("eigenvalues[" + i + "] must be finite, got " + eigenvalues[i]);
            }
            if (i > 0 && !(eigenvalues[i] <= eigenvalues[i - 1])) {
                throw new IllegalArgumentException("eigenvalues must be non-increasing, got eigenvalues[" + i + "] = "
                        + eigenvalues[i] + " > eigenvalues[" + (i - 1) + "] = " + eigenvalues[i - 1]);
            }
        }
        double[] v = vectors.clone();
        for (int i = 0; i < count; i++) {
            int off = i * size;
            double sq = 0;
            int argmax = off;
            double max = -1;
            for (int j = off; j < off + size; j++) {
                double x = v[j];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("vectors[" + j + "] must be finite, got " + x);
                }
                sq += x * x;
                double a = Math.abs(x);
                if (a > max) {
                    max = a;
                    argmax = j;
                }
            }
            if (!(Math.abs(sq - 1) <= UNIT_NORM_TOLERANCE)) {
                throw new IllegalArgumentException("vectors: eigenvector " + i + " must have unit norm, got ‖v‖² = " + sq);
            }
            if (v[argmax] < 0) {
                for (int j = off; j < off + size; j++) {
                    v[j] = -v[j];
                }
            }
        }
        return new double[][] {eigenvalues.clone(), v};
    }

    /** The matrix size n. */
    public int size() {
        return size;
    }

    /** The number of eigenpairs held: n for a full decomposition, fewer for a partial one. */
    public int count() {
        return values.length;
    }

    /** The eigenvalues, non-increasing, count of them; a fresh copy. */
    public double[] eigenvalues() {
        return values.clone();
    }

    /**
     * Eigenvalue i (0 is the largest).
     *
     * @throws IndexOutOfBoundsException if i is outside [0, count)
     */
    public double eigenvalue(int i) {
        Objects.checkIndex(i, values.length);
        return values[i];
    }

    /**
     * Eigenvector i (for eigenvalue i): unit norm, canonical sign; a fresh array of length n.
     *
     * @throws IndexOutOfBoundsException if i is outside [0, count)
     */
    public double[] eigenvector(int i) {
        Objects.checkIndex(i, values.length);
        return Arrays.copyOfRange(vectors, i * size, (i + 1) * size);
    }

    /**
     * All held eigenvectors as the columns of a fresh n×count array (row r, column i is entry r of
     * eigenvector i), the layout of {@code V} in K V = V Λ and of the CLI's {@code --vectors} file.
     *
     * @throws IllegalArgumentException if the n×count copy does not fit in the heap
     */
    public double[][] eigenvectors() {
        int count = values.length;
        Validate.heapFits((long) size * count, "eigenvector array of size " + size + "×" + count,
                "read the eigenvectors one at a time with eigenvector(i)");
        double[][] out = new double[size][count];
        for (int i = 0; i < count; i++) {
            int off = i * size;
            for (int r = 0; r < size; r++) {
                out[r][i] = vectors[off + r];
            }
        }
        return out;
    }

    /**
     * The residual norms ‖K v_i − λ_i v_i‖, one per pair; a fresh copy. Deferred residuals
     * ({@link #deferred}) are computed by the first call, O(n²·count).
     *
     * @throws IllegalStateException if deferred residuals could not be computed (the function returned
     *     a wrong length or a non-finite or negative value)
     */
    public double[] residuals() {
        return residualNorms().clone();
    }

    /** Whether the residual norms are available without computation (stored, or deferred and already computed). */
    public synchronized boolean residualsComputed() {
        return residuals != null;
    }

    private synchronized double[] residualNorms() {
        if (residuals == null) {
            double[] r = pending.compute(values.clone(), vectors.clone());
            try {
                checkResiduals(Objects.requireNonNull(r, "deferred residuals"), values.length, "deferred residuals");
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalStateException("the solver's deferred residual computation failed: " + e.getMessage(), e);
            }
            residuals = r.clone();
            pending = null;
        }
        return residuals;
    }

    /**
     * The largest residual norm, or 0 when count is 0; computes deferred residuals as
     * {@link #residuals()} does.
     *
     * @throws IllegalStateException as for {@link #residuals()}
     */
    public double maxResidual() {
        double m = 0;
        for (double r : residualNorms()) {
            m = Math.max(m, r);
        }
        return m;
    }

    @Override
    public String toString() {
        int shown = Math.min(values.length, 5);
        StringBuilder sb = new StringBuilder("Decomposition[size=").append(size).append(", count=")
                .append(values.length).append(", eigenvalues=[");
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        if (shown < values.length) {
            sb.append(", …");
        }
        // toString never triggers the O(n³) deferred computation
        synchronized (this) {
            if (residuals == null) {
                return sb.append("], residuals not yet computed]").toString();
            }
        }
        return sb.append("], maxResidual=").append(maxResidual()).append(']').toString();
    }
}
