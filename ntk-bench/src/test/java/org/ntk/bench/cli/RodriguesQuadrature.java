package org.ntk.bench.cli;

/**
 * An independent computation of the Mercer eigenvalues of the library's kernels under x ~ N(0, I_d),
 * for tests: Funk–Hecke with Rodrigues' formula integrated by parts, then composite Gauss–Legendre in
 * the angle. It shares no code with {@code org.ntk.core.mercer} or {@code org.ntk.core.kernel}.
 *
 * <p><b>Formula.</b> With P_k the d-dimensional Legendre polynomial (P_k(1) = 1), Rodrigues' formula
 * P_k(t)(1−t²)^{(d−3)/2} = (−1)^k Γ((d−1)/2)/(2^k Γ(k+(d−1)/2)) · (d/dt)^k (1−t²)^{k+(d−3)/2}, and k
 * integrations by parts (the boundary terms vanish) give
 *
 * <pre>
 * μ_k = E_{s~Unif(S^{d−1})}[h(s_1) P_k(s_1)]
 *     = ∫_0^π h^{(k)}(cos θ) sin^{2k+d−2}θ dθ / ( 2^k Π_{j&lt;k} ((d−1)/2 + j) · ∫_0^π sin^{d−2}θ dθ ).
 * </pre>
 *
 * For the kernels here h has non-negative Taylor coefficients, so h^{(k)} ≥ 0 on (−1, 1) wherever it is
 * not an odd function: the integrand has one sign and the result keeps full relative accuracy even where
 * μ_k is far below h's round-off (large d, high k) — unlike the plain integral of h·P_k, which cancels.
 * Where h^{(k)} is odd (parity zeros), the integral cancels to ≈ ε·∫|h^{(k)}| w, returned as
 * {@link #absolute}.
 *
 * <p><b>Derivatives.</b> h^{(k)}(t) for all k ≤ K at once by Taylor-mode differentiation: truncated power
 * series in (t − t0) pushed through the profiles of MATH.md §1 and the recursion of §6.2, on the unit
 * sphere (G = t, K = t; per layer Ġ = kappa0_nrm(G), G ← kappa1_nrm(G), K ← K·Ġ + G). The series of
 * kappa0_nrm and kappa1_nrm at u0 = cos φ come from kappa0_nrm' = (1−u²)^{−1/2}/π and
 * kappa1_nrm' = kappa0_nrm, with g = (1−u²)^{−1/2} satisfying (1−u²) g^{(n+1)} = (2n+1) u g^{(n)} + n² g^{(n−1)};
 * each layer's angle φ is carried exactly (1 − kappa1_nrm(cos φ) = [π(1 − cos φ) − (sin φ − φ cos φ)]/π with
 * series for small φ), so 1 − u² = sin²φ never suffers cancellation.
 *
 * <p><b>Profiles</b> (DESIGN.md kernel table): arccos0 h = kappa0 = kappa0_nrm/2 (no radial factor, λ_k =
 * μ_k); arccos1 h = kappa1 = kappa1_nrm/2; ntk2 h = kappa1 + t kappa0; deep-ntk(H) h = K^(H+1); deep-nngp(H)
 * h = G^(H+1); for these four λ_k = d μ_k.
 */
final class RodriguesQuadrature {

    private final String kernel;
    private final int depth;
    private final int d;
    private final int maxDegree;
    private final double[] integral;
    private final double[] absolute;
    private final double normaliser;

    /**
     * Integrates with {@code panels} Gauss–Legendre panels of {@code nodes} nodes on [0, π].
     *
     * @param kernel arccos0, arccos1, ntk2, deep-ntk or deep-nngp
     */
    RodriguesQuadrature(String kernel, int depth, int d, int maxDegree, int panels, int nodes) {
        this.kernel = kernel;
        this.depth = depth;
        this.d = d;
        this.maxDegree = maxDegree;
        double[][] gl = gaussLegendre(nodes);
        integral = new double[maxDegree + 1];
        absolute = new double[maxDegree + 1];
        double z = 0;
        double width = Math.PI / panels;
        for (int p = 0; p < panels; p++) {
            double mid = (p + 0.5) * width;
            for (int i = 0; i < nodes; i++) {
                double theta = mid + 0.5 * width * gl[0][i];
                double w = 0.5 * width * gl[1][i];
                double logSin = Math.log(Math.sin(theta));
                z += w * Math.exp((d - 2) * logSin);
                double[] c = profileSeries(theta);
                double factorial = 1;
                for (int k = 0; k <= maxDegree; k++) {
                    if (k > 0) {
                        factorial *= k;
                    }
                    double f = w * factorial * c[k] * Math.exp((2 * k + d - 2) * logSin);
                    integral[k] += f;
                    absolute[k] += Math.abs(f);
                }
            }
        }
        normaliser = z;
    }

    /** λ_k (d μ_k, or μ_k for arccos0). */
    double eigenvalue(int k) {
        return scale() * integral[k] / denominator(k);
    }

    /** The same with |h^{(k)}|: the scale of the cancellation error of {@link #eigenvalue} (≈ ε times this). */
    double absolute(int k) {
        return scale() * absolute[k] / denominator(k);
    }

    /** E_x[k(x, x)] = scale · h(1). */
    double trace() {
        double h1 = switch (kernel) {
            case "arccos0", "arccos1" -> 0.5;
            case "ntk2", "deep-nngp" -> 1.0;
            case "deep-ntk" -> depth + 1.0;
            default -> throw new IllegalArgumentException("kernel " + kernel);
        };
        return scale() * h1;
    }

