package org.ntk.core.mercer;

import java.math.BigInteger;
import java.util.Objects;

import org.ntk.core.validation.Validate;

/**
 * Zonal spherical harmonics on S^{d−1}: the d-dimensional Legendre (Gegenbauer) polynomials
 * normalised by P_k(1) = 1 and the dimension N(d, k) of the space of degree-k harmonics
 * (MATH.md §3.3).
 *
 * <p>P_k(t) = C_k^{(d−2)/2}(t) / C_k^{(d−2)/2}(1); for d = 2, P_k(t) = cos(k·arccos t); for d = 3 the
 * ordinary Legendre polynomials. They are evaluated by the three-term recurrence of the normalised
 * polynomials, P_0 = 1, P_1 = t, P_{k+1} = ((2k+d−2) t P_k − k P_{k−1}) / (k+d−2), which never forms
 * C_k(1) (which overflows for large d and k) and is forward-stable on [−1, 1]. Under s uniform on the
 * sphere, E[P_j(s_1) P_k(s_1)] = δ_jk / N(d, k).
 *
 * <p>For d = 1 the "sphere" is {−1, 1}: only degrees 0 and 1 exist (P_0 = 1, P_1 = t, N = 1).
 *
 * <p>Pure functions, thread-safe.
 */
public final class SphericalHarmonics {

    private SphericalHarmonics() {
    }

    /**
     * Returns the normalised Legendre polynomial P_k(t) of dimension d. Cost O(k).
     *
     * @param d the dimension, ≥ 1
     * @param k the degree, ≥ 0 (≤ 1 when d = 1)
     * @param t the argument, finite (the polynomial is defined everywhere; |P_k| ≤ 1 on [−1, 1])
     * @return P_k(t)
     * @throws IllegalArgumentException if d &lt; 1, k &lt; 0, k &gt; 1 with d = 1, or t is not finite
     */
    public static double legendre(int d, int k, double t) {
        checkDegree(d, k);
        Validate.finite(t, "t");
        if (k > Integer.MAX_VALUE - 9) {
            throw new IllegalArgumentException("k must be <= " + (Integer.MAX_VALUE - 9) + ", got " + k);
        }
        Validate.heapFits(k + 1L, "Legendre recurrence of degree " + k, "use a smaller degree");
        double[] p = new double[k + 1];
        fill(d, t, p);
        return p[k];
    }

    /**
     * Writes P_0(t), …, P_{K}(t) into {@code out} (K = out.length − 1). Cost O(K).
     *
     * @param d the dimension, ≥ 1
     * @param t the argument, finite
     * @param out receives the values; length ≥ 1 (≤ 2 when d = 1). Modified.
     * @throws IllegalArgumentException if the arguments are out of range
     */
    public static void legendreAll(int d, double t, double[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length == 0) {
            throw new IllegalArgumentException("out must have length >= 1, got 0");
        }
        checkDegree(d, out.length - 1);
        Validate.finite(t, "t");
        fill(d, t, out);
    }

    /** The recurrence, trusting its arguments (d ≥ 1; d = 1 only with out.length ≤ 2). */
    static void fill(int d, double t, double[] out) {
        out[0] = 1;
        if (out.length == 1) {
            return;
        }
        out[1] = t;
        for (int k = 1; k + 1 < out.length; k++) {
            out[k + 1] = ((2 * k + d - 2) * t * out[k] - k * out[k - 1]) / (k + d - 2);
        }
    }

    /**
     * Returns N(d, k), the dimension of the degree-k spherical harmonics on S^{d−1}, as a double.
     *
     * <p>N(d,0) = 1, N(d,1) = d, N(d,k) = (2k+d−2)/k · C(k+d−3, k−1) = d(d+1)/2 − 1 for k = 2;
     * N(2,k) = 2 and N(1,k) = 0 for k ≥ 2. Exact while below 2^53, otherwise correctly rounded to
     * about k ulps; +∞ if it exceeds the double range (use {@link #logMultiplicity}). Cost O(k).
     *
     * @param d the dimension, ≥ 1
     * @param k the degree, ≥ 0
     * @return N(d, k)
     * @throws IllegalArgumentException if d &lt; 1 or k &lt; 0
     */
    public static double multiplicity(int d, int k) {
        Validate.positive(d, "d");
        Validate.nonNegative(k, "k");
        if (k == 0) {
            return 1;
        }
        if (d == 1) {
            return k == 1 ? 1 : 0;
        }
        if (d == 2) {
            return 2;
        }
        // N = (2k+d−2)/(d−2) · Π_{i=1}^{k} (d−3+i)/i  (each partial product is a binomial coefficient)
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (d - 3 + i) / i;
        }
        double n = c * (2.0 * k + d - 2) / (d - 2);
        return n < 0x1p53 ? Math.rint(n) : n;
    }

    /**
     * Returns log N(d, k), finite for every d ≥ 2 and k ≥ 0 (−∞ when N(1, k) = 0). Accurate to a few
     * ulps of the result. Cost O(k).
     *
     * @param d the dimension, ≥ 1
     * @param k the degree, ≥ 0
     * @return the natural logarithm of N(d, k)
     * @throws IllegalArgumentException if d &lt; 1 or k &lt; 0
     */
    public static double logMultiplicity(int d, int k) {
        Validate.positive(d, "d");
        Validate.nonNegative(k, "k");
        if (k == 0) {
            return 0;
        }
        if (d == 1) {
            return k == 1 ? 0 : Double.NEGATIVE_INFINITY;
        }
        if (d == 2) {
            return Math.log(2);
        }
        double s = Math.log((2.0 * k + d - 2) / (d - 2));
        for (int i = 1; i <= k; i++) {
            s += Math.log1p((d - 3.0) / i);
        }
        return s;
    }

    /**
     * Returns N(d, k) exactly. Cost O(k) big-integer multiplications.
     *
     * @param d the dimension, ≥ 1
     * @param k the degree, ≥ 0
     * @return N(d, k)
     * @throws IllegalArgumentException if d &lt; 1 or k &lt; 0
     */
    public static BigInteger multiplicityExact(int d, int k) {
        Validate.positive(d, "d");
        Validate.nonNegative(k, "k");
        if (k == 0) {
            return BigInteger.ONE;
        }
        if (d == 1) {
            return k == 1 ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (d == 2) {
            return BigInteger.TWO;
        }
        // (2k+d−2) (k+d−3)! / (k! (d−2)!) = (2k+d−2)/(d−2) · C(k+d−3, k)
        BigInteger c = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            c = c.multiply(BigInteger.valueOf(d - 3L + i)).divide(BigInteger.valueOf(i));
        }
        return c.multiply(BigInteger.valueOf(2L * k + d - 2)).divide(BigInteger.valueOf(d - 2L));
    }

    private static void checkDegree(int d, int k) {
        Validate.positive(d, "d");
        Validate.nonNegative(k, "k");
        if (d == 1 && k > 1) {
            throw new IllegalArgumentException("k must be <= 1 for d = 1 (the sphere {−1, 1}), got " + k);
        }
    }
}
