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
 * <p>{@link #residuals()} gives ‖K v_i − λ_i v_i‖ for each pair, computed by the solver against the
 * matrix it was given; it is the a-posteriori accuracy of the pair (STYLE.md: a quality measure to
 * assert on).
 *
 * <p>Immutable and thread-safe; every array returned is a fresh copy. Memory: count·n doubles.
 */
public final class Decomposition {

    /** How far ‖v_i‖² may be from 1 in {@link #of}: a guard against unnormalised input, not a rounding. */
    private static final double UNIT_NORM_TOLERANCE = 1e-8;

    private final int size;
    private final double[] values;
    /** Vector i occupies [i·size, (i+1)·size). */
    private final double[] vectors;
    private final double[] residuals;

    private Decomposition(int size, double[] values, double[] vectors, double[] residuals) {
        this.size = size;
        this.values = values;
        this.vectors = vectors;
        this.residuals = residuals;
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
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(residuals, "residuals");
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
        if (residuals.length != count) {
            throw new IllegalArgumentException("residuals has length " + residuals.length + ", expected " + count);
        }
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(eigenvalues[i])) {
                throw new IllegalArgumentException("eigenvalues[" + i + "] must be finite, got " + eigenvalues[i]);
            }
            if (i > 0 && !(eigenvalues[i] <= eigenvalues[i - 1])) {
                throw new IllegalArgumentException("eigenvalues must be non-increasing, got eigenvalues[" + i + "] = "
                        + eigenvalues[i] + " > eigenvalues[" + (i - 1) + "] = " + eigenvalues[i - 1]);
            }
            if (!(residuals[i] >= 0) || residuals[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("residuals[" + i + "] must be finite and >= 0, got " + residuals[i]);
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
        return new Decomposition(size, eigenvalues.clone(), v, residuals.clone());
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

    /** The residual norms ‖K v_i − λ_i v_i‖, one per pair, as computed by the solver; a fresh copy. */
    public double[] residuals() {
        return residuals.clone();
    }

    /** The largest residual norm, or 0 when count is 0. */
    public double maxResidual() {
        double m = 0;
        for (double r : residuals) {
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
        return sb.append("], maxResidual=").append(maxResidual()).append(']').toString();
    }
}
