package org.ntk.spectral.eigen;

import java.util.Arrays;

import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.ntk.spectral.ConvergenceException;

/**
 * All eigenpairs of a small dense symmetric matrix in pure Java: commons-math3's
 * {@link EigenDecomposition} (Householder tridiagonalisation and implicit QL) for the vectors, then
 * each eigenvalue recomputed as the Rayleigh quotient vᵀKv of its normalised vector. The recomputation
 * undoes commons-math's rounding of eigenvalues below ε·max|λ| to exactly 0 (STYLE.md: nothing
 * silently rounded to zero) and costs one O(n³) pass, which also yields the residuals.
 *
 * <p>Not thread-confined: a new instance per call. Cost O(n³) time, O(n²) memory.
 */
final class SymmetricEigen {

    /** Eigenvalues, non-increasing. */
    final double[] values;
    /** Vector i at [i·n, (i+1)·n), unit norm (sign as computed, not canonical). */
    final double[] vectors;
    /** ‖K v_i − λ_i v_i‖. */
    final double[] residuals;

    private SymmetricEigen(double[] values, double[] vectors, double[] residuals) {
        this.values = values;
        this.vectors = vectors;
        this.residuals = residuals;
    }

    /**
     * Decomposes the exactly symmetric row-major n×n matrix a.
     *
     * @param a n² entries, exactly symmetric and finite. Not modified.
     * @param n the size, ≥ 1
     * @throws ConvergenceException if commons-math's QL iteration exceeds its iteration cap
     */
    static SymmetricEigen solve(double[] a, int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, rows[i], 0, n);
        }
        EigenDecomposition ed;
        try {
            ed = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
        } catch (MaxCountExceededException e) {
            throw new ConvergenceException("commons-math3 EigenDecomposition (implicit QL) did not converge within "
                    + e.getMax() + " iterations per eigenvalue on a " + n + "×" + n + " matrix", e.getMax().intValue(),
                    Double.NaN);
        }
        double[] theta = new double[n];
        double[] vec = new double[n * n];
        double[] res = new double[n];
        double[] kv = new double[n];
        for (int c = 0; c < n; c++) {
            double[] v = ed.getEigenvector(c).toArray();
            double sq = 0;
            for (double x : v) {
                sq += x * x;
            }
            double inv = 1 / Math.sqrt(sq);
            for (int i = 0; i < n; i++) {
                v[i] *= inv;
            }
            double q = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                int off = i * n;
                for (int j = 0; j < n; j++) {
                    s += a[off + j] * v[j];
                }
                kv[i] = s;
                q += v[i] * s;
            }
            double r = 0;
            for (int i = 0; i < n; i++) {
                double d = kv[i] - q * v[i];
                r += d * d;
            }
            theta[c] = q;
            res[c] = Math.sqrt(r);
            System.arraycopy(v, 0, vec, c * n, n);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(theta[y], theta[x]));
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            int c = order[i];
            values[i] = theta[c];
            residuals[i] = res[c];
            System.arraycopy(vec, c * n, vectors, i * n, n);
        }
        return new SymmetricEigen(values, vectors, residuals);
    }
}
