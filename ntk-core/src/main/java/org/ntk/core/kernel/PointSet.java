package org.ntk.core.kernel;

import org.ntk.core.validation.Validate;

/**
 * A validated point set prepared for the inner-product pass of a homogeneous kernel: each point
 * scaled by a power of two, flattened row-major and zero-padded to a multiple of four rows, with
 * its scaled squared norm and its true norm.
 *
 * <p>Row i is multiplied by 2^−e_i, where 2^e_i ≤ max_k |x_ik| &lt; 2^(e_i+1). Scaling by a power of
 * two is exact, so the cosines computed from the scaled rows are bitwise those of the unscaled rows
 * wherever the latter do not overflow or underflow, and points of any finite magnitude (1e−200 or
 * 1e+200) give correct cosines. The true norm ‖x_i‖ = 2^e_i·√(scaled squared norm) is kept for the
 * radial factor.
 */
final class PointSet {

    final int n;
    final int d;
    /** paddedRows(n)·d values: scaled rows, then zero rows. */
    final double[] rows;
    /** Scaled squared norms, the sequential sum Σ_k (2^−e_i x_ik)², equal to a tile's diagonal. */
    final double[] sq;
    /** True norms ‖x_i‖ (may overflow to ∞ for norms beyond Double.MAX_VALUE). */
    final double[] norm;

    private PointSet(int n, int d, double[] rows, double[] sq, double[] norm) {
        this.n = n;
        this.d = d;
        this.rows = rows;
        this.sq = sq;
        this.norm = norm;
    }

    /**
     * Validates and prepares points.
     *
     * @param x n rows of dimension d. Not modified or retained.
     * @param name the argument name for messages
     * @throws IllegalArgumentException if x is empty, ragged, not finite, or n·d exceeds a Java array
     */
    static PointSet of(double[][] x, String name) {
        int d = Validate.finiteMatrix(x, name);
        int n = x.length;
        long len = (long) InnerProductTiles.paddedRows(n) * d;
        if (len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + " must have at most " + (Integer.MAX_VALUE - 8)
                    + " entries in all, got " + ((long) n * d));
        }
        double[] rows = new double[(int) len];
        double[] sq = new double[n];
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            int e = scaleRow(x[i], rows, i * d);
            double s = 0;
            int off = i * d;
            for (int k = 0; k < d; k++) {
                s += rows[off + k] * rows[off + k];
            }
            sq[i] = s;
            norm[i] = Math.scalb(Math.sqrt(s), e);
        }
        return new PointSet(n, d, rows, sq, norm);
    }

    /**
     * Writes 2^−e·x into dst at off and returns e (0 for a zero vector).
     */
    static int scaleRow(double[] x, double[] dst, int off) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        int e = exponent(max);
        if (e == 0) {
            System.arraycopy(x, 0, dst, off, x.length);
        } else if (e >= -1000 && e <= 1000) {
            double f = Math.scalb(1.0, -e);
            for (int k = 0; k < x.length; k++) {
                dst[off + k] = x[k] * f;
            }
        } else {
            for (int k = 0; k < x.length; k++) {
                dst[off + k] = Math.scalb(x[k], -e);
            }
        }
        return e;
    }

    /** The binary exponent e with 2^e ≤ v &lt; 2^(e+1) for v &gt; 0 (subnormals included); 0 for v = 0. */
    private static int exponent(double v) {
        if (v == 0) {
            return 0;
        }
        if (v < Double.MIN_NORMAL) {
            return Math.getExponent(v * 0x1p54) - 54;
        }
        return Math.getExponent(v);
    }

    /**
     * The per-point weight of the radial factor (‖x_i‖‖x_j‖)^p = w_i·w_j: the norm for p = 1; for
     * p = 0, 1 for a non-zero point and 0 for a zero point (the zero-vector convention).
     */
    double[] weights(int p) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = p == 1 ? norm[i] : (sq[i] > 0 ? 1.0 : 0.0);
        }
        return w;
    }

    /**
     * The clamped cosine c/√(sqi·sqj) from a scaled inner product and two scaled squared norms; ±0 if
     * either point is zero. Every assembly path evaluates this exact expression, so entries agree
     * bitwise.
     *
     * <p>Branch-free, so that loops over it vectorise: a scaled squared norm is 0 for a zero point and
     * at least 1 otherwise (the largest scaled coordinate is in [1, 2)), so max(√(sqi·sqj), 1) is the
     * true denominator for two non-zero points, and for a zero point the inner product is ±0 and the
     * quotient ±0 (the zero point's weight then makes the entry 0).
     */
    static double cosine(double c, double sqi, double sqj) {
        return Math.min(1.0, Math.max(-1.0, c / Math.max(Math.sqrt(sqi * sqj), 1.0)));
    }
}
