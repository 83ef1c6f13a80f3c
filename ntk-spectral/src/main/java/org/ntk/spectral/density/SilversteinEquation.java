package org.ntk.spectral.density;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.math3.complex.Complex;
import org.ntk.core.validation.Validate;
import org.ntk.spectral.ConvergenceException;

/**
 * The limiting spectral law μ of an n×n matrix (1/N) Zᵀ Σ Z with n/N → γ1 and population law H of Σ,
 * from its Stieltjes transform m(z) = ∫ dμ(λ)/(λ − z), the unique solution with Im m &gt; 0 of the
 * Silverstein equation (MATH.md §8.4)
 *
 * <pre>
 * z = −1/m + ∫ t dH(t) / (1 + γ1 t m),     Im z &gt; 0
 * </pre>
 *
 * <p>Equivalently μ = (1/γ1)(H ⊠ π_{γ1}) + (1 − 1/γ1)δ_0 (free multiplicative convolution with the free
 * Poisson law); with H = δ_1 it is the Marchenko–Pastur law of ratio γ1. Its mean is ∫t dH and its
 * second moment γ1 ∫t² dH + (∫t dH)².
 *
 * <p>Algorithm (MATH.md §8.4, step 3): at z = x + iη, the damped fixed point m ← m/2 + 1/(2(−z + Σ_i
 * w_i t_i/(1 + γ1 t_i m))) (which maps the upper half-plane into itself) runs until |Δm| ≤ 1e−6|m| or
 * {@value #FIXED_POINT_STEPS} steps, then Newton on F(m) = z + 1/m − Σ w_i t_i/(1 + γ1 t_i m) with
 * F'(m) = −1/m² + Σ w_i γ1 t_i²/(1 + γ1 t_i m)² polishes it to |step| ≤ 1e−15|m|, rejecting any step
 * that leaves Im m &gt; 0 (the solution in the upper half-plane is unique, so Newton cannot land on
 * another root there). If the relative residual |F|/(|z| + |1/m|) is then above 1e−10, the fixed point
 * of MATH.md runs to |Δm| ≤ 1e−12|m| (at most {@value #LONG_FIXED_POINT_STEPS} steps) and a second polish
 * follows; failing that, a {@link ConvergenceException} carries the steps and the residual. On a grid the points are solved from the right (largest x, where m ≈ −1/z is
 * an excellent start) leftwards, each starting from its neighbour's solution (continuation).
 *
 * <p>Edges of the support, from the real inverse function z(m) = −1/m + ∫t dH/(1 + γ1 t m) (Silverstein
 * and Choi 1995): the right edge is min z on (−1/(γ1 t_max), 0), where z is convex (bisection on z' = 0);
 * the left edge of the non-zero part is max z on (−∞, −1/(γ1 t_min)) when there is an atom at 0, or on
 * (0, ∞) when there is none (logarithmic scan, then golden section), or 0 when the law touches 0.
 * Atoms of H at exactly 0 are allowed: they enlarge the atom of μ at 0 to (1 − (1 − H{0})/γ1)_+.
 *
 * <p>Cost: O(atoms) per fixed-point or Newton step; a grid of G points typically takes 20–200 steps per
 * point. Immutable and thread-safe.
 */
public final class SilversteinEquation {

    /** Fixed-point steps before the Newton polish. */
    static final int FIXED_POINT_STEPS = 200;
    /** Fixed-point steps of the fallback when the polish fails. */
    static final int LONG_FIXED_POINT_STEPS = 200_000;

    /** Relative step of the first fixed-point phase at which Newton takes over. */
    private static final double HANDOVER_TOLERANCE = 1e-6;
    private static final double FIXED_POINT_TOLERANCE = 1e-12;
    private static final double RESIDUAL_TOLERANCE = 1e-10;

    private final DiscreteSpectralMeasure populationLaw;
    private final double gamma1;
    /** Positive atoms of H and their weights (normalised so that all of H sums to 1). */
    private final double[] t;
    private final double[] w;
    private final double zeroMass;
    private final double atom;
    private final double lowerEdge;
    private final double upperEdge;

