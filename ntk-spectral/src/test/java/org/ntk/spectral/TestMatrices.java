package org.ntk.spectral;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;

/** Matrices with known spectra, and independent (plain-loop) checks of eigenpairs, for the tests. */
public final class TestMatrices {

    private TestMatrices() {
    }

    /** A random n×n orthogonal matrix: Q of the QR factorisation (commons-math) of a seeded Gaussian matrix. */
    public static double[][] orthogonal(int n, long seed) {
        RealMatrix g = new Array2DRowRealMatrix(Gaussians.standardNormal(n, n, seed), false);
        return new QRDecomposition(g).getQ().getData();
    }

    /** Q diag(lambda) Qᵀ, computed on one triangle and mirrored (exactly symmetric). */
    public static DenseKernelMatrix planted(double[][] q, double[] lambda) {
        int n = lambda.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * lambda[k] * q[j][k];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return DenseKernelMatrix.of(a);
    }

    /** The planted matrix with a random orthogonal basis from seed. */
    public static DenseKernelMatrix planted(double[] lambda, long seed) {
        return planted(orthogonal(lambda.length, seed), lambda);
    }

    /** Column c of q. */
    public static double[] column(double[][] q, int c) {
        double[] v = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = q[i][c];
        }
        return v;
    }

    /** K v by plain loops over get(i, j). */
    public static double[] times(KernelMatrix k, double[] v) {
        int n = k.size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += k.get(i, j) * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** ‖K‖_F. */
    public static double frobenius(KernelMatrix k) {
        int n = k.size();
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += k.get(i, j) * k.get(i, j);
            }
        }
        return Math.sqrt(s);
    }

    /** ‖K V − V Λ‖_F over the pairs held by d, computed independently of the solver. */
    public static double residualFrobenius(KernelMatrix k, Decomposition d) {
        double s = 0;
        for (int i = 0; i < d.count(); i++) {
            double r = residual(k, d.eigenvalue(i), d.eigenvector(i));
            s += r * r;
        }
        return Math.sqrt(s);
    }

    /** ‖K v − λ v‖. */
    public static double residual(KernelMatrix k, double lambda, double[] v) {
        double[] kv = times(k, v);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double d = kv[i] - lambda * v[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** ‖VᵀV − I‖_F over the pairs held by d. */
    public static double orthogonalityError(Decomposition d) {
        int c = d.count();
        double[][] v = new double[c][];
        for (int i = 0; i < c; i++) {
            v[i] = d.eigenvector(i);
        }
        double s = 0;
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                double e = dot(v[i], v[j]) - (i == j ? 1 : 0);
                s += e * e;
            }
        }
        return Math.sqrt(s);
    }

    /**
     * d − ‖Aᵀ B‖_F² for two n×d sets of orthonormal vectors: 0 exactly when they span the same
     * subspace (it is half the squared Frobenius distance of the two projectors).
     */
    public static double subspaceGap(double[][] a, double[][] b) {
        double s = 0;
        for (double[] x : a) {
            for (double[] y : b) {
                double p = dot(x, y);
                s += p * p;
            }
        }
        return a.length - s;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Whether v's largest-magnitude entry (first on ties) is positive. */
    public static boolean canonicalSign(double[] v) {
        int arg = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[arg])) {
                arg = i;
            }
        }
        return v[arg] > 0;
    }
}
