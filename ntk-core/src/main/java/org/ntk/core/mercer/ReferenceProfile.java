package org.ntk.core.mercer;

import java.util.Arrays;
import java.util.OptionalDouble;

import org.ntk.core.kernel.HomogeneousKernel;

/**
 * The angular profiles of the library's analytic kernels, implemented independently of
 * {@code org.ntk.core.kernel.Kernels}, with what the Mercer computation can use beyond profile
 * values: accurate evaluation at an angle, exact Taylor coefficients, parity (degrees whose
 * eigenvalue is exactly 0) and the closed forms of MATH.md §3.4–§3.5 for degrees 0–2.
 *
 * <p>A {@link HomogeneousKernel} is recognised by its {@code name()} and then verified: its profile
 * must agree with the reference to 1e−9·max(1, h(1)) at nine points of [−1, 1], otherwise it is
 * treated as an unknown kernel. Immutable.
 */
final class ReferenceProfile {

    /** The kernel families with known series (MATH.md §1, §3.2, §6.2). */
    enum Family {
        /** kappa0(t) = (π − arccos t)/(2π); radial degree 0. */
        ARCCOS0,
        /** kappa1(t) = (√(1−t²) + (π − arccos t) t)/(2π). */
        ARCCOS1,
        /** kappa1(t) + t·kappa0(t). */
        NTK2,
        /** K^(L) of §6.2 on unit vectors, L = depth + 1 (c_σ = 2). */
        DEEP_NTK,
        /** G^(L) of §6.2 on unit vectors, L = depth + 1. */
        DEEP_NNGP
    }

    /** Deepest kernel for which the series path is built. */
    static final int MAX_DEPTH = 64;

    private static final double[] CHECK_POINTS = {-1, -0.9, -0.6, -0.3, 0, 0.2, 0.5, 0.8, 0.95};

    private final Family family;
    private final int depth;

    ReferenceProfile(Family family, int depth) {
        this.family = family;
        this.depth = depth;
    }

    Family family() {
        return family;
    }

    int depth() {
        return depth;
    }

    int radialDegree() {
        return family == Family.ARCCOS0 ? 0 : 1;
    }

    /**
     * Recognises one of the library's kernels by name and verifies its profile; null if it is not
     * one of them (or does not match).
     */
    static ReferenceProfile recognise(HomogeneousKernel kernel) {
        String name = kernel.name();
        if (name == null) {
            return null;
        }
        ReferenceProfile candidate = null;
        if (name.equals("arccos0")) {
            candidate = new ReferenceProfile(Family.ARCCOS0, 1);
        } else if (name.equals("arccos1")) {
            candidate = new ReferenceProfile(Family.ARCCOS1, 1);
        } else if (name.equals("ntk2")) {
            candidate = new ReferenceProfile(Family.NTK2, 1);
        } else if (name.startsWith("deep-ntk")) {
            double h1 = kernel.profile(1);
            long depth = Math.round(h1) - 1;
            if (depth >= 1 && depth <= MAX_DEPTH && Math.abs(h1 - (depth + 1)) <= 1e-9 * h1) {
                candidate = new ReferenceProfile(Family.DEEP_NTK, (int) depth);
            }
        } else if (name.startsWith("deep-nngp")) {
            double h0 = kernel.profile(0);
            double g = 0;
            for (int depth = 1; depth <= MAX_DEPTH && candidate == null; depth++) {
                g = 2 * kappa1(g);
                if (Math.abs(g - h0) <= 1e-9) {
                    candidate = new ReferenceProfile(Family.DEEP_NNGP, depth);
                }
            }
        }
        if (candidate == null || candidate.radialDegree() != kernel.radialDegree()) {
            return null;
        }
        double tol = 1e-9 * Math.max(1, candidate.valueAtOne());
        for (double t : CHECK_POINTS) {
            double v = kernel.profile(t);
            if (!(Math.abs(v - candidate.valueAt(t)) <= tol)) {
                return null;
            }
        }
        return candidate;
    }

