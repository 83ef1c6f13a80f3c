package org.ntk.core.mercer;

import java.util.Arrays;

/**
 * Funk–Hecke coefficients of the library's kernels without cancellation: Rodrigues' formula integrated
 * by parts k times, then composite Gauss–Legendre in the angle (MATH.md §3.3).
 *
 * <p><b>Formula.</b> Rodrigues' formula for the d-dimensional Legendre polynomial,
 * P_k(t)(1−t²)^{(d−3)/2} = (−1)^k Γ((d−1)/2) / (2^k Γ(k + (d−1)/2)) · (d/dt)^k (1−t²)^{k+(d−3)/2},
 * and k integrations by parts (the boundary terms vanish) turn μ_k = E[h(s_1) P_k(s_1)] into
 *
 * <pre>
 *   μ_k = ∫_0^π h^{(k)}(cos θ) sin^{2k+d−2}θ dθ / ( 2^k Π_{j&lt;k} ((d−1)/2 + j) · ∫_0^π sin^{d−2}θ dθ )
 *       = F_k · ∫ c̃_k(θ) sin^{d−2}θ dθ / ∫ sin^{d−2}θ dθ,
 *   c̃_k(θ) = h^{(k)}(cos θ) sin^{2k}θ / k!,   F_k = Π_{j&lt;k} (j+1)/(d−1+2j).
 * </pre>
 *
 * The integrand has no P_k in it: where h^{(k)} keeps one sign (everywhere on t ≥ 0 for the library's
 * kernels, whose Taylor coefficients at 0 are ≥ 0, and there it is largest) nothing cancels, so the
 * relative accuracy does not degrade like that of {@link FunkHeckeQuadrature} (≈ ε·E|h P_k|/μ_k).
 * What is returned is the trace share N(d,k)·μ_k = (N F_k)·⟨c̃_k⟩, with
 * N(d,k)·F_k = (2k+d−2)/(d−1) · Π_{i=1}^{k−1} (d−2+i)/(d−1+2i) formed as a product of ratios ≤ 1 (no
 * overflow where N(d, k) does, and no underflow where μ_k does, for the degrees used here).
 *
 * <p><b>Derivatives.</b> c̃_0..c̃_K at one node come at once from truncated power series in
 * v = (t − cos θ)/sin²θ (the scaled variable keeps every coefficient of order (1 + |cos θ|)^n: the
 * nearest singularities of h are at t = ±1, at distance ≥ sin²θ/2). The §6.2 recursion on the unit
 * sphere (G = t, K = t; per layer Ġ = kappa0_nrm(G), G ← kappa1_nrm(G), K ← K·Ġ + G, with
 * kappa0_nrm(u) = 1 − arccos(u)/π, kappa1_nrm(u) = (√(1−u²) + (π − arccos u) u)/π; the deep-NTK
 * profile is K, the deep-NNGP profile G) is pushed through these series in O(K²) per layer by the
 * differential equations instead of by composition (O(K³)): with u0 = G(0) = cos φ, σ = sin²φ and
 * w = (G − u0)/σ,
 * <pre>
 *   (1 − G²)/σ = 1 − 2 u0 w − σ w²,   F = ((1 − G²)/σ)^{−1/2}   (power recurrence, F_0 = 1),
 *   kappa0_nrm(G)' = sin φ · F · w' / π,   kappa1_nrm(G)' = σ · kappa0_nrm(G) · w'.
 * </pre>
 * At u0 ≥ 0 with w ≥ 0 termwise (every layer after the first, and the first for cos θ ≥ 0) every
 * term of these recurrences is ≥ 0. Each layer's angle is carried: 1 − kappa1_nrm(cos φ) =
 * [π·2 sin²(φ/2) − (sin φ − φ cos φ)]/π (the last bracket by its series for small φ), so σ never
 * suffers the cancellation of 1 − u0². The arc-cosine families are the first layer alone
 * (arccos0 = kappa0_nrm/2, arccos1 = kappa1_nrm/2, ntk2 = (kappa1_nrm + t·kappa0_nrm)/2).
 *
 * <p><b>Quadrature and error bound.</b> c̃_k(θ) sin^{d−2}θ is analytic in θ (the poles of the
 * t-derivatives at θ = 0, π are cancelled by sin^{2k}θ). It is integrated in δ = θ − π/2 on the panels
 * of {@link AnglePanels}, shared with {@link FunkHeckeQuadrature} (cut where sin^{d−2} &lt; e^{−745}, width ≤ min(π/16, 2.5/√d, 4/(K+1))),
 * with 24 and with 16 Gauss–Legendre nodes; the 24-node value is returned and the bound per degree is
 * N F_k·(|⟨c̃_k⟩_24 − ⟨c̃_k⟩_16| + (ROUND_OFF_BASE + ROUND_OFF_SLOPE·k·layers)·ε·⟨|c̃_k|⟩) + (k + 4)·ε·share.
 * The round-off term covers the relative error of the series (≈ k·layers operations per coefficient)
 * and the cancellation where h^{(k)}(cos θ) changes sign on θ &gt; π/2; it was calibrated against
 * 80-digit mpmath values (see {@code MercerDeepRodriguesTest}).
 *
 * <p>Cost: O(panels · 40 · layers · 2.5 K²) (≈ 2·10⁸ multiply-adds for depth 3, K = 50, d = 10).
 * Thread-safe (no state).
 */
