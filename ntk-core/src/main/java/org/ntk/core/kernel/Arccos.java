package org.ntk.core.kernel;

/**
 * The inverse cosine in pure Java, with the accuracy of {@link StrictMath#acos} at a fraction of
 * its cost on JDK 17.
 *
 * <p>On JDK 17 {@code Math.acos} delegates to {@code StrictMath.acos}, a JNI call into the C fdlibm
 * that costs about 150 ns per call for |x| ≥ 0.5, and the arc-cosine kernels evaluate it once per
 * Gram entry (once per layer for the deep kernels). This class evaluates the same algorithm in Java,
 * which the JIT compiles inline: a rational minimax approximation of asin on |x| &lt; 0.5, and the
 * reductions acos(x) = 2·asin(√((1 − x)/2)) for x &gt; 0.5 and acos(x) = π − 2·asin(√((1 + x)/2))
 * for x &lt; −0.5. Java's {@code +, −, ×, ÷} and {@link Math#sqrt} are correctly rounded, so the
 * result matches {@code StrictMath.acos} (error &lt; 1 ulp); the tests measure the difference over a
 * dense grid of [−1, 1].
 *
 * <p>acos(1) = 0, acos(0) = π/2 and acos(−1) = π are exact to the nearest double; |x| &gt; 1 and
 * NaN give NaN. Stateless and thread-safe.
 *
 * <p>Algorithm and coefficients: fdlibm 5.3, {@code e_acos.c}. Copyright (C) 1993 by Sun
 * Microsystems, Inc. All rights reserved. Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this software is freely granted, provided that
 * this notice is preserved.
 */
public final class Arccos {

    private static final double PI = 3.14159265358979311600e+00;
    private static final double PIO2_HI = 1.57079632679489655800e+00;
    private static final double PIO2_LO = 6.12323399573676603587e-17;
    private static final double PS0 = 1.66666666666666657415e-01;
    private static final double PS1 = -3.25565818622400915405e-01;
    private static final double PS2 = 2.01212532134862925881e-01;
    private static final double PS3 = -4.00555345006794114027e-02;
    private static final double PS4 = 7.91534994289814532176e-04;
    private static final double PS5 = 3.47933107596021167570e-05;
    private static final double QS1 = -2.40339491173441421878e+00;
    private static final double QS2 = 2.02094576023350569471e+00;
    private static final double QS3 = -6.88283971605453293030e-01;
    private static final double QS4 = 7.70381505559019352791e-02;

    private Arccos() {
    }

    /**
     * Returns arccos(x) in [0, π].
     *
     * @param x the cosine, in [−1, 1]
     * @return the angle in radians; NaN if |x| &gt; 1 or x is NaN
     */
    public static double acos(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x3ff00000) {
            // |x| >= 1 (or NaN)
            if (((ix - 0x3ff00000) | (int) bits) == 0) {
                return hx > 0 ? 0.0 : PI + 2.0 * PIO2_LO;
            }
            return Double.NaN;
        }
        if (ix < 0x3fe00000) {
            // |x| < 0.5
            if (ix <= 0x3c600000) {
                // |x| <= 2^-57
                return PIO2_HI + PIO2_LO;
            }
            double z = x * x;
            double r = ratio(z);
            return PIO2_HI - (x - (PIO2_LO - x * r));
        }
        if (hx < 0) {
            // x <= -0.5
            double z = (1.0 + x) * 0.5;
            double r = ratio(z);
            double s = Math.sqrt(z);
            double w = r * s - PIO2_LO;
            return PI - 2.0 * (s + w);
        }
        // x >= 0.5
        double z = (1.0 - x) * 0.5;
        double s = Math.sqrt(z);
        double df = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & 0xffffffff00000000L);
        double c = (z - df * df) / (s + df);
        double r = ratio(z);
        double w = r * s + c;
        return 2.0 * (df + w);
    }

    /**
     * Returns arccos(1 − gap) without rounding 1 − gap: for gap &lt; 1/2 the reduction
     * acos(x) = 2·asin(√((1 − x)/2)) is fed (1 − x)/2 = gap/2 exactly, so the angle keeps full
     * relative accuracy as gap → 0 (where acos(fl(1 − gap)) would lose it).
     *
     * @param gap 1 − x, in [0, 2]
     * @return arccos(1 − gap) in [0, π]
     */
    static double acosOfOneMinus(double gap) {
        if (!(gap < 0.5)) {
            return acos(1.0 - gap); // exact subtraction for gap in [0.5, 2] (Sterbenz)
        }
        if (!(gap > 0)) {
            return gap == 0 ? 0.0 : Double.NaN;
        }
        double z = gap * 0.5;
        double s = Math.sqrt(z);
        double df = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & 0xffffffff00000000L);
        double c = (z - df * df) / (s + df);
        double r = ratio(z);
        double w = r * s + c;
        return 2.0 * (df + w);
    }

    /** R(z) = p(z)/q(z), fdlibm's minimax approximation with asin(s) = s + s·z·R(z), z = s², on s² ≤ 1/4. */
    private static double ratio(double z) {
        double p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
        double q = 1.0 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
        return p / q;
    }
}
