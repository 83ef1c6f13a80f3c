package org.ntk.bench.report;

import java.util.Objects;

/**
 * A histogram normalised as a probability density: equal-width bins on [lo, hi), each bin's value
 * the fraction of the sample in it divided by the bin width, so the bars integrate to the share of
 * the sample inside [lo, hi).
 *
 * <p>Values outside [lo, hi) are counted in {@link #outside()} only (the last bin includes
 * {@code hi} itself). Immutable; arrays returned are fresh copies. Cost O(n + bins).
 */
public final class Histogram {

    private final double lo;
    private final double hi;
    private final long[] counts;
    private final int count;
    private final int outside;

    private Histogram(double lo, double hi, long[] counts, int count, int outside) {
        this.lo = lo;
        this.hi = hi;
        this.counts = counts;
        this.count = count;
        this.outside = outside;
    }

    /**
     * Bins {@code values} into {@code bins} equal bins on [lo, hi].
     *
     * @param values the sample, finite, at least one value; not modified
     * @param bins the number of bins, ≥ 1
     * @param lo the left edge, finite
     * @param hi the right edge, finite and &gt; lo
     */
    public static Histogram of(double[] values, int bins, double lo, double hi) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("values must be non-empty, got length 0");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (!Double.isFinite(lo)) {
            throw new IllegalArgumentException("lo must be finite, got " + lo);
        }
        if (!(hi > lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("hi must be finite and > lo = " + lo + ", got " + hi);
        }
        long[] c = new long[bins];
        int out = 0;
        double w = (hi - lo) / bins;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values[" + i + "] must be finite, got " + v);
            }
            if (v < lo || v > hi) {
                out++;
                continue;
            }
            int b = (int) ((v - lo) / w);
            c[Math.min(b, bins - 1)]++;
        }
        return new Histogram(lo, hi, c, values.length, out);
    }

    /** Bins the sample over its own range [min, max]. */
    public static Histogram of(double[] values, int bins) {
        Objects.requireNonNull(values, "values");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values[" + i + "] must be finite, got " + v);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length > 0 && !(max > min)) {
            max = min + 1;
        }
        return of(values, bins, min, max);
    }

    /** The number of bins. */
    public int bins() {
        return counts.length;
    }

    /** The sample size n (including values outside the range). */
    public int count() {
        return count;
    }

    /** The number of values outside [lo, hi]. */
    public int outside() {
        return outside;
    }

    /** The bin width (hi − lo)/bins. */
    public double binWidth() {
        return (hi - lo) / counts.length;
    }

    /** The bin centres lo + (i + 1/2)·width. */
    public double[] centres() {
        double[] r = new double[counts.length];
        double w = binWidth();
        for (int i = 0; i < r.length; i++) {
            r[i] = lo + (i + 0.5) * w;
        }
        return r;
    }

    /** The raw counts per bin. */
    public long[] counts() {
        return counts.clone();
    }

    /** The densities count_i / (n · width). */
    public double[] densities() {
        double[] r = new double[counts.length];
        double w = binWidth();
        for (int i = 0; i < r.length; i++) {
            r[i] = counts[i] / (count * w);
        }
        return r;
    }
}