    /** h(1). */
    double valueAtOne() {
        switch (family) {
            case ARCCOS0:
            case ARCCOS1:
                return 0.5;
            case DEEP_NTK:
                return depth + 1;
            default:
                return 1;
        }
    }

    /** h(t), t clamped to [−1, 1]. */
    double valueAt(double t) {
        double c = Math.max(-1, Math.min(1, t));
        return valueAtAngle(Math.acos(c));
    }

    /** h(cos θ) for θ ∈ [0, π], evaluated in the angle (no cos/arccos round trip at the first layer). */
    double valueAtAngle(double theta) {
        double s = Math.sin(theta);
        double c = Math.cos(theta);
        double rest = Math.PI - theta;
        switch (family) {
            case ARCCOS0:
                return rest / (2 * Math.PI);
            case ARCCOS1:
                return (s + rest * c) / (2 * Math.PI);
            case NTK2:
                return (s + 2 * rest * c) / (2 * Math.PI);
            default:
                break;
        }
        double k = c;
        double g = c;
        double th = theta;
        for (int layer = 2; layer <= depth + 1; layer++) {
            double r = Math.PI - th;
            double gDot = r / Math.PI;
            double gNew = (Math.sin(th) + r * g) / Math.PI;
            k = k * gDot + gNew;
            g = gNew;
            th = Math.acos(Math.max(-1, Math.min(1, g)));
        }
        return family == Family.DEEP_NTK ? k : g;
    }

    /**
     * Whether μ_k is exactly 0 by parity (MATH.md §3.4, §3.5; kappa0 − 1/4 is odd). The deep kernels of
     * depth 1 are 2·ntk2 (deep-ntk) and 2·arccos1 (deep-nngp), with the same zeros.
     */
    boolean exactZero(int k) {
        switch (family) {
            case ARCCOS0:
                return k >= 2 && k % 2 == 0;
            case ARCCOS1:
            case NTK2:
                return k >= 3 && k % 2 == 1;
            case DEEP_NTK:
            case DEEP_NNGP:
                return depth == 1 && k >= 3 && k % 2 == 1;
            default:
                return false;
        }
    }

    /**
     * Below this a closed-form μ_k is not returned: the series and quadrature paths, which work with
     * N(d,k)·μ_k, keep the trace share where μ_k itself leaves the normal double range.
     */
    private static final double CLOSED_FORM_FLOOR = 0x1p-960;

