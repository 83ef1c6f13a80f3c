package org.ntk.bench.report;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How much of a set of orthonormal vectors lies in the span of given (not necessarily orthonormal)
 * vectors: the mean squared cosine (1/k) Σ_i ‖P_V u_i‖² = tr(P_U P_V)/k, which is 1 when span U ⊆
 * span V and 0 when they are orthogonal (MATH.md §2.3, "Eigenvector checks").
 *
 * <p>P_V u = V (VᵀV)⁻¹ Vᵀ u, with (VᵀV)⁻¹ applied through a Cholesky factorisation (commons-math3),
 * so V needs no orthonormalisation; V must have full column rank. Cost O(n·p² + n·p·k) for n-vectors,
 * p theoretical vectors and k eigenvectors. Package-private: a report helper (it belongs with the
 * "clusters vs theory" code of ntk-spectral if that grows one).
 */
final class SubspaceOverlap {

    private SubspaceOverlap() {
    }

    /**
     * The mean squared cosine of the vectors {@code u} (each unit norm) with span(v).
     *
     * @param u k ≥ 1 unit vectors of length n (u[i] is vector i)
     * @param v p ≥ 1 linearly independent vectors of length n (v[j] is vector j)
     * @throws IllegalArgumentException if the lengths disagree or VᵀV is not positive definite
     */
    static double meanSquaredCosine(double[][] u, double[][] v) {
        if (u.length == 0 || v.length == 0) {
            throw new IllegalArgumentException("u and v must be non-empty, got " + u.length + " and "
                    + v.length + " vectors");
        }
        int n = v[0].length;
        int p = v.length;
        double[][] g = new double[p][p];
        for (int a = 0; a < p; a++) {
            if (v[a].length != n) {
                throw new IllegalArgumentException("v[" + a + "] has length " + v[a].length
                        + ", expected " + n);
            }
            for (int b = 0; b <= a; b++) {
                double s = dot(v[a], v[b]);
                g[a][b] = s;
                g[b][a] = s;
            }
        }
        double maxDiag = 0;
        for (int a = 0; a < p; a++) {
            maxDiag = Math.max(maxDiag, g[a][a]);
        }
        DecompositionSolver solver;
        try {
            solver = new CholeskyDecomposition(new Array2DRowRealMatrix(g, false), 1e-12,
                    1e-12 * maxDiag).getSolver();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("v must be linearly independent, got a singular"
                    + " Gram matrix (" + e.getMessage() + ")", e);
        }
        double[][] b = new double[p][u.length];
        for (int i = 0; i < u.length; i++) {
            if (u[i].length != n) {
                throw new IllegalArgumentException("u[" + i + "] has length " + u[i].length
                        + ", expected " + n);
            }
            for (int a = 0; a < p; a++) {
                b[a][i] = dot(v[a], u[i]);
            }
        }
        RealMatrix bm = new Array2DRowRealMatrix(b, false);
        RealMatrix x = solver.solve(bm);
        // Σ_i u_iᵀ P_V u_i = Σ_i b_iᵀ G⁻¹ b_i
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            for (int a = 0; a < p; a++) {
                s += b[a][i] * x.getEntry(a, i);
            }
        }
        return s / u.length;
    }

    /**
     * The mean squared cosine of the vectors {@code u} (each unit norm) with the span of the
     * orthonormal rows {@code q}: (1/k) Σ_i Σ_c (q_c·u_i)². Cost O(n·p·k).
     *
     * @throws IllegalArgumentException if u is empty or the lengths disagree
     */
    static double meanSquaredCosineOrthonormal(double[][] u, double[][] q) {
        if (u.length == 0) {
            throw new IllegalArgumentException("u must be non-empty, got 0 vectors");
        }
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            for (int c = 0; c < q.length; c++) {
                if (q[c].length != u[i].length) {
                    throw new IllegalArgumentException("q[" + c + "] has length " + q[c].length
                            + ", expected " + u[i].length);
                }
                double p = dot(q[c], u[i]);
                s += p * p;
            }
        }
        return s / u.length;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
