package org.ntk.spectral.density;

import org.ntk.spectral.ConvergenceException;

/**
 * The Gauss quadrature rule of a Jacobi (symmetric tridiagonal) matrix: its eigenvalues τ_k and the
 * squared first components of its unit eigenvectors (Golub–Welsch). Package-private helper of
 * {@link StochasticLanczosQuadrature}.
 *
 * <p>Implicit QL with Wilkinson-type shifts (the EISPACK/JAMA {@code tql2} iteration) applied to the
 * first row of the eigenvector matrix only, so O(m²) time and O(m) memory for an m×m matrix.
 */
final class GaussQuadrature {

    private static final int MAX_SWEEPS_PER_EIGENVALUE = 60;

    private GaussQuadrature() {
    }

    /**
     * Computes nodes and weights.
     *
     * @param alpha the diagonal, length m ≥ 1. Not modified.
     * @param beta the off-diagonal, length m − 1 (entry k couples k and k + 1). Not modified.
     * @return {nodes, weights}: eigenvalues (unsorted) and squared first eigenvector components
     *     (summing to 1 up to rounding)
     * @throws ConvergenceException if the QL iteration does not converge (not seen on finite input)
     */
    static double[][] rule(double[] alpha, double[] beta) {
        int n = alpha.length;
        double[] d = alpha.clone();
        double[] e = new double[n];
        System.arraycopy(beta, 0, e, 0, n - 1);
        double[] v = new double[n];
        v[0] = 1.0;
        double f = 0.0;
        double tst1 = 0.0;
        double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n) {
                if (Math.abs(e[m]) <= eps * tst1) {
                    break;
                }
                m++;
            }
            if (m > l) {
                int iter = 0;
                do {
                    if (++iter > MAX_SWEEPS_PER_EIGENVALUE) {
                        throw new ConvergenceException("tridiagonal QL did not converge for eigenvalue " + l
                                + " after " + MAX_SWEEPS_PER_EIGENVALUE + " sweeps, off-diagonal " + e[l],
                                MAX_SWEEPS_PER_EIGENVALUE, Math.abs(e[l]));
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Math.hypot(p, 1.0);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1.0;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0;
                    double s2 = 0.0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        h = v[i + 1];
                        v[i + 1] = s * v[i] + c * h;
                        v[i] = c * v[i] - s * h;
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0.0;
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = v[i] * v[i];
        }
        return new double[][] {d, w};
    }
}