    /**
     * The closed form of μ_k (λ_k / d^p) for every degree of the arc-cosine families and of the deep
     * kernels of depth 1 (2·ntk2 and 2·arccos1), for d ≥ 2 and μ_k above 2^−960; empty otherwise.
     *
     * <p>Derivation (Bach 2017, "Breaking the curse of dimensionality with convex neural networks",
     * App. D; Bietti &amp; Mairal 2019). With w = ‖w‖u, u uniform on the sphere, kappa1(x̂·ŷ) =
     * E‖w‖²·E_u[σ(u·x̂)σ(u·ŷ)] for σ = ReLU, and kappa0(x̂·ŷ) = E_u[step(u·x̂) step(u·ŷ)]. By the
     * addition theorem, σ(u·x̂) = Σ_k N(d,k) a_k P_k(u·x̂) with a_k = E_s[σ(s_1) P_k(s_1)], and
     * E_u[P_j(u·x̂) P_k(u·ŷ)] = δ_jk P_k(x̂·ŷ)/N(d,k), so μ_k(kappa1) = d·a_k² and
     * μ_k(kappa0) = b_k² with b_k = E_s[step(s_1) P_k(s_1)]: every eigenvalue is a square. Rodrigues'
     * formula, integrated by parts k − 1 (resp. k − 2) times on [0, 1], gives the coefficients in
     * closed form, equivalently by the two-step recurrences, with c = E[ReLU(s_1)]
     * ({@link Sphere#reluMean}):
     * <pre>
     *   a_0 = c,  a_1 = 1/(2d),  a_2 = c/(d+1),  |a_{k+2}| = |a_k|·(k−1)/(k+d+1)  (k ≥ 2 even),  a_k = 0 (k ≥ 3 odd);
     *   b_0 = 1/2,  b_1 = c,  |b_{k+2}| = |b_k|·k/(k+d)  (k odd),  b_k = 0 (k ≥ 2 even).
     * </pre>
     * ntk2's profile is kappa1(t) + t·kappa0(t); with t·P_j = ((j+d−2) P_{j+1} + j P_{j−1})/(2j+d−2),
     * <pre>
     *   μ_k(t·kappa0) = (k·μ_{k−1}(kappa0) + (k+d−2)·μ_{k+1}(kappa0)) / (2k+d−2)   (μ_0(t·kappa0) = μ_1(kappa0)),
     * </pre>
     * a sum of non-negative terms. Degrees 0–2 reproduce MATH.md §3.4–§3.5 (arccos1: μ_0 = d c²,
     * μ_1 = 1/(4d), μ_2 = d c²/(d+1)²; ntk2: (d+1) c², 1/(2d), (3d+1) c²/(d+1)²; arccos0: 1/4, c²).
     * Every step multiplies by a ratio in (0, 1], so nothing cancels or overflows; the products are
     * carried in double-double, so the result is good to a few ulps at any k (bound:
     * {@link #closedFormUlps}). Cost O(k).
     */
    OptionalDouble closedForm(int d, int k) {
        if (d < 2) {
            return OptionalDouble.empty();
        }
        double mu;
        switch (family) {
            case ARCCOS1:
                mu = arccos1(d, k);
                break;
            case ARCCOS0:
                mu = stepCoefficientSquared(d, k);
                break;
            case NTK2:
                mu = ntk2(d, k);
                break;
            case DEEP_NNGP:
                // G^(2) = 2 kappa1
                if (depth != 1) {
                    return OptionalDouble.empty();
                }
                mu = 2 * arccos1(d, k);
                break;
            case DEEP_NTK:
                // K^(2) = 2 (kappa1 + t kappa0)
                if (depth != 1) {
                    return OptionalDouble.empty();
                }
                mu = 2 * ntk2(d, k);
                break;
            default:
                return OptionalDouble.empty();
        }
        return mu >= CLOSED_FORM_FLOOR ? OptionalDouble.of(mu) : OptionalDouble.empty();
    }

    private static double arccos1(int d, int k) {
        // μ_1 = d·(1/(2d))² = 1/(4d), in one rounding
        return k == 1 ? 0.25 / d : d * reluCoefficientSquared(d, k);
    }

    private static double ntk2(int d, int k) {
        double shifted = k == 0 ? stepCoefficientSquared(d, 1)
                : (k * stepCoefficientSquared(d, k - 1)
                        + (k + d - 2.0) * stepCoefficientSquared(d, k + 1)) / (2.0 * k + d - 2);
        return arccos1(d, k) + shifted;
    }

    /**
     * The number of ulps of μ_k that bound the closed form's rounding error, 32: the products of ratios
     * are carried in double-double (error ≈ k·ε², negligible up to k = 10⁴), so what remains is c's
     * error (≈ 1e−15 relative at d = 10⁴, doubled by the square) and a few final roundings.
     */
    static double closedFormUlps(int k) {
        return 32;
    }

    /** a_k² with a_k = E_s[ReLU(s_1) P_k(s_1)] (see {@link #closedForm}). */
    private static double reluCoefficientSquared(int d, int k) {
        if (k == 0) {
            return square(Sphere.reluMean(d));
        }
        if (k == 1) {
            return square(0.5 / d);
        }
        if (k % 2 == 1) {
            return 0;
        }
        // Π_{j = 2, 4, …, k−2} (j − 1)/(j + d + 1), then squared, in double-double
        double[] p = {1 / (d + 1.0), 0};
        p[1] = Math.fma(-p[0], d + 1.0, 1.0) / (d + 1.0);
        for (int j = 2; j < k; j += 2) {
            timesRatio(p, j - 1.0, j + d + 1.0);
        }
        return square(Sphere.reluMean(d)) * squareOf(p);
    }