final class FunkHeckeRodrigues {

    /** The largest degree this method computes (its cost grows like K³). */
    static final int MAX_DEGREE = 200;

    private static final GaussLegendre FINE = new GaussLegendre(24);
    private static final GaussLegendre COARSE = new GaussLegendre(16);
    private static final double EPS = Math.ulp(1.0);
    /** Round-off floor per degree: (ROUND_OFF_BASE + ROUND_OFF_SLOPE·k·layers)·ε·⟨|c̃_k|⟩. */
    static final double ROUND_OFF_BASE = 64;
    static final double ROUND_OFF_SLOPE = 4;

    private FunkHeckeRodrigues() {
    }

    /** N(d,k)·μ_k and its absolute error bound, k = 0..K. */
    record Result(double[] share, double[] errorBound) {
    }

    /**
     * Integrates for degrees 0..maxDegree; d ≥ 2, 0 ≤ maxDegree ≤ {@value #MAX_DEGREE}.
     */
    static Result integrate(ReferenceProfile profile, int d, int maxDegree) {
        if (d < 2 || maxDegree < 0 || maxDegree > MAX_DEGREE) {
            throw new IllegalArgumentException("d = " + d + ", maxDegree = " + maxDegree);
        }
        int n = maxDegree + 1;
        Expansion expansion = new Expansion(profile, n);
        double[] c = new double[n];
        AnglePanels.Sums sums = AnglePanels.integrate(d, maxDegree, FINE, COARSE, (delta, w, fineRule, panelSum, abs) -> {
            expansion.at(delta, c);
            for (int k = 0; k < n; k++) {
                panelSum[k] += w * c[k];
            }
            if (fineRule) {
                for (int k = 0; k < n; k++) {
                    abs[k] += Math.abs(w * c[k]) + Double.MIN_NORMAL;
                }
            }
        });
        double[] fine = sums.fine();
        double[] coarse = sums.coarse();
        double[] absolute = sums.absolute();
        double zFine = sums.zFine();
        double zCoarse = sums.zCoarse();
        int layers = profile.family() == ReferenceProfile.Family.DEEP_NTK
                || profile.family() == ReferenceProfile.Family.DEEP_NNGP ? profile.depth() : 1;
        double[] share = new double[n];
        double[] bound = new double[n];
        double nf = 1;
        for (int k = 0; k < n; k++) {
            if (k == 1) {
                nf = d / (d - 1.0);
            } else if (k > 1) {
                // N(d,k) F_k from N(d,k−1) F_{k−1}
                nf *= (2.0 * k + d - 2) / (2.0 * k + d - 4) * (d + k - 3.0) / (d + 2.0 * k - 3);
            }
            double mean = fine[k] / zFine;
            double floor = (ROUND_OFF_BASE + ROUND_OFF_SLOPE * k * layers) * EPS * (absolute[k] / zFine);
            share[k] = nf * mean;
            bound[k] = nf * (Math.abs(mean - coarse[k] / zCoarse) + floor) + (k + 4) * EPS * Math.abs(share[k]);
        }
        return new Result(share, bound);
    }

    /**
     * The scaled Taylor coefficients c̃_n = h^{(n)}(cos θ) sin^{2n}θ / n!, n = 0..K, of one profile;
     * holds work arrays (one instance per call of {@link #integrate}).
     */
    static final class Expansion {

        private final ReferenceProfile profile;
        private final int n;
        private final double[] g;
        private final double[] kSeries;
        private final double[] w;
        private final double[] a;
        private final double[] f;
        private final double[] k0;
        private final double[] k1;
        private final double[] product;

        Expansion(ReferenceProfile profile, int n) {
            this.profile = profile;
            this.n = n;
            g = new double[n];
            kSeries = new double[n];
            w = new double[n];
            a = new double[n];
            f = new double[n];
            k0 = new double[n];
            k1 = new double[n];
            product = new double[n];
        }

