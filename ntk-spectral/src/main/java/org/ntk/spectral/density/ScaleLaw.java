package org.ntk.spectral.density;

import java.util.Objects;
import java.util.SplittableRandom;

import org.ntk.core.validation.Validate;

/**
 * The law ν of the output-layer scales D_1..D_p of the Benigni–Paquette model (MATH.md §8.1): either
 * the identity (every D_k = 1) or the uniform law on [A, B].
 *
 * <p>Only E[D²] enters the outlier location and the mean of H; the whole law enters H through the
 * surrogate matrix of MATH.md §8.3. The command-line spelling is {@code identity} or
 * {@code uniform:A:B}; {@link #toString()} returns it and {@link #parse} reads it. Immutable.
 */
public final class ScaleLaw {

    private static final ScaleLaw IDENTITY = new ScaleLaw(true, 1, 1);

    private final boolean identity;
    private final double lower;
    private final double upper;

    private ScaleLaw(boolean identity, double lower, double upper) {
        this.identity = identity;
        this.lower = lower;
        this.upper = upper;
    }

    /** D = I. */
    public static ScaleLaw identity() {
        return IDENTITY;
    }

    /**
     * D_k i.i.d. uniform on [a, b].
     *
     * @param a the lower end, finite
     * @param b the upper end, finite, &gt; a
     * @throws IllegalArgumentException if an end is not finite or b ≤ a
     */
    public static ScaleLaw uniform(double a, double b) {
        Validate.finite(a, "a");
        Validate.finite(b, "b");
        if (!(b > a)) {
            throw new IllegalArgumentException("b must be > a = " + a + ", got " + b);
        }
        return new ScaleLaw(false, a, b);
    }

    /**
     * Reads {@code identity} or {@code uniform:A:B} (case-insensitive keyword).
     *
     * @param spec the text
     * @throws IllegalArgumentException if the text is neither form, or A, B are not numbers with B &gt; A
     */
    public static ScaleLaw parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.trim();
        if (s.equalsIgnoreCase("identity")) {
            return IDENTITY;
        }
        String[] parts = s.split(":", -1);
        if (parts.length == 3 && parts[0].equalsIgnoreCase("uniform")) {
            double a;
            double b;
            try {
                a = Double.parseDouble(parts[1]);
                b = Double.parseDouble(parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scales must be identity or uniform:A:B with numbers A < B, got "
                        + spec, e);
            }
            if (!(Double.isFinite(a) && Double.isFinite(b) && b > a)) {
                throw new IllegalArgumentException("scales must be identity or uniform:A:B with finite A < B, got "
                        + spec);
            }
            return new ScaleLaw(false, a, b);
        }
        throw new IllegalArgumentException("scales must be identity or uniform:A:B, got " + spec);
    }

    /** Whether every D_k is 1. */
    public boolean isIdentity() {
        return identity;
    }

    /** E[D²]: 1 for the identity, (A² + AB + B²)/3 for uniform[A, B]. */
    public double secondMoment() {
        return identity ? 1.0 : (lower * lower + lower * upper + upper * upper) / 3;
    }

    /**
     * Draws p scales.
     *
     * @param p the number, ≥ 1
     * @param random the generator; advanced by p draws for the uniform law, untouched for the identity
     * @return a fresh array of length p
     * @throws IllegalArgumentException if p &lt; 1
     */
    public double[] sample(int p, SplittableRandom random) {
        Validate.positive(p, "p");
        Objects.requireNonNull(random, "random");
        double[] d = new double[p];
        for (int k = 0; k < p; k++) {
            d[k] = identity ? 1.0 : lower + (upper - lower) * random.nextDouble();
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScaleLaw s && s.identity == identity && s.lower == lower && s.upper == upper;
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, lower, upper);
    }

    /** {@code identity} or {@code uniform:A:B}. */
    @Override
    public String toString() {
        return identity ? "identity" : "uniform:" + lower + ":" + upper;
    }
}