    /** b_k² with b_k = E_s[step(s_1) P_k(s_1)] (see {@link #closedForm}). */
    private static double stepCoefficientSquared(int d, int k) {
        if (k == 0) {
            return 0.25;
        }
        if (k % 2 == 0) {
            return 0;
        }
        // Π_{j = 1, 3, …, k−2} j/(j + d), then squared, in double-double
        double[] p = {1, 0};
        for (int j = 1; j < k; j += 2) {
            timesRatio(p, j, j + (double) d);
        }
        return square(Sphere.reluMean(d)) * squareOf(p);
    }

    /**
     * Multiplies the double-double p = p[0] + p[1] by num/den (exact integers in double), to within
     * ≈ 2ε² relative: the quotient's remainder comes exactly from an FMA, the product's error from
     * another.
     */
    private static void timesRatio(double[] p, double num, double den) {
        double q = num / den;
        double qLo = Math.fma(-q, den, num) / den;
        double hi = p[0] * q;
        double lo = Math.fma(p[0], q, -hi) + (p[0] * qLo + p[1] * q);
        p[0] = hi + lo;
        p[1] = lo - (p[0] - hi);
    }

    /** (p[0] + p[1])², rounded once more to a double. */
    private static double squareOf(double[] p) {
        double hi = p[0] * p[0];
        double lo = Math.fma(p[0], p[0], -hi) + 2 * p[0] * p[1];
        return hi + lo;
    }

    private static double square(double x) {
        return x * x;
    }

    /**
     * The Taylor coefficients a_0..a_{count−1} of h at 0, all ≥ 0. Exact recurrences for the
     * arc-cosine families (MATH.md §1); for the deep kernels the §6.2 recursion composed as power
     * series (see {@link #deepSeries}). Cost O(count) resp. O(depth · count³ / 6).
     */
    double[] coefficients(int count) {
        double[] a = new double[count];
        double twoPi = 2 * Math.PI;
        switch (family) {
            case ARCCOS0: {
                a[0] = 0.25;
                double r = 1; // (2m)!/(4^m m!²)
                for (int m = 0; 2 * m + 1 < count; m++) {
                    a[2 * m + 1] = r / ((2 * m + 1) * twoPi);
                    r *= (2 * m + 1.0) / (2 * m + 2.0);
                }
                return a;
            }
            case ARCCOS1:
            case NTK2: {
                boolean ntk = family == Family.NTK2;
                a[0] = 1 / twoPi;
                if (count > 1) {
                    a[1] = ntk ? 0.5 : 0.25;
                }
                double r = 1;
                for (int m = 0; 2 * m + 2 < count; m++) {
                    double base = r / ((2 * m + 1.0) * twoPi);
                    a[2 * m + 2] = ntk ? base * (2 * m + 3.0) / (2 * m + 2.0) : base / (2 * m + 2.0);
                    r *= (2 * m + 1.0) / (2 * m + 2.0);
                }
                return a;
            }
            default:
                double[][] s = deepSeries(depth, count);
                return family == Family.DEEP_NTK ? s[1] : s[0];
        }
    }

