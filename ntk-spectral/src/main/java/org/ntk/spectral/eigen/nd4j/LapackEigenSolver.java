package org.ntk.spectral.eigen.nd4j;

import java.util.Objects;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.spectral.ConvergenceException;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.eigen.EigenSolver;

/**
 * The dense symmetric eigensolver of the library: LAPACK {@code dsyevd} (Householder
 * tridiagonalisation, then divide and conquer) from the OpenBLAS that ND4J ships, called on a copy of
 * the matrix.
 *
 * <p>Why {@code dsyevd}: it was the fastest driver measured here for eigenvectors (n = 2048, 2
 * threads, best of three: dsyevd 1.06 s against 1.44 s for the MRRR driver {@code dsyevr} and 8 s
 * (idle machine) for ND4J's {@code Eigen}, which uses {@code dsyev}; n = 1024: 0.16 s against
 * 0.23 s; docs/design-notes.md).
 * Values only use {@code dsyevd} with {@code jobz = 'N'} (the Pal–Walker–Kahan QR variant
 * {@code dsterf}), about twice as fast again. ND4J's own {@code Eigen} is not used: it is slower and
 * writes the eigenvectors into its input.
 *
 * <p>The residuals ‖K v_i − λ_i v_i‖ of all n pairs are {@linkplain Decomposition#deferred deferred}:
 * computed with one {@code dgemm} pass against a fresh copy of K (2n³ flops, about a sixth of the
 * decomposition's time) on the first call of {@link Decomposition#residuals()} or
 * {@link Decomposition#maxResidual()}; the decomposition keeps a reference to {@code k} until then.
 * Accuracy: eigenvalues within a small multiple of n·ε·‖K‖ of the exact ones, eigenvectors
 * orthonormal to n·ε.
 *
 * <p>Cost: O(n³) time; heap two n×n double arrays during the call (the copy of K that LAPACK
 * overwrites with the eigenvectors, and the {@link Decomposition}'s own) plus native LAPACK workspace
 * of about 3n² doubles and JavaCPP's native copy of the array. Native threads follow
 * {@code OMP_NUM_THREADS}. Immutable and thread-safe.
 */
public final class LapackEigenSolver implements EigenSolver {

    /** Rows of Vᵀ per {@code dgemm} call in the residual pass; bounds the extra memory to 2·256·n. */
    private static final int RESIDUAL_BLOCK_ROWS = 256;

    /**
     * A solver; loads the OpenBLAS native library on first use.
     *
     * @throws IllegalStateException if the native library cannot be loaded; the message names the fix
     */
    public LapackEigenSolver() {
        OpenBlas.require();
    }

    @Override
    public Decomposition decompose(KernelMatrix k) {
        Objects.requireNonNull(k, "k");
        double[] v = EigenSolver.denseCopy(k, 2);
        int n = k.size();
        double[] w = new double[n];
        // The matrix is symmetric, so its row-major copy is also its column-major copy; column-major
        // output puts eigenvector j (ascending order) contiguously at [j·n, (j+1)·n).
        int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) 'V', (byte) 'L', n, v, n, w);
        check(info, n, "V");
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = w[n - 1 - i];
        }
        double[] tmp = new double[n];
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            System.arraycopy(v, i * n, tmp, 0, n);
            System.arraycopy(v, j * n, v, i * n, n);
            System.arraycopy(tmp, 0, v, j * n, n);
        }
        return Decomposition.deferred(n, values, v,
                (vals, vecs) -> residuals(EigenSolver.denseCopy(k, 3), n, vals, vecs));
    }

    @Override
    public double[] eigenvalues(KernelMatrix k) {
        Objects.requireNonNull(k, "k");
        double[] a = EigenSolver.denseCopy(k, 1);
        int n = k.size();
        double[] w = new double[n];
        int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, a, n, w);
        check(info, n, "N");
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = w[n - 1 - i];
        }
        return values;
    }

    /** ‖K v_i − λ_i v_i‖ for every i, from row blocks of Vᵀ K (K is symmetric, so row i is (K v_i)ᵀ). */
    private static double[] residuals(double[] a, int n, double[] values, double[] v) {
        double[] res = new double[n];
        int rb = Math.min(n, RESIDUAL_BLOCK_ROWS);
        double[] buf = new double[rb * n];
        try (DoublePointer pk = new DoublePointer(a);
             DoublePointer pv = new DoublePointer((long) rb * n);
             DoublePointer pc = new DoublePointer((long) rb * n)) {
            for (int r0 = 0; r0 < n; r0 += rb) {
                int rows = Math.min(rb, n - r0);
                pv.position(0).put(v, r0 * n, rows * n);
                openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                        rows, n, n, 1.0, pv, n, pk, n, 0.0, pc, n);
                pc.position(0).get(buf, 0, rows * n);
                for (int t = 0; t < rows; t++) {
                    int i = r0 + t;
                    double lambda = values[i];
                    int vo = i * n;
                    int bo = t * n;
                    double s = 0;
                    double max = 0;
                    for (int j = 0; j < n; j++) {
                        double d = buf[bo + j] - lambda * v[vo + j];
                        s += d * d;
                        max = Math.max(max, Math.abs(d));
                    }
                    if (!(s < Double.MAX_VALUE && (s > 0x1p-900 || max == 0))) {
                        // entries beyond about 1e154 (or below 1e-154): sum the squares scaled by the largest
                        s = 0;
                        for (int j = 0; j < n; j++) {
                            double d = (buf[bo + j] - lambda * v[vo + j]) / max;
                            s += d * d;
                        }
                        res[i] = max * Math.sqrt(s);
                    } else {
                        res[i] = Math.sqrt(s);
                    }
                }
            }
        }
        return res;
    }

    private static void check(int info, int n, String jobz) {
        if (info > 0) {
            throw new ConvergenceException("LAPACK dsyevd (jobz = '" + jobz + "') failed to converge on a " + n + "×" + n
                    + " matrix (info = " + info + ": an eigenvalue of the tridiagonal form did not converge)", -1,
                    Double.NaN);
        }
        if (info < 0) {
            throw new IllegalStateException("LAPACKE_dsyevd rejected its argument " + (-info)
                    + " although the input was validated; this is a bug in ntk");
        }
    }

    @Override
    public String toString() {
        return "LapackEigenSolver[dsyevd]";
    }
}
