package org.ntk.spectral.trace;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;

/** Seeded test matrices: planted spectra Q diag(λ) Qᵀ and an arc-cosine (order 1) Gram matrix. */
final class TestMatrices {

    private TestMatrices() {
    }

    /** A matrix Q diag(λ) Qᵀ with its eigenvectors (the columns of Q, in the order of λ). */
    record Planted(DenseKernelMatrix matrix, double[] eigenvalues, double[][] eigenvectors) {

        double trace() {
            double t = 0;
            for (double l : eigenvalues) {
                t += l;
            }
            return t;
        }
    }

    /**
     * An n×n orthogonal matrix, row-major: the Q factor of the Householder QR of a seeded standard
     * Gaussian n×n matrix.
     */
    static double[] orthogonal(int n, long seed) {
        double[][] g = Gaussians.standardNormal(n, n, seed);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(g[i], 0, a, i * n, n);
        }
        return ThinQr.of(a, n, n).q();
    }

    /** Q diag(λ) Qᵀ with Q = {@link #orthogonal}(n, seed); one triangle filled and mirrored. */
    static Planted planted(double[] lambda, long seed) {
        int n = lambda.length;
        double[] q = orthogonal(n, seed);
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += q[i * n + c] * lambda[c] * q[j * n + c];
                }
                rows[i][j] = s;
                rows[j][i] = s;
            }
        }
        double[][] vectors = new double[n][n];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                vectors[c][i] = q[i * n + c];
            }
        }
        return new Planted(DenseKernelMatrix.of(rows), lambda.clone(), vectors);
    }

    /** λ_i = ρ^i, i = 0..n−1 (geometric decay). */
    static double[] geometric(int n, double rho) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = Math.pow(rho, i);
        }
        return l;
    }

    /**
     * The arc-cosine kernel of order 1 on n standard Gaussian points in R^d (seeded), from the closed
     * form K_ij = ‖x_i‖‖x_j‖(√(1 − t²) + (π − arccos t) t)/(2π), t = cos∠(x_i, x_j) clamped to
     * [−1, 1] (Cho &amp; Saul 2009; DESIGN.md kernel table, `arccos1`). Diagonal: ‖x_i‖²/2.
     */
    static DenseKernelMatrix arcCosineGram(int n, int d, long seed) {
        double[][] x = Gaussians.standardNormal(n, d, seed);
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (double v : x[i]) {
                s += v * v;
            }
            norm[i] = Math.sqrt(s);
        }
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double dot = 0;
                for (int a = 0; a < d; a++) {
                    dot += x[i][a] * x[j][a];
                }
                double t = i == j ? 1.0 : Math.max(-1.0, Math.min(1.0, dot / (norm[i] * norm[j])));
                double v = norm[i] * norm[j] * (Math.sqrt(1 - t * t) + (Math.PI - Math.acos(t)) * t) / (2 * Math.PI);
                rows[i][j] = v;
                rows[j][i] = v;
            }
        }
        return DenseKernelMatrix.of(rows);
    }

    /** Σ_i ‖x_i‖²/2 for the points of {@link #arcCosineGram}: its trace in closed form. */
    static double arcCosineTrace(int n, int d, long seed) {
        double[][] x = Gaussians.standardNormal(n, d, seed);
        double t = 0;
        for (double[] p : x) {
            for (double v : p) {
                t += 0.5 * v * v;
            }
        }
        return t;
    }

    /**
     * The same dense matrix with a faster block product: OUT = K V computed row by row as
     * Σ_j K_ij V[j, ·], an inner loop over the k contiguous columns of V that the JIT vectorises
     * (DenseKernelMatrix inherits the column-at-a-time default). Only for test speed; the entries and
     * every other method are those of {@code m}.
     */
    static KernelMatrix withFastBlocks(DenseKernelMatrix m) {
        int n = m.size();
        double[] a = m.toArray();
        return new KernelMatrix() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public double get(int i, int j) {
                return m.get(i, j);
            }

            @Override
            public double trace() {
                return m.trace();
            }

            @Override
            public void multiply(double[] v, double[] out) {
                m.multiply(v, out);
            }

            @Override
            public void multiply(double[] v, double[] out, int k) {
                if (v.length != n * k || out.length != n * k || v == out) {
                    throw new IllegalArgumentException("v and out must be distinct arrays of length n·k");
                }
                java.util.Arrays.fill(out, 0.0);
                for (int i = 0; i < n; i++) {
                    int oi = i * k;
                    for (int j = 0; j < n; j++) {
                        double x = a[i * n + j];
                        int vj = j * k;
                        for (int c = 0; c < k; c++) {
                            out[oi + c] += x * v[vj + c];
                        }
                    }
                }
            }
        };
    }

    /** A matrix of the given size whose every method but {@code size()} fails: for rejection tests. */
    static KernelMatrix untouchable(int n) {
        return new KernelMatrix() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public double get(int i, int j) {
                throw new UnsupportedOperationException("get");
            }

            @Override
            public double trace() {
                throw new UnsupportedOperationException("trace");
            }

            @Override
            public void multiply(double[] v, double[] out) {
                throw new UnsupportedOperationException("multiply");
            }
        };
    }

    /**
     * A matrix that counts matrix–vector products (one per column of a block) and refuses every
     * access other than {@code size()} and {@code multiply}, so that an estimator touching entries or
     * the exact trace fails.
     */
    static final class Counting implements KernelMatrix {
        private final KernelMatrix inner;
        private long products;

        Counting(KernelMatrix inner) {
            this.inner = inner;
        }

        long products() {
            return products;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public double get(int i, int j) {
            throw new UnsupportedOperationException("get");
        }

        @Override
        public double trace() {
            throw new UnsupportedOperationException("trace");
        }

        @Override
        public double[] toArray() {
            throw new UnsupportedOperationException("toArray");
        }

        @Override
        public void multiply(double[] v, double[] out) {
            products++;
            inner.multiply(v, out);
        }

        @Override
        public void multiply(double[] v, double[] out, int k) {
            products += k;
            inner.multiply(v, out, k);
        }
    }
}
