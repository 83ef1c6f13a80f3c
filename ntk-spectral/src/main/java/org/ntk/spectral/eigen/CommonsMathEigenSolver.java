package org.ntk.spectral.eigen;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.spectral.Decomposition;

/**
 * A pure-Java dense symmetric eigensolver (commons-math3 {@code EigenDecomposition}: Householder
 * tridiagonalisation and implicit QL), the independent cross-check of the LAPACK solver.
 *
 * <p>Each eigenvalue is the Rayleigh quotient vᵀKv of its normalised eigenvector, so eigenvalues near
 * zero are reported as computed rather than rounded to 0 as commons-math does below ε·max|λ|.
 * Accuracy: eigenvalues within about n·ε·‖K‖ of the exact ones; residuals ‖Kv − λv‖ of the same
 * order.
 *
 * <p>Cost O(n³) time with a large constant (at n = 2048 on the project's 2-core machine: 75 s idle,
 * 169 s measured under load, against about 1 s for LAPACK {@code dsyevd}; docs/design-notes.md); memory about 4 n² doubles. Use it for tests and for small
 * matrices where no native library is wanted. {@link #eigenvalues} costs the same as
 * {@link #decompose}. Immutable and thread-safe.
 */
public final class CommonsMathEigenSolver implements EigenSolver {

    /** A solver; it holds no state. */
    public CommonsMathEigenSolver() {
    }

    @Override
    public Decomposition decompose(KernelMatrix k) {
        double[] a = EigenSolver.denseCopy(k, 4);
        int n = k.size();
        SymmetricEigen e = SymmetricEigen.solve(a, n);
        return Decomposition.of(n, e.values, e.vectors, e.residuals);
    }

    @Override
    public double[] eigenvalues(KernelMatrix k) {
        double[] a = EigenSolver.denseCopy(k, 4);
        int n = k.size();
        return SymmetricEigen.solve(a, n).values;
    }

    @Override
    public String toString() {
        return "CommonsMathEigenSolver";
    }
}
