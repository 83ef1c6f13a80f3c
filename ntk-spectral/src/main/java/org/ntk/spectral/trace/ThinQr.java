package org.ntk.spectral.trace;

/**
 * The thin QR factorisation A = Q R of an n×k matrix (k ≤ n) by Householder reflections, on flat
 * row-major arrays.
 *
 * <p>Q is n×k with orthonormal columns to working precision (also when A is rank-deficient: the
 * reflectors are orthogonal whatever the data), R is k×k upper triangular with a non-negative
 * diagonal. Internally the columns are copied to column-major storage so that every reflector acts on
 * contiguous memory. Cost O(n k²) time, O(n k) memory. Immutable after construction; package-private
 * because it is an implementation detail of the estimators (Golub &amp; Van Loan, Algorithm 5.2.1).
 */
final class ThinQr {

    private final int n;
    private final int k;
    private final double[] q;
    private final double[] r;

    private ThinQr(int n, int k, double[] q, double[] r) {
        this.n = n;
        this.k = k;
        this.q = q;
        this.r = r;
    }

    /**
     * Factorises a row-major n×k matrix.
     *
     * @param a n·k values, entry (i, c) at i·k + c. Not modified.
     * @param n the number of rows, ≥ 1
     * @param k the number of columns, 1 ≤ k ≤ n
     * @throws IllegalArgumentException if the shape is invalid
     */
    static ThinQr of(double[] a, int n, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n = " + n + "], got " + k);
        }
        if (a.length != (long) n * k) {
            throw new IllegalArgumentException("a has length " + a.length + ", expected " + ((long) n * k));
        }
        // column-major working copy: column c occupies [c·n, (c+1)·n)
        double[] w = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                w[c * n + i] = a[i * k + c];
            }
        }
        double[] tau = new double[k];
        double[] beta = new double[k];
        for (int j = 0; j < k; j++) {
            int cj = j * n;
            double scale = 0;
            for (int i = j; i < n; i++) {
                scale = Math.max(scale, Math.abs(w[cj + i]));
            }
            double tail = 0;
            if (scale > 0) {
                for (int i = j + 1; i < n; i++) {
                    double x = w[cj + i] / scale;
                    tail += x * x;
                }
            }
            double x0 = w[cj + j];
            if (scale == 0 || tail == 0) {
                // already upper triangular in this column: H_j = I
                tau[j] = 0;
                beta[j] = x0;
                for (int i = j + 1; i < n; i++) {
                    w[cj + i] = 0;
                }
            } else {
                double s0 = x0 / scale;
                double norm = scale * Math.sqrt(s0 * s0 + tail);
                double b = x0 >= 0 ? -norm : norm;
                tau[j] = (b - x0) / b;
                double inv = 1.0 / (x0 - b);
                for (int i = j + 1; i < n; i++) {
                    w[cj + i] *= inv;
                }
                beta[j] = b;
            }
            w[cj + j] = 1.0; // implicit leading 1 of v_j, restored into R below
            if (tau[j] != 0) {
                for (int c = j + 1; c < k; c++) {
                    applyReflector(w, cj, w, c * n, j, n, tau[j]);
                }
            }
        }
        double[] r = new double[k * k];
        for (int j = 0; j < k; j++) {
            r[j * k + j] = beta[j];
            for (int c = j + 1; c < k; c++) {
                r[j * k + c] = w[c * n + j];
            }
        }
        // Q = H_0 ⋯ H_{k−1} [I_k; 0], accumulated backwards, column-major
        double[] qc = new double[n * k];
        for (int c = 0; c < k; c++) {
            qc[c * n + c] = 1.0;
        }
        for (int j = k - 1; j >= 0; j--) {
            if (tau[j] == 0) {
                continue;
            }
            for (int c = j; c < k; c++) {
                applyReflector(w, j * n, qc, c * n, j, n, tau[j]);
            }
        }
        // canonical signs: non-negative diagonal of R
        for (int j = 0; j < k; j++) {
            if (r[j * k + j] < 0) {
                for (int c = j; c < k; c++) {
                    r[j * k + c] = -r[j * k + c];
                }
                for (int i = 0; i < n; i++) {
                    qc[j * n + i] = -qc[j * n + i];
                }
            }
        }
        double[] q = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                q[i * k + c] = qc[c * n + i];
            }
        }
        return new ThinQr(n, k, q, r);
    }

    /** x[j..n) −= tau (vᵀ x) v, where v = (1, v[vOff+j+1..vOff+n)). */
    private static void applyReflector(double[] v, int vOff, double[] x, int xOff, int j, int n, double tau) {
        double dot = x[xOff + j];
        for (int i = j + 1; i < n; i++) {
            dot += v[vOff + i] * x[xOff + i];
        }
        double f = tau * dot;
        x[xOff + j] -= f;
        for (int i = j + 1; i < n; i++) {
            x[xOff + i] -= f * v[vOff + i];
        }
    }

    int rows() {
        return n;
    }

    int columns() {
        return k;
    }

    /** Q, n×k row-major. Shared, not copied: callers in this package do not modify it. */
    double[] q() {
        return q;
    }

    /** R, k×k row-major upper triangular with non-negative diagonal. Shared, not copied. */
    double[] r() {
        return r;
    }
}
