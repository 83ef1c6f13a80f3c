package org.ntk.spectral.density;

import org.ntk.core.validation.Validate;

/**
 * The Marchenko–Pastur law with ratio λ and variance σ²: the limiting eigenvalue distribution of
 * S = (1/d) Wᵀ W ∈ R^{p×p} for W ∈ R^{d×p} with i.i.d. entries of variance σ², as p/d → λ.
 *
 * <pre>
 * atom (1 − 1/λ)_+ at 0,   density √((b − x)(x − a)) / (2π λ σ² x)  on [a, b],
 * a = σ²(1 − √λ)²,  b = σ²(1 + √λ)²,   mean σ²
 * </pre>
 *
 * <p>The continuous part has mass min(1, 1/λ). Its distribution function is in closed form: with
 * x = σ²(m + r cos θ), m = 1 + λ, r = 2√λ, the mass of [a, x] is (1/(2πλ))[m(π − θ) + r sin θ −
 * |1 − λ|(π − 2 arctan(|1 − √λ|/(1 + √λ) · tan(θ/2)))]; quantiles invert it by bisection in θ. The
 * mass is accurate to about 1e−16 absolutely; since it grows like (x − a)^{3/2} at the edges, quantiles
 * within about 1e−10 of an edge are correspondingly less accurate (a property of the law, not of the
 * method). In MATH.md §8.3 the law L of the non-zero eigenvalues of WᵀW/d, density
 * √((b−x)(x−a))/(2π min(γ2, 1) x), is {@link #nonZeroQuantile} of {@code MarchenkoPastur.of(γ2)}.
 *
 * <p>Immutable and thread-safe; every method is O(1) except quantiles (O(60) evaluations).
 */
public final class MarchenkoPastur {

    private final double ratio;
    private final double variance;
    private final double m;
    private final double r;

    private MarchenkoPastur(double ratio, double variance) {
        this.ratio = ratio;
        this.variance = variance;
        this.m = 1 + ratio;
        this.r = 2 * Math.sqrt(ratio);
    }

    /**
     * The law with ratio λ and variance 1.
     *
     * @param ratio λ, finite and &gt; 0
     * @throws IllegalArgumentException if ratio is not finite and &gt; 0
     */
    public static MarchenkoPastur of(double ratio) {
        return of(ratio, 1.0);
    }

    /**
     * The law with ratio λ and variance σ².
     *
     * @param ratio λ, finite and &gt; 0
     * @param variance σ², finite and &gt; 0
     * @throws IllegalArgumentException if an argument is not finite and &gt; 0
     */
    public static MarchenkoPastur of(double ratio, double variance) {
        Validate.positive(ratio, "ratio");
        Validate.positive(variance, "variance");
        return new MarchenkoPastur(ratio, variance);
    }

    /** λ. */
    public double ratio() {
        return ratio;
    }

    /** σ². */
    public double variance() {
        return variance;
    }

    /** The mass (1 − 1/λ)_+ of the atom at 0. */
    public double atom() {
        return Math.max(0.0, 1 - 1 / ratio);
    }

    /** a = σ²(1 − √λ)², the left edge of the continuous part. */
    public double lowerEdge() {
        double s = 1 - Math.sqrt(ratio);
        return variance * s * s;
    }

    /** b = σ²(1 + √λ)², the right edge. */
    public double upperEdge() {
        double s = 1 + Math.sqrt(ratio);
        return variance * s * s;
    }

    /** The mean, σ². */
    public double mean() {
        return variance;
    }

    /**
     * The density of the continuous part at x (0 outside (a, b)); it integrates to 1 − atom.
     *
     * @param x any real
     * @throws IllegalArgumentException if x is NaN
     */
    public double density(double x) {
        requireNumber(x);
        double a = lowerEdge();
        double b = upperEdge();
        if (!(x > a && x < b)) {
            return 0.0;
        }
        return Math.sqrt((b - x) * (x - a)) / (2 * Math.PI * ratio * variance * x);
    }

    /**
     * The distribution function P(X ≤ x), including the atom at 0.
     *
     * @param x any real
     * @throws IllegalArgumentException if x is NaN
     */
    public double cdf(double x) {
        requireNumber(x);
        if (x < 0) {
            return 0.0;
        }
        return atom() + continuousMass(x);
    }

    /**
     * The u-quantile inf{x : P(X ≤ x) ≥ u} of the whole law (0 for u ≤ atom).
     *
     * @param u in [0, 1]
     * @throws IllegalArgumentException if u is outside [0, 1]
     */
    public double quantile(double u) {
        checkProbability(u);
        double atom = atom();
        if (u <= atom) {
            return 0.0;
        }
        return nonZeroQuantile((u - atom) / (1 - atom));
    }

    /**
     * The u-quantile of the continuous part normalised to mass 1 (the law L of the non-zero eigenvalues,
     * MATH.md §8.3).
     *
     * @param u in [0, 1]
     * @throws IllegalArgumentException if u is outside [0, 1]
     */
    public double nonZeroQuantile(double u) {
        checkProbability(u);
        if (u == 0) {
            return lowerEdge();
        }
        if (u == 1) {
            return upperEdge();
        }
        double total = thetaMass(0.0);
        double target = u * total;
        // thetaMass decreases from total (θ = 0, x = b) to 0 (θ = π, x = a).
        double lo = 0.0;
        double hi = Math.PI;
        for (int it = 0; it < 200 && hi - lo > 1e-17; it++) {
            double mid = 0.5 * (lo + hi);
            if (thetaMass(mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double theta = 0.5 * (lo + hi);
        return Math.max(lowerEdge(), Math.min(upperEdge(), variance * (m + r * Math.cos(theta))));
    }

    /**
     * n quantiles of the non-zero law at the midpoints (k − 1/2)/n, k = 1..n, ascending: an equal-weight
     * discretisation of L (MATH.md §8.4 step 2).
     *
     * @param n the number of points, ≥ 1
     * @throws IllegalArgumentException if n &lt; 1
     */
    public double[] nonZeroQuantileGrid(int n) {
        Validate.positive(n, "n");
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            q[k] = nonZeroQuantile((k + 0.5) / n);
        }
        return q;
    }

    /** Mass of the continuous part on [a, x]. */
    private double continuousMass(double x) {
        double a = lowerEdge();
        double b = upperEdge();
        if (x <= a) {
            return 0.0;
        }
        if (x >= b) {
            return Math.min(1.0, 1 / ratio);
        }
        double c = Math.max(-1.0, Math.min(1.0, (x / variance - m) / r));
        return thetaMass(Math.acos(c));
    }

    /** (1/(2πλ)) [m(π − θ) + r sin θ − |1−λ|(π − 2 atan(k tan(θ/2)))]: mass of [a, σ²(m + r cos θ)]. */
    private double thetaMass(double theta) {
        double sq = Math.sqrt(ratio);
        double k = Math.abs(1 - sq) / (1 + sq);
        double atan = theta >= Math.PI ? Math.PI / 2 : Math.atan(k * Math.tan(theta / 2));
        double g = m * (Math.PI - theta) + r * Math.sin(theta) - Math.abs(1 - ratio) * (Math.PI - 2 * atan);
        return Math.max(0.0, g / (2 * Math.PI * ratio));
    }

    private static void checkProbability(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException("u must be in [0, 1], got " + u);
        }
    }

    @Override
    public String toString() {
        return "MarchenkoPastur[ratio=" + ratio + ", variance=" + variance + "]";
    }

    private static void requireNumber(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x must be a number, got NaN");
        }
    }
}
