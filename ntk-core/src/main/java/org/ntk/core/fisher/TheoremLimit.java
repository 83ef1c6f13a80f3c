package org.ntk.core.fisher;

import java.util.Objects;

import org.ntk.core.mercer.Sphere;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.validation.Validate;

/**
 * One vector family of seed 002's theorems and the function its network output becomes
 * (MATH.md §4): for the unit vector u ∝ (h(w_j))_j,
 *
 * <pre>
 *   g_u(x)/√m = φ(Wᵀx)·u/√m  →  E_w[h(w) φ(w·x)] / √(E_w[h(w)²])      (m → ∞, d fixed)
 * </pre>
 *
 * with fluctuations O(m^{−1/2}); the squared L²(N(0, I_d)) norm of the limit is the J-eigenvalue
 * divided by m. The limits are c·F(x) with the constants c of MATH.md §9.4 for
 * {@link WeightScale#FAN_IN} (VAR-1/d) and √d times them for {@link WeightScale#STANDARD} (VAR-1);
 * see {@link LimitFamily} for each family's h and F. Create instances with {@link TheoremLimits}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TheoremLimit {

    private final LimitFamily family;
    private final int d;
    private final WeightScale scale;
    private final int a;
    private final int b;
    private final double constant;

    TheoremLimit(LimitFamily family, int d, WeightScale scale, int a, int b) {
        this.family = family;
        this.d = d;
        this.scale = scale;
        this.a = a;
        this.b = b;
        this.constant = fanInConstant(family, d) * (scale == WeightScale.STANDARD ? Math.sqrt(d) : 1);
    }

    /** The §9.4 constant for VAR-1/d (without the √d of VAR-1). */
    static double fanInConstant(LimitFamily family, int d) {
        double c = Sphere.reluMean(d);
        double root = Math.sqrt((double) d * (d + 2.0));
        switch (family) {
            case UNIFORM:
            case PRODUCT:
                return 1 / Math.sqrt(2 * Math.PI * d);
            case RADIAL:
                return c;
            case ROW:
                return 1 / (2 * Math.sqrt(d));
            case NORMALISED_PRODUCT:
                return root * c / (d + 1);
            case DIFFERENCE:
                return 1 / (2 * Math.sqrt(2 * Math.PI * d));
            case NORMALISED_DIFFERENCE:
                return root * c / (2 * (d + 1.0));
            default: // CENTRED_SQUARE
                double beta2d3 = (d + 1.0) * (d + 1.0) / (2 * Math.PI * c * c * d * d);
                return 1 / Math.sqrt(2 * Math.PI * (3.0 * d - beta2d3));
        }
    }

    /** The family. */
    public LimitFamily family() {
        return family;
    }

    /** The input dimension d. */
    public int dimension() {
        return d;
    }

    /** The weight scale the limit is for. */
    public WeightScale scale() {
        return scale;
    }

    /** The first coordinate (0-based), or −1 for UNIFORM and RADIAL. */
    public int first() {
        return a;
    }

    /** The second coordinate (0-based), or −1 where the family has none. */
    public int second() {
        return b;
    }

    /**
     * The constant c with limit(x) = c·F(x) (MATH.md §9.4 for VAR-1/d; √d times it for VAR-1), F the
     * family's function of x: ‖x‖, x_a, x_a x_b/‖x‖, (x_a² − x_b²)/‖x‖, or x_a²/‖x‖ − ‖x‖/d.
     */
    public double constant() {
        return constant;
    }

    /** A short name, e.g. {@code G3'[0,1]} or {@code u1}. */
    public String name() {
        switch (family) {
            case UNIFORM:
                return "uniform";
            case RADIAL:
                return "u1";
            case ROW:
                return "G2[" + a + "]";
            case PRODUCT:
                return "G3[" + a + "," + b + "]";
            case NORMALISED_PRODUCT:
                return "G3exact[" + a + "," + b + "]";
            case DIFFERENCE:
                return "G3'[" + a + "," + b + "]";
            case NORMALISED_DIFFERENCE:
                return "G3'exact[" + a + "," + b + "]";
            default:
                return "s[" + a + "]";
        }
    }

    /**
     * Returns h(w), the unnormalised weight function (for CENTRED_SQUARE the population
     * β = E‖w‖³/d of this limit's scale is used; {@link #vector} uses the sample projection instead).
     *
     * @param w a weight vector of dimension d. Not modified.
     * @throws IllegalArgumentException if w has the wrong length or a non-finite entry
     */
    public double weight(double[] w) {
        Validate.finiteVector(w, "w");
        if (w.length != d) {
            throw new IllegalArgumentException("w has dimension " + w.length + ", expected " + d);
        }
        double r = 0;
        for (double v : w) {
            r += v * v;
        }
        r = Math.sqrt(r);
        if (family == LimitFamily.CENTRED_SQUARE) {
            double sigma = Math.sqrt(scale.variance(d));
            double beta = Sphere.chiMoment(d, 3) * sigma * sigma * sigma / d;
            return w[a] * w[a] - beta * r;
        }
        return rawWeight(w, 0, r);
    }

    private double rawWeight(double[] w, int off, double r) {
        double inv = r > 0 ? 1 / r : 0;
        switch (family) {
            case UNIFORM:
                return 1;
            case RADIAL:
                return r;
            case ROW:
                return w[off + a];
            case PRODUCT:
                return w[off + a] * w[off + b];
            case NORMALISED_PRODUCT:
                return w[off + a] * w[off + b] * inv;
            case DIFFERENCE:
                return w[off + a] * w[off + a] - w[off + b] * w[off + b];
            case NORMALISED_DIFFERENCE:
                return (w[off + a] * w[off + a] - w[off + b] * w[off + b]) * inv;
            default: // CENTRED_SQUARE before centring
                return w[off + a] * w[off + a];
        }
    }

    /**
     * Returns the unit vector u ∝ (h(w_j))_j for the hidden weights of {@code net}. For
     * CENTRED_SQUARE, h = w_a² − β̂‖w‖ with β̂ = Σ_j w_ja²‖w_j‖ / Σ_j ‖w_j‖² (the u1 component
     * removed exactly). Cost O(m·d).
     *
     * @throws NullPointerException if net is null
     * @throws IllegalArgumentException if the network's input dimension is not d, or the vector is 0
     */
    public double[] vector(ReluNetwork net) {
        Objects.requireNonNull(net, "net");
        if (net.inputDimension() != d) {
            throw new IllegalArgumentException("net has input dimension " + net.inputDimension() + ", expected " + d);
        }
        double[][] w = net.hiddenWeights();
        int m = w.length;
        double[] u = new double[m];
        double[] norms = new double[m];
        for (int j = 0; j < m; j++) {
            double r = 0;
            for (double v : w[j]) {
                r += v * v;
            }
            norms[j] = Math.sqrt(r);
            u[j] = rawWeight(w[j], 0, norms[j]);
        }
        if (family == LimitFamily.CENTRED_SQUARE) {
            double num = 0;
            double den = 0;
            for (int j = 0; j < m; j++) {
                num += u[j] * norms[j];
                den += norms[j] * norms[j];
            }
            double beta = den > 0 ? num / den : 0;
            for (int j = 0; j < m; j++) {
                u[j] -= beta * norms[j];
            }
        }
        double n = FimEigenvectorFamilies.norm(u);
        Validate.finiteResult(n, "net", "the norm of the " + name() + " vector");
        if (!(n > 0)) {
            throw new IllegalArgumentException("vector for " + name() + " must be non-zero, got the zero vector");
        }
        for (int j = 0; j < m; j++) {
            u[j] /= n;
        }
        return u;
    }

    /**
     * Returns the limit function at x: constant()·F(x); 0 at x = 0 for the families divided by ‖x‖.
     *
     * @param x a point of dimension d. Not modified.
     * @throws IllegalArgumentException if x has the wrong length or a non-finite entry
     */
    public double limit(double[] x) {
        Validate.finiteVector(x, "x");
        if (x.length != d) {
            throw new IllegalArgumentException("x has dimension " + x.length + ", expected " + d);
        }
        return limitUnchecked(x);
    }

    /**
     * Returns the limit function at each row of x.
     *
     * @param x n points of dimension d. Not modified.
     * @return a fresh array of length n
     * @throws IllegalArgumentException if x is empty, ragged, of the wrong dimension or not finite
     */
    public double[] limits(double[][] x) {
        int dx = Validate.finiteMatrix(x, "x");
        if (dx != d) {
            throw new IllegalArgumentException("x has dimension " + dx + ", expected " + d);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = limitUnchecked(x[i]);
        }
        return out;
    }

    double limitUnchecked(double[] x) {
        double r = 0;
        for (double v : x) {
            r += v * v;
        }
        r = Math.sqrt(r);
        double inv = r > 0 ? 1 / r : 0;
        double f;
        switch (family) {
            case UNIFORM:
            case RADIAL:
                f = r;
                break;
            case ROW:
                f = x[a];
                break;
            case PRODUCT:
            case NORMALISED_PRODUCT:
                f = x[a] * x[b] * inv;
                break;
            case DIFFERENCE:
            case NORMALISED_DIFFERENCE:
                f = (x[a] * x[a] - x[b] * x[b]) * inv;
                break;
            default:
                f = x[a] * x[a] * inv - r / d;
                break;
        }
        return constant * f;
    }
}