    private double scale() {
        return kernel.equals("arccos0") ? 1.0 : d;
    }

    private double denominator(int k) {
        double den = normaliser;
        for (int j = 0; j < k; j++) {
            den *= 2 * ((d - 1) / 2.0 + j);
        }
        return den;
    }

    /** Taylor coefficients of h around t0 = cos θ, orders 0..K. */
    private double[] profileSeries(double theta) {
        int n = maxDegree + 1;
        double[] t = new double[n];
        t[0] = Math.cos(theta);
        if (n > 1) {
            t[1] = 1;
        }
        switch (kernel) {
            case "arccos0":
                return scaled(kappa0Nrm(t, theta), 0.5);
            case "arccos1":
                return scaled(kappa1Nrm(t, theta), 0.5);
            case "ntk2":
                return scaled(add(kappa1Nrm(t, theta), multiply(t, kappa0Nrm(t, theta))), 0.5);
            case "deep-ntk":
            case "deep-nngp": {
                double[] g = t;
                double phi = theta;
                double[] kk = t;
                for (int l = 0; l < depth; l++) {
                    double[] gDot = kappa0Nrm(g, phi);
                    double[] next = kappa1Nrm(g, phi);
                    kk = add(multiply(kk, gDot), next);
                    phi = nextAngle(phi);
                    g = next;
                }
                return kernel.equals("deep-ntk") ? kk : g;
            }
            default:
                throw new IllegalArgumentException("kernel " + kernel);
        }
    }

    /** arccos(kappa1_nrm(cos φ)) without cancellation for small φ. */
    static double nextAngle(double phi) {
        double oneMinusCos = 2 * Math.sin(phi / 2) * Math.sin(phi / 2);
        double sinMinusPhiCos;
        if (phi < 0.5) {
            // sin φ − φ cos φ = Σ_{n≥1} (−1)^{n+1} 2n φ^{2n+1}/(2n+1)!
            double term = phi * phi * phi / 3; // n = 1
            sinMinusPhiCos = 0;
            double phi2 = phi * phi;
            for (int m = 1; m < 30; m++) {
                sinMinusPhiCos += term;
                // term_{m+1}/term_m = −φ²/(2m(2m+3))
                term *= -phi2 / ((2.0 * m) * (2 * m + 3));
            }
        } else {
            sinMinusPhiCos = Math.sin(phi) - phi * Math.cos(phi);
        }
        double gap = (Math.PI * oneMinusCos - sinMinusPhiCos) / Math.PI;
        double value = 1 - gap;
        if (value < 0.5) {
            return Math.acos(value);
        }
        return 2 * Math.asin(Math.sqrt(gap / 2));
    }

    /** kappa0_nrm(u) = (π − arccos u)/π composed with the series u (u[0] = cos φ). */
    private double[] kappa0Nrm(double[] u, double phi) {
        return compose(kappa0Derivatives(phi, u.length), u);
    }

    /** kappa1_nrm(u) = (sin φ + (π − φ) cos φ)/π composed with the series u. */
    private double[] kappa1Nrm(double[] u, double phi) {
        int n = u.length;
        double[] k0 = kappa0Derivatives(phi, n);
        double[] f = new double[n];
        f[0] = (Math.sin(phi) + (Math.PI - phi) * Math.cos(phi)) / Math.PI;
        for (int j = 1; j < n; j++) {
            f[j] = k0[j - 1];
        }
        return compose(f, u);
    }

    /** kappa0_nrm^{(j)}(cos φ), j = 0..n−1. */
    private static double[] kappa0Derivatives(double phi, int n) {
        double[] f = new double[n];
        f[0] = (Math.PI - phi) / Math.PI;
        if (n == 1) {
            return f;
        }
        double u = Math.cos(phi);
        double s = Math.sin(phi);
        double oneMinusU2 = s * s;
        double[] g = new double[n - 1];
        g[0] = 1 / s;
        if (n > 2) {
            g[1] = u * g[0] / oneMinusU2;
        }
        for (int m = 1; m + 1 < n - 1; m++) {
            g[m + 1] = ((2 * m + 1) * u * g[m] + (double) m * m * g[m - 1]) / oneMinusU2;
        }
        for (int j = 1; j < n; j++) {
            f[j] = g[j - 1] / Math.PI;
        }
        return f;
    }

    /** f(u(t)) as a series, from the derivatives f^{(j)}(u0) and the series u. */
    private static double[] compose(double[] derivatives, double[] u) {
        int n = u.length;
        double[] out = new double[n];
        out[0] = derivatives[0];
        double[] shift = u.clone();
        shift[0] = 0;
        double[] power = new double[n];
        power[0] = 1;
        double factorial = 1;
        for (int j = 1; j < n; j++) {
            power = multiply(power, shift);
            factorial *= j;
            double c = derivatives[j] / factorial;
            for (int i = 0; i < n; i++) {
                out[i] += c * power[i];
            }
        }
        return out;
    }

    private static double[] multiply(double[] a, double[] b) {
        int n = a.length;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; i + j < n; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }

    private static double[] add(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    private static double[] scaled(double[] a, double s) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = s * a[i];
        }
        return c;
    }

    /** Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (Newton on P_n from Chebyshev guesses). */
    static double[][] gaussLegendre(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double r = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = r;
                for (int m = 2; m <= n; m++) {
                    double p2 = ((2 * m - 1) * r * p1 - (m - 1) * p0) / m;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (r * p1 - p0) / (r * r - 1);
                double step = p1 / dp;
                r -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            x[i] = r;
            w[i] = 2 / ((1 - r * r) * dp * dp);
        }
        return new double[][] {x, w};
    }
}
