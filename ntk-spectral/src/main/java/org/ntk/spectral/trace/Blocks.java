package org.ntk.spectral.trace;

import java.util.SplittableRandom;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;

/**
 * Row-major n×k blocks of vectors, the unit of work of the trace estimators: random probe blocks,
 * the products Aᵀ B and A B of small blocks, and the block product with a {@link KernelMatrix}.
 *
 * <p>Entry (i, c) of an n×k block is at index i·k + c, the layout of
 * {@link KernelMatrix#multiply(double[], double[], int)}. Every method returns a fresh array and
 * leaves its arguments unchanged. Package-private.
 */
final class Blocks {

    private Blocks() {
    }

    /**
     * An n×k block of independent Rademacher (±1) entries drawn from {@code random}, column by column
     * (so the entries of column c do not depend on how many columns follow it).
     */
    static double[] rademacher(SplittableRandom random, int n, int k) {
        double[] z = new double[n * k];
        for (int c = 0; c < k; c++) {
            long bits = 0;
            int left = 0;
            for (int i = 0; i < n; i++) {
                if (left == 0) {
                    bits = random.nextLong();
                    left = 64;
                }
                z[i * k + c] = (bits & 1L) == 0 ? 1.0 : -1.0;
                bits >>>= 1;
                left--;
            }
        }
        return z;
    }

    /**
     * An n×k block whose columns are independent and uniform on the sphere of radius √n in R^n
     * (normalised standard Gaussian vectors, drawn column by column from {@code gaussians}), so that
     * E[ω ωᵀ] = I.
     */
    static double[] sphere(Gaussians gaussians, int n, int k) {
        double[] z = new double[n * k];
        double radius = Math.sqrt(n);
        double[] g = new double[n];
        for (int c = 0; c < k; c++) {
            double ss;
            do {
                ss = 0;
                for (int i = 0; i < n; i++) {
                    g[i] = gaussians.next();
                    ss += g[i] * g[i];
                }
            } while (!(ss > 0));
            double f = radius / Math.sqrt(ss);
            for (int i = 0; i < n; i++) {
                z[i * k + c] = f * g[i];
            }
        }
        return z;
    }

    /** K V for an n×k block V, through the block product of {@code km} (k matrix–vector products). */
    static double[] multiply(KernelMatrix km, double[] v, int k) {
        double[] out = new double[v.length];
        km.multiply(v, out, k);
        return out;
    }

    /** Aᵀ B for A n×p and B n×q (row-major), a p×q block; O(n p q). */
    static double[] transposeTimes(double[] a, int p, double[] b, int q, int n) {
        double[] c = new double[p * q];
        for (int i = 0; i < n; i++) {
            int ai = i * p;
            int bi = i * q;
            for (int r = 0; r < p; r++) {
                double x = a[ai + r];
                if (x == 0) {
                    continue;
                }
                int cr = r * q;
                for (int s = 0; s < q; s++) {
                    c[cr + s] += x * b[bi + s];
                }
            }
        }
        return c;
    }

    /** A B for A n×p and B p×q (row-major), an n×q block; O(n p q). */
    static double[] times(double[] a, int p, double[] b, int q, int n) {
        double[] c = new double[n * q];
        for (int i = 0; i < n; i++) {
            int ai = i * p;
            int ci = i * q;
            for (int r = 0; r < p; r++) {
                double x = a[ai + r];
                if (x == 0) {
                    continue;
                }
                int br = r * q;
                for (int s = 0; s < q; s++) {
                    c[ci + s] += x * b[br + s];
                }
            }
        }
        return c;
    }

    /** The column-wise inner products Σ_i a[i, c] b[i, c] of two n×k blocks, k values. */
    static double[] columnDots(double[] a, double[] b, int n, int k) {
        double[] d = new double[k];
        for (int i = 0; i < n; i++) {
            int off = i * k;
            for (int c = 0; c < k; c++) {
                d[c] += a[off + c] * b[off + c];
            }
        }
        return d;
    }

    /** Mean and standard error (sample standard deviation with m − 1, over √m) of m ≥ 2 samples. */
    static double[] meanAndStandardError(double[] x) {
        int m = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / m;
        double ss = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
        }
        return new double[] {mean, Math.sqrt(ss / (m - 1) / m)};
    }
}