    /**
     * Taylor coefficients (length {@code count}) of G = g_{depth+1} and K = K_{depth+1} of MATH.md §6.2
     * on unit vectors: g_1 = t, g_l = 2 kappa1(g_{l−1}), ġ_l = 2 kappa0(g_{l−1}), K_1 = t,
     * K_l = K_{l−1} ġ_l + g_l.
     *
     * <p>Each layer expands kappa0 and kappa1 around t0 = g_{l−1}(0) ∈ [0, 1) and substitutes
     * v = (g_{l−1} − t0)/(1 − t0), whose coefficients are ≥ 0 with sum ≤ 1, so every coefficient is a
     * finite sum of non-negative terms (no cancellation, no overflow). With f = (1 − t²)^{−1/2} and
     * s = 1 − t0, the scaled Taylor coefficients f̃_n = f^{(n)}(t0) s^n / n! satisfy
     * f̃_{n+1} = ((2n+1) t0 f̃_n + n s f̃_{n−1}) / ((1+t0)(n+1)), and kappa0' = f/(2π), kappa1' = kappa0.
     *
     * @return {G coefficients, K coefficients}
     */
    static double[][] deepSeries(int depth, int count) {
        double twoPi = 2 * Math.PI;
        double[] g = new double[count];
        double[] gDot = new double[count];
        // layer 2: g_2 = 2 kappa1(t), ġ_2 = 2 kappa0(t)
        g[0] = 1 / Math.PI;
        gDot[0] = 0.5;
        if (count > 1) {
            g[1] = 0.5;
        }
        double r = 1;
        for (int m = 0; 2 * m + 1 < count; m++) {
            gDot[2 * m + 1] = 2 * r / ((2 * m + 1) * twoPi);
            if (2 * m + 2 < count) {
                g[2 * m + 2] = 2 * r / ((2 * m + 1.0) * (2 * m + 2.0) * twoPi);
            }
            r *= (2 * m + 1.0) / (2 * m + 2.0);
        }
        double[] k = new double[count];
        // K_2 = t·ġ_2 + g_2
        for (int n = 0; n < count; n++) {
            k[n] = g[n] + (n >= 1 ? gDot[n - 1] : 0);
        }
        double[] v = new double[count];
        double[] power = new double[count];
        double[] next = new double[count];
        for (int layer = 3; layer <= depth + 1; layer++) {
            double t0 = g[0];
            double s = 1 - t0;
            v[0] = 0;
            for (int n = 1; n < count; n++) {
                v[n] = g[n] / s;
            }
            // scaled Taylor coefficients of kappa0, kappa1 at t0
            double[] e0 = new double[count];
            double[] e1 = new double[count];
            double fPrev = 0;
            double f = 1 / Math.sqrt((1 - t0) * (1 + t0));
            e0[0] = 0.25 + Math.asin(t0) / twoPi;
            e1[0] = kappa1(t0);
            for (int n = 0; n + 1 < count; n++) {
                e0[n + 1] = f * s / ((n + 1) * twoPi);
                e1[n + 1] = e0[n] * s / (n + 1);
                double fNext = ((2 * n + 1) * t0 * f + n * s * fPrev) / ((1 + t0) * (n + 1));
                fPrev = f;
                f = fNext;
            }
            double[] gNew = new double[count];
            double[] gDotNew = new double[count];
            Arrays.fill(power, 0);
            power[0] = 1;
            for (int n = 0; n < count; n++) {
                double c1 = 2 * e1[n];
                double c0 = 2 * e0[n];
                for (int j = n; j < count; j++) {
                    gNew[j] += c1 * power[j];
                    gDotNew[j] += c0 * power[j];
                }
                if (n + 1 == count) {
                    break;
                }
                // power ← power · v, truncated; power has lowest degree n, v lowest degree 1
                Arrays.fill(next, 0);
                for (int i = n; i < count; i++) {
                    double pi = power[i];
                    if (pi == 0) {
                        continue;
                    }
                    for (int j = 1; i + j < count; j++) {
                        next[i + j] += pi * v[j];
                    }
                }
                double[] tmp = power;
                power = next;
                next = tmp;
            }
            double[] kNew = new double[count];
            for (int i = 0; i < count; i++) {
                double ki = k[i];
                if (ki == 0) {
                    continue;
                }
                for (int j = 0; i + j < count; j++) {
                    kNew[i + j] += ki * gDotNew[j];
                }
            }
            for (int i = 0; i < count; i++) {
                kNew[i] += gNew[i];
            }
            g = gNew;
            k = kNew;
        }
        return new double[][] {g, k};
    }

    /** kappa1(t) of MATH.md §1 for t ∈ [−1, 1]. */
    static double kappa1(double t) {
        return (Math.sqrt((1 - t) * (1 + t)) + (Math.PI - Math.acos(t)) * t) / (2 * Math.PI);
    }
}
