package org.ntk.spectral.eigen;

import java.util.Objects;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.validation.Validate;
import org.ntk.spectral.Decomposition;

/**
 * A dense solver of the symmetric eigenproblem K v = λ v: every eigenpair of a {@link KernelMatrix}.
 *
 * <p>Contract (checked by {@code EigenSolverContractTest} for every implementation): the matrix is
 * not modified; eigenvalues come out non-increasing; eigenvectors are orthonormal, with canonical
 * sign; {@link Decomposition#residuals()} holds ‖K v_i − λ_i v_i‖ computed against K; small
 * eigenvalues are not rounded to zero; {@link #eigenvalues} agrees with the eigenvalues of
 * {@link #decompose} to rounding (c·n·ε·‖K‖, not necessarily bitwise: values-only drivers may use a
 * different algorithm). Input is read through {@link #denseCopy}: finite entries, symmetric within
 * {@value #SYMMETRY_TOLERANCE}·max|K_ij|, exactly symmetrised.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface EigenSolver {

    /** Relative asymmetry |K_ij − K_ji| / max|K| that {@link #denseCopy} accepts (and averages away). */
    double SYMMETRY_TOLERANCE = 1e-10;

    /**
     * All n eigenpairs of k.
     *
     * @param k a symmetric matrix of size n. Not modified.
     * @return n eigenpairs, eigenvalues non-increasing
     * @throws NullPointerException if k is null
     * @throws IllegalArgumentException if k has a non-finite entry, is not symmetric, or an n×n dense
     *     copy does not fit in the heap
     * @throws org.ntk.spectral.ConvergenceException if the method fails to converge
     */
    Decomposition decompose(KernelMatrix k);

    /**
     * All n eigenvalues of k, non-increasing, without eigenvectors (cheaper).
     *
     * @param k a symmetric matrix of size n. Not modified.
     * @return a fresh array of n eigenvalues
     * @throws NullPointerException if k is null
     * @throws IllegalArgumentException as for {@link #decompose}
     * @throws org.ntk.spectral.ConvergenceException if the method fails to converge
     */
    double[] eigenvalues(KernelMatrix k);

    /**
     * A validated, exactly symmetric row-major copy of k (n² doubles), the starting point of every
     * dense solver. Entries are read with {@link KernelMatrix#toArray()}; each off-diagonal pair is
     * replaced by its average (a no-op for the exactly symmetric matrices this library builds).
     *
     * <p>Cost O(n²) time beyond {@code toArray}; memory: one n² array, after checking that
     * {@code copies} such arrays fit in the heap ({@link Validate#denseFits}).
     *
     * @param k the matrix. Not modified.
     * @param copies how many n×n arrays the calling solver holds at once, ≥ 1 (for the memory check)
     * @return a fresh n·n array, entry (i, j) at i·n + j
     * @throws IllegalArgumentException if the copies do not fit, an entry is not finite, or
     *     |K_ij − K_ji| &gt; {@value #SYMMETRY_TOLERANCE}·max|K|
     */
    static double[] denseCopy(KernelMatrix k, int copies) {
        Objects.requireNonNull(k, "k");
        int n = k.size();
        Validate.denseFits(n, copies, "k");
        double[] a = k.toArray();
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException("k.toArray() has length " + a.length + ", expected n² = " + ((long) n * n));
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("k[" + (i / n) + "][" + (i % n) + "] must be finite, got " + x);
            }
            max = Math.max(max, Math.abs(x));
        }
        double bound = SYMMETRY_TOLERANCE * max;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double x = a[i * n + j];
                double y = a[j * n + i];
                if (x != y) {
                    if (!(Math.abs(x - y) <= bound)) {
                        throw new IllegalArgumentException("k must be symmetric within " + SYMMETRY_TOLERANCE
                                + "·max|k_ij| = " + bound + ", got |k[" + i + "][" + j + "] − k[" + j + "][" + i
                                + "]| = " + Math.abs(x - y));
                    }
                    double s = 0.5 * (x + y);
                    a[i * n + j] = s;
                    a[j * n + i] = s;
                }
            }
        }
        return a;
    }
}