        /** Fills out[0..K] with c̃_n at θ = π/2 + δ, |δ| &lt; π/2. */
        void at(double delta, double[] out) {
            double sinTheta = Math.cos(delta);
            double cosTheta = -Math.sin(delta);
            double theta = 0.5 * Math.PI + delta;
            // the input t = cos θ + sin²θ·v
            Arrays.fill(g, 0);
            g[0] = cosTheta;
            if (n > 1) {
                g[1] = sinTheta * sinTheta;
            }
            switch (profile.family()) {
                case ARCCOS0:
                    layer(theta, sinTheta, cosTheta);
                    scale(k0, 0.5, out);
                    return;
                case ARCCOS1:
                    layer(theta, sinTheta, cosTheta);
                    scale(k1, 0.5, out);
                    return;
                case NTK2:
                    layer(theta, sinTheta, cosTheta);
                    for (int i = 0; i < n; i++) {
                        double tk0 = cosTheta * k0[i] + (i > 0 ? g[1] * k0[i - 1] : 0);
                        out[i] = 0.5 * (k1[i] + tk0);
                    }
                    return;
                default:
                    break;
            }
            System.arraycopy(g, 0, kSeries, 0, n);
            double phi = theta;
            double sinPhi = sinTheta;
            double cosPhi = cosTheta;
            for (int l = 0; l < profile.depth(); l++) {
                layer(phi, sinPhi, cosPhi);
                // K ← K·Ġ + G, Ġ = k0, G = k1 (truncated product, highest index first so K can be
                // overwritten in place)
                for (int i = n - 1; i >= 0; i--) {
                    double s = 0;
                    for (int j = 0; j <= i; j++) {
                        s += kSeries[j] * k0[i - j];
                    }
                    product[i] = s + k1[i];
                }
                System.arraycopy(product, 0, kSeries, 0, n);
                System.arraycopy(k1, 0, g, 0, n);
                phi = nextAngle(phi);
                sinPhi = Math.sin(phi);
                cosPhi = Math.cos(phi);
                g[0] = cosPhi;
            }
            System.arraycopy(profile.family() == ReferenceProfile.Family.DEEP_NTK ? kSeries : g, 0, out, 0, n);
            if (profile.family() == ReferenceProfile.Family.DEEP_NNGP) {
                // g[0] was replaced by cos φ of the next layer, which is the value kappa1_nrm(G(0))
                out[0] = cosPhi;
            }
        }

        /**
         * k0 ← kappa0_nrm(G), k1 ← kappa1_nrm(G) as series, for the input series g with
         * g[0] = cos φ.
         */
        private void layer(double phi, double sinPhi, double cosPhi) {
            double sigma = sinPhi * sinPhi;
            w[0] = 0;
            for (int i = 1; i < n; i++) {
                w[i] = g[i] / sigma;
            }
            // a = (1 − G²)/σ = 1 − 2 u0 w − σ w²
            a[0] = 1;
            for (int i = 1; i < n; i++) {
                double sq = 0;
                for (int j = 1; j < i; j++) {
                    sq += w[j] * w[i - j];
                }
                a[i] = -2 * cosPhi * w[i] - sigma * sq;
            }
            // f = a^{−1/2}: i f_i = Σ_{j=1}^{i} (j/2 − i) a_j f_{i−j}
            f[0] = 1;
            for (int i = 1; i < n; i++) {
                double s = 0;
                for (int j = 1; j <= i; j++) {
                    s += (0.5 * j - i) * a[j] * f[i - j];
                }
                f[i] = s / i;
            }
            k0[0] = (Math.PI - phi) / Math.PI;
            k1[0] = (sinPhi + (Math.PI - phi) * cosPhi) / Math.PI;
            double c0 = sinPhi / Math.PI;
            for (int i = 1; i < n; i++) {
                double s = 0;
                for (int j = 1; j <= i; j++) {
                    s += j * w[j] * f[i - j];
                }
                k0[i] = c0 * s / i;
            }
            for (int i = 1; i < n; i++) {
                double s = 0;
                for (int j = 1; j <= i; j++) {
                    s += j * w[j] * k0[i - j];
                }
                k1[i] = sigma * s / i;
            }
        }

        private void scale(double[] x, double factor, double[] out) {
            for (int i = 0; i < n; i++) {
                out[i] = factor * x[i];
            }
        }
    }

    /**
     * The angle φ' ∈ (0, π/2] with cos φ' = kappa1_nrm(cos φ), φ ∈ [0, π], accurate for small φ:
     * 1 − cos φ' = [π·2 sin²(φ/2) − (sin φ − φ cos φ)]/π.
     */
    static double nextAngle(double phi) {
        double half = Math.sin(0.5 * phi);
        double oneMinusCos = 2 * half * half;
        double bracket;
        if (phi < 0.5) {
            // sin φ − φ cos φ = φ³ Σ_{m≥0} (−φ²)^m (2m+2)/(2m+3)!
            double phi2 = phi * phi;
            double term = 1.0 / 3; // m = 0: 2/3!
            double sum = 0;
            for (int m = 0; m < 12; m++) {
                sum += term;
                // ratio of consecutive terms: −φ² (2m+4) / ((2m+2)(2m+4)(2m+5)) = −φ²/((2m+2)(2m+5))
                term *= -phi2 / ((2.0 * m + 2) * (2.0 * m + 5));
            }
            bracket = phi * phi2 * sum;
        } else {
            bracket = Math.sin(phi) - phi * Math.cos(phi);
        }
        double gap = oneMinusCos - bracket / Math.PI;
        if (gap < 0.5) {
            return 2 * Math.asin(Math.sqrt(0.5 * gap));
        }
        return Math.acos(1 - gap);
    }
}
