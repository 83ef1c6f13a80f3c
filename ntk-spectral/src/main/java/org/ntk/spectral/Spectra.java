package org.ntk.spectral;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.spectral.eigen.BlockLanczos;
import org.ntk.spectral.eigen.nd4j.LapackEigenSolver;

/**
 * The front door to eigendecompositions of kernel, NTK and Fisher-information matrices: a dense
 * solver for all eigenpairs and a matrix-free one for the leading few.
 *
 * <p>Which to use. {@link #decompose} and {@link #eigenvalues} copy the matrix densely (n² doubles,
 * guarded by {@code Validate.denseFits}) and call LAPACK {@code dsyevd} from the OpenBLAS that ND4J
 * ships: O(n³), about 1 s at n = 2048 with vectors on two cores. {@link #top} needs only products
 * K·V, never a dense copy, and costs O(number of products × cost of a product): the right choice for
 * a few leading pairs of a large or matrix-free matrix.
 *
 * <p>All results follow {@link Decomposition}'s conventions: eigenvalues non-increasing, unit
 * eigenvectors in canonical sign, true residuals ‖K v − λ v‖ attached, nothing rounded to zero.
 * Stateless and thread-safe.
 */
public final class Spectra {

    private Spectra() {
    }

    /**
     * All eigenpairs of k (LAPACK {@code dsyevd} on a dense copy).
     *
     * @param k a symmetric matrix of size n. Not modified.
     * @return n eigenpairs with eigenvalues non-increasing
     * @throws NullPointerException if k is null
     * @throws IllegalArgumentException if k has a non-finite entry, is not symmetric, or three n×n
     *     double arrays do not fit in the heap
     * @throws IllegalStateException if the OpenBLAS native library cannot be loaded
     * @throws ConvergenceException if LAPACK reports non-convergence
     */
    public static Decomposition decompose(KernelMatrix k) {
        return new LapackEigenSolver().decompose(k);
    }

    /**
     * All eigenvalues of k, non-increasing, without eigenvectors (LAPACK {@code dsyevd} with
     * {@code jobz = 'N'}; about half the time of {@link #decompose}).
     *
     * @param k a symmetric matrix of size n. Not modified.
     * @return a fresh array of n eigenvalues
     * @throws NullPointerException if k is null
     * @throws IllegalArgumentException as for {@link #decompose} (one n×n copy must fit)
     * @throws IllegalStateException if the OpenBLAS native library cannot be loaded
     * @throws ConvergenceException if LAPACK reports non-convergence
     */
    public static double[] eigenvalues(KernelMatrix k) {
        return new LapackEigenSolver().eigenvalues(k);
    }

    /**
     * The count leading eigenpairs of k with {@link LanczosOptions#defaults()} (relative residual
     * tolerance 1e-10, automatic block size min(count, 64)), without forming a dense copy.
     *
     * @param k a symmetric matrix of size n, used only through its block {@code multiply}. Not
     *     modified.
     * @param count the number of wanted pairs, 1 ≤ count ≤ n
     * @return count eigenpairs with eigenvalues non-increasing and true residuals
     * @throws NullPointerException if k is null
     * @throws IllegalArgumentException if count is outside [1, n]
     * @throws ConvergenceException if the default iteration cap is reached
     * @see BlockLanczos
     */
    public static Decomposition top(KernelMatrix k, int count) {
        return top(k, count, LanczosOptions.defaults());
    }

    /**
     * The count leading eigenpairs of k by thick-restart block Lanczos with full reorthogonalisation
     * ({@link BlockLanczos}), without forming a dense copy: every pair satisfies
     * ‖K v − λ v‖ ≤ tolerance·|λ_max| on return. An exactly repeated eigenvalue among the wanted
     * ones is found whole for every block size: a result that may be incomplete (b or more copies of
     * one eigenvalue) is checked on the orthogonal complement, and the solve is repeated with a larger
     * block when a direction was missed.
     *
     * @param k a symmetric matrix of size n, used only through its block {@code multiply}. Not
     *     modified.
     * @param count the number of wanted pairs, 1 ≤ count ≤ n
     * @param options tolerance, iteration cap, block size, seed, progress listener
     * @return count eigenpairs with eigenvalues non-increasing and true residuals
     * @throws NullPointerException if k or options is null
     * @throws IllegalArgumentException if count is outside [1, n] or the Lanczos basis does not fit in
     *     the heap
     * @throws ConvergenceException if {@code options.maxIterations()} block steps do not reach the
     *     tolerance; it carries the steps done and the worst relative residual
     */
    public static Decomposition top(KernelMatrix k, int count, LanczosOptions options) {
        return BlockLanczos.top(k, count, options);
    }
}