    /**
     * Sets up the equation and computes the edges of the support.
     *
     * @param populationLaw H, a discrete measure with non-negative nodes, at least one positive, and total
     *     weight 1 (within 1e−9; renormalised exactly)
     * @param gamma1 γ1 = lim n/N, finite and &gt; 0
     * @throws IllegalArgumentException if a node is negative, every node is 0, the total weight is not 1,
     *     or gamma1 is not finite and &gt; 0
     */
    public SilversteinEquation(DiscreteSpectralMeasure populationLaw, double gamma1) {
        Objects.requireNonNull(populationLaw, "populationLaw");
        Validate.positive(gamma1, "gamma1");
        double[] nodes = populationLaw.nodes();
        double[] weights = populationLaw.weights();
        double total = populationLaw.totalWeight();
        if (!(Math.abs(total - 1) <= 1e-9)) {
            throw new IllegalArgumentException("populationLaw must have total weight 1, got " + total);
        }
        int positive = 0;
        double zero = 0;
        for (int i = 0; i < nodes.length; i++) {
            if (!(nodes[i] >= 0)) {
                throw new IllegalArgumentException("populationLaw nodes must be >= 0, got nodes[" + i + "] = "
                        + nodes[i]);
            }
            if (nodes[i] > 0) {
                positive++;
            } else {
                zero += weights[i] / total;
            }
        }
        if (positive == 0) {
            throw new IllegalArgumentException("populationLaw must have a positive node, got only zeros");
        }
        this.populationLaw = populationLaw;
        this.gamma1 = gamma1;
        this.t = new double[positive];
        this.w = new double[positive];
        int at = 0;
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] > 0) {
                t[at] = nodes[i];
                w[at] = weights[i] / total;
                at++;
            }
        }
        this.zeroMass = zero;
        double rank = (1 - zero) / gamma1;
        this.atom = Math.max(0.0, 1 - rank);
        this.upperEdge = computeUpperEdge();
        this.lowerEdge = computeLowerEdge(rank);
    }

    /** H. */
    public DiscreteSpectralMeasure populationLaw() {
        return populationLaw;
    }

    /** γ1. */
    public double gamma1() {
        return gamma1;
    }

    /** The mass of μ at 0: (1 − (1 − H{0})/γ1)_+, which is (1 − 1/γ1)_+ when H has no atom at 0. */
    public double atom() {
        return atom;
    }

    /** The left edge of the non-zero part of the support (0 when it touches 0). */
    public double lowerEdge() {
        return lowerEdge;
    }

    /** The right edge of the support. */
    public double upperEdge() {
        return upperEdge;
    }

    /** ∫ λ dμ = ∫ t dH. */
    public double mean() {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += w[i] * t[i];
        }
        return s;
    }

    /**
     * m(x + iη), solved from the start −1/z.
     *
     * @param x the real part
     * @param eta η, finite and &gt; 0
     * @throws IllegalArgumentException if x is not finite or eta is not finite and &gt; 0
     * @throws ConvergenceException if the iteration does not converge (see the class comment)
     */
    public Complex stieltjes(double x, double eta) {
        Validate.finite(x, "x");
        Validate.positive(eta, "eta");
        double den = x * x + eta * eta;
        double[] m = {-x / den, eta / den};
        solve(x, eta, m);
        return new Complex(m[0], m[1]);
    }

    /**
     * The η-smoothed density of the absolutely continuous part of μ on a grid: Im m(x + iη)/π minus the
     * atom's Cauchy kernel atom·η/(π(x² + η²)). It is the density of the continuous part convolved with
     * the Cauchy kernel of width η, so over the whole line it integrates to 1 − atom; as η → 0 it tends to
     * the density itself.
     *
     * @param grid the points x, finite, any order. Not modified.
     * @param eta η, finite and &gt; 0
     * @return a fresh array, one value per grid point
     * @throws IllegalArgumentException if the grid is empty or not finite, or eta is not finite and &gt; 0
     * @throws ConvergenceException if the iteration does not converge at some point
     */
    public double[] density(double[] grid, double eta) {
        double[] im = stieltjesImaginary(grid, eta);
        double[] out = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double x = grid[g];
            out[g] = im[g] / Math.PI - atom * eta / (Math.PI * (x * x + eta * eta));
        }
        return out;
    }

    /**
     * Im m(x + iη) at every grid point, solved by continuation from the largest x down.
     *
     * @param grid the points x, finite, any order. Not modified.
     * @param eta η, finite and &gt; 0
     * @return a fresh array, one value per grid point
     * @throws IllegalArgumentException if the grid is empty or not finite, or eta is not finite and &gt; 0
     * @throws ConvergenceException if the iteration does not converge at some point
     */
    public double[] stieltjesImaginary(double[] grid, double eta) {
        Validate.finiteVector(grid, "grid");
        Validate.positive(eta, "eta");
        Integer[] order = new Integer[grid.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(grid[b], grid[a]));
        double[] out = new double[grid.length];
        double[] m = null;
        for (int idx : order) {
            double x = grid[idx];
            if (m == null) {
                double den = x * x + eta * eta;
                m = new double[] {-x / den, eta / den};
            }
            solve(x, eta, m);
            out[idx] = m[1];
        }
        return out;
    }

    /** Solves at z = x + iη from the start in m (overwritten with the solution). */
    private void solve(double x, double eta, double[] m) {
        double[] s = new double[4];
        fixedPoint(x, eta, m, s, FIXED_POINT_STEPS, HANDOVER_TOLERANCE);
        newton(x, eta, m, s);
        double res = residual(x, eta, m, s);
        if (res > RESIDUAL_TOLERANCE) {
            int steps = fixedPoint(x, eta, m, s, LONG_FIXED_POINT_STEPS, FIXED_POINT_TOLERANCE);
            newton(x, eta, m, s);
            res = residual(x, eta, m, s);
            if (res > RESIDUAL_TOLERANCE) {
                throw new ConvergenceException("Silverstein equation did not converge at z = " + x + " + i" + eta
                        + " after " + (FIXED_POINT_STEPS + steps) + " fixed-point steps: relative residual " + res
                        + "; use a larger eta", FIXED_POINT_STEPS + steps, res);
            }
        }
    }

    /** Damped fixed point; returns the steps taken. */
    private int fixedPoint(double x, double eta, double[] m, double[] s, int maxSteps, double tolerance) {
        double mr = m[0];
        double mi = m[1];
        int it = 0;
        while (it < maxSteps) {
            it++;
            evaluate(mr, mi, s);
            double ar = s[0] - x;
            double ai = s[1] - eta;
            double den = ar * ar + ai * ai;
            double nr = 0.5 * mr + 0.5 * ar / den;
            double ni = 0.5 * mi - 0.5 * ai / den;
            double diff = Math.hypot(nr - mr, ni - mi);
            mr = nr;
            mi = ni;
            if (diff <= tolerance * Math.hypot(mr, mi)) {
                break;
            }
        }
        m[0] = mr;
        m[1] = mi;
        return it;
    }

    private void newton(double x, double eta, double[] m, double[] s) {
        double mr = m[0];
        double mi = m[1];
        for (int it = 0; it < 50; it++) {
            evaluate(mr, mi, s);
            double mm = mr * mr + mi * mi;
            // 1/m and 1/m²
            double ir = mr / mm;
            double ii = -mi / mm;
            double i2r = ir * ir - ii * ii;
            double i2i = 2 * ir * ii;
            double fr = x + ir - s[0];
            double fi = eta + ii - s[1];
            double dr = -i2r + s[2];
            double di = -i2i + s[3];
            double dd = dr * dr + di * di;
            double stepR = (fr * dr + fi * di) / dd;
            double stepI = (fi * dr - fr * di) / dd;
            double nr = mr - stepR;
            double ni = mi - stepI;
            if (!(ni > 0) || !Double.isFinite(nr)) {
                break;
            }
            mr = nr;
            mi = ni;
            if (Math.hypot(stepR, stepI) <= 1e-15 * Math.hypot(mr, mi)) {
                break;
            }
        }
        m[0] = mr;
        m[1] = mi;
    }

    private double residual(double x, double eta, double[] m, double[] s) {
        double mr = m[0];
        double mi = m[1];
        if (!(mi > 0) || !Double.isFinite(mr)) {
            return Double.POSITIVE_INFINITY;
        }
        evaluate(mr, mi, s);
        double mm = mr * mr + mi * mi;
        double ir = mr / mm;
        double ii = -mi / mm;
        double fr = x + ir - s[0];
        double fi = eta + ii - s[1];
        return Math.hypot(fr, fi) / (Math.hypot(x, eta) + Math.hypot(ir, ii));
    }

    /** s[0..1] = Σ w t/(1 + γ1 t m), s[2..3] = Σ w γ1 t²/(1 + γ1 t m)². */
    private void evaluate(double mr, double mi, double[] s) {
        double sr = 0;
        double si = 0;
        double qr = 0;
        double qi = 0;
        double g = gamma1;
        for (int k = 0; k < t.length; k++) {
            double tk = t[k];
            double gt = g * tk;
            double dr = 1 + gt * mr;
            double di = gt * mi;
            double inv = 1 / (dr * dr + di * di);
            // 1/D = (dr − i di)·inv
            double ur = dr * inv;
            double ui = -di * inv;
            double wt = w[k] * tk;
            sr += wt * ur;
            si += wt * ui;
            // 1/D² = (ur + i ui)²
            double vr = ur * ur - ui * ui;
            double vi = 2 * ur * ui;
            double c = wt * gt;
            qr += c * vr;
            qi += c * vi;
        }
        s[0] = sr;
        s[1] = si;
        s[2] = qr;
        s[3] = qi;
    }

    /** z(m) on the real line. */
    private double zReal(double m) {
        double s = -1 / m;
        for (int k = 0; k < t.length; k++) {
            s += w[k] * t[k] / (1 + gamma1 * t[k] * m);
        }
        return s;
    }

    /** z'(m) on the real line. */
    private double zPrime(double m) {
        double s = 1 / (m * m);
        for (int k = 0; k < t.length; k++) {
            double den = 1 + gamma1 * t[k] * m;
            s -= gamma1 * w[k] * t[k] * t[k] / (den * den);
        }
        return s;
    }

    private double computeUpperEdge() {
        double tMax = 0;
        for (double tk : t) {
            tMax = Math.max(tMax, tk);
        }
        double lo = -1 / (gamma1 * tMax);
        double hi = 0;
        for (int it = 0; it < 300; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (zPrime(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return zReal(0.5 * (lo + hi));
    }

    private double computeLowerEdge(double rank) {
        if (rank == 1) {
            return 0.0;
        }
        double tMin = Double.POSITIVE_INFINITY;
        for (double tk : t) {
            tMin = Math.min(tMin, tk);
        }
        // m = base + sign·e^u over u in [uLo, uHi]
        double base;
        double sign;
        double scale;
        if (rank < 1) {
            base = -1 / (gamma1 * tMin);
            sign = -1;
            scale = Math.abs(base);
        } else {
            base = 0;
            sign = 1;
            scale = 1 / (gamma1 * mean());
        }
        double uLo = Math.log(scale) - 14 * Math.log(10);
        double uHi = Math.log(scale) + 14 * Math.log(10);
        int points = 700;
        double best = Double.NEGATIVE_INFINITY;
        int bestK = 0;
        for (int k = 0; k <= points; k++) {
            double u = uLo + (uHi - uLo) * k / points;
            double z = zReal(base + sign * Math.exp(u));
            if (z > best) {
                best = z;
                bestK = k;
            }
        }
        double a = uLo + (uHi - uLo) * Math.max(0, bestK - 1) / points;
        double b = uLo + (uHi - uLo) * Math.min(points, bestK + 1) / points;
        double phi = (Math.sqrt(5) - 1) / 2;
        double c = b - phi * (b - a);
        double d = a + phi * (b - a);
        double fc = zReal(base + sign * Math.exp(c));
        double fd = zReal(base + sign * Math.exp(d));
        for (int it = 0; it < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a)); it++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - phi * (b - a);
                fc = zReal(base + sign * Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + phi * (b - a);
                fd = zReal(base + sign * Math.exp(d));
            }
        }
        best = Math.max(best, Math.max(fc, fd));
        return Math.max(0.0, best);
    }

    @Override
    public String toString() {
        return "SilversteinEquation[gamma1=" + gamma1 + ", atoms=" + (t.length + (zeroMass > 0 ? 1 : 0))
                + ", edges=[" + lowerEdge + ", " + upperEdge + "]]";
    }
}
