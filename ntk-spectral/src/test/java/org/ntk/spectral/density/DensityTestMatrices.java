package org.ntk.spectral.density;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.sampling.Gaussians;

/** Seeded test matrices with a planted spectrum. */
final class DensityTestMatrices {

    private DensityTestMatrices() {
    }

    /** Q diag(lambda) Qᵀ with Q the orthogonal factor of a seeded Gaussian matrix, mirrored exactly. */
    static DenseKernelMatrix planted(double[] lambda, long seed) {
        int n = lambda.length;
        RealMatrix g = new Array2DRowRealMatrix(Gaussians.standardNormal(n, n, seed), false);
        RealMatrix q = new QRDecomposition(g).getQ();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q.getEntry(i, k) * lambda[k] * q.getEntry(j, k);
                }
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return DenseKernelMatrix.of(a);
    }

    /** diag(lambda). */
    static DenseKernelMatrix diagonal(double[] lambda) {
        int n = lambda.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = lambda[i];
        }
        return DenseKernelMatrix.of(a);
    }

    /** Trapezoid rule on a grid. */
    static double trapezoid(double[] x, double[] y) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += 0.5 * (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
        }
        return s;
    }

    /** n equally spaced points from a to b inclusive. */
    static double[] linspace(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
        }
        return x;
    }
}
