package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.ntk.core.sampling.Gaussians;

/**
 * Nyström check of the Mercer eigenvalues (MATH.md §3.4, v3e): the eigenvalues of K/n, K the Gram
 * matrix of n points x_i ~ N(0, I_d), converge to the operator's eigenvalues as n grows.
 */
class MercerNystromTest {

    private static final int D = 5;
    private static final int TOP = 20; // 1 + d + (d(d+1)/2 − 1)

    @Test
    void gramEigenvaluesApproachTheMercerEigenvalues() {
        MercerSpectrum exact = MercerSpectra.of(ClosedFormKernels.arccos1(), D, 2);
        double[] lambda = {exact.eigenvalue(0), exact.eigenvalue(1), exact.eigenvalue(2)};
        int[] sizes = {400, 1600};
        long[] seeds = {11, 12, 13};
        double[] meanError = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            // first-order fluctuation of a group mean: λ·√(Var(‖x‖²/d)/n) = λ·√(2/(d n)) (every group's
            // summed squared orthonormal eigenfunctions is N(d,k)·‖x‖²/d by the addition theorem)
            double sigma = Math.sqrt(2.0 / (D * n));
            for (long seed : seeds) {
                double[] top = topEigenvalues(gramOverN(n, seed), TOP, seed);
                double[] groupMean = {top[0], mean(top, 1, 1 + D), mean(top, 1 + D, TOP)};
                for (int g = 0; g < 3; g++) {
                    double rel = Math.abs(groupMean[g] - lambda[g]) / lambda[g];
                    assertTrue(rel <= 5 * sigma, "n = " + n + " seed " + seed + " group " + g + ": mean "
                            + groupMean[g] + " vs " + lambda[g] + " (5σ = " + 5 * sigma + ")");
                    meanError[s] += rel / (3 * seeds.length);
                }
                // the three clusters are separated in the empirical spectrum too
                for (int i = 1; i < 1 + D; i++) {
                    assertTrue(top[i] > 0.5 * lambda[1] && top[i] < 1.5 * lambda[1], "n = " + n + " i = " + i);
                }
                for (int i = 1 + D; i < TOP; i++) {
                    assertTrue(top[i] > 0.3 * lambda[2] && top[i] < 2 * lambda[2], "n = " + n + " i = " + i);
                }
            }
        }
        assertTrue(meanError[1] < meanError[0], "error decreases with n: " + Arrays.toString(meanError));
    }

    @Test
    void subspaceIterationMatchesAFullEigendecomposition() {
        // the test's own eigensolver against commons-math at n = 400
        double[][] a = gramOverN(400, 7);
        double[] top = topEigenvalues(a, TOP, 7);
        double[] all = new EigenDecomposition(new Array2DRowRealMatrix(a, true)).getRealEigenvalues();
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < TOP; i++) {
            assertEquals(sorted[sorted.length - 1 - i], top[i], 1e-12 * sorted[sorted.length - 1]);
        }
    }

    private static double[][] gramOverN(int n, long seed) {
        double[][] x = Gaussians.standardNormal(n, D, seed);
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = ClosedFormKernels.arccos1().value(x[i], x[j]) / n;
                k[i][j] = v;
                k[j][i] = v;
            }
        }
        return k;
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    /**
     * The {@code count} largest eigenvalues of a symmetric PSD matrix by block subspace iteration with
     * 4 guard vectors and a Rayleigh–Ritz step (the gap after the 20th eigenvalue is a factor ≈ 60
     * here, so 12 iterations converge to round-off).
     */
    private static double[] topEigenvalues(double[][] a, int count, long seed) {
        int n = a.length;
        int b = count + 4;
        double[][] q = Gaussians.matrix(b, n, 1, seed + 1000); // rows are the block vectors
        orthonormalise(q);
        double[][] z = new double[b][n];
        for (int iter = 0; iter < 12; iter++) {
            multiply(a, q, z);
            double[][] t = q;
            q = z;
            z = t;
            orthonormalise(q);
        }
        multiply(a, q, z);
        double[][] small = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * z[j][k];
                }
                small[i][j] = s;
            }
        }
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (small[i][j] + small[j][i]);
                small[i][j] = s;
                small[j][i] = s;
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(small, false)).getRealEigenvalues();
        Arrays.sort(ev);
        double[] top = new double[count];
        for (int i = 0; i < count; i++) {
            top[i] = ev[ev.length - 1 - i];
        }
        return top;
    }

    private static void multiply(double[][] a, double[][] q, double[][] out) {
        int n = a.length;
        for (int v = 0; v < q.length; v++) {
            double[] qv = q[v];
            double[] o = out[v];
            for (int i = 0; i < n; i++) {
                double[] ai = a[i];
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += ai[k] * qv[k];
                }
                o[i] = s;
            }
        }
    }

    private static void orthonormalise(double[][] q) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < q.length; i++) {
                for (int j = 0; j < i; j++) {
                    double dot = 0;
                    for (int k = 0; k < q[i].length; k++) {
                        dot += q[i][k] * q[j][k];
                    }
                    for (int k = 0; k < q[i].length; k++) {
                        q[i][k] -= dot * q[j][k];
                    }
                }
                double norm = 0;
                for (double v : q[i]) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                for (int k = 0; k < q[i].length; k++) {
                    q[i][k] /= norm;
                }
            }
        }
    }
}
