package org.ntk.core.mercer;

import java.util.function.DoubleUnaryOperator;

/**
 * Funk–Hecke coefficients μ_k = E_{s~Unif(S^{d−1})}[h(s_1) P_k(s_1)], k = 0..K, by quadrature in the
 * angle (MATH.md §3.3).
 *
 * <p>With t = cos θ, μ_k = ∫_0^π h(cos θ) P_k(cos θ) sin^{d−2}θ dθ / ∫_0^π sin^{d−2}θ dθ. The angular
 * form removes the (1 − t²)^{(d−3)/2} end-point singularity of the t-integral and turns the
 * √(1 − t²) and arccos t terms of the arc-cosine profiles into analytic functions of θ, so
 * composite Gauss–Legendre converges geometrically. The weight is evaluated as exp((d−2) log sin θ)
 * (never overflows) and the quotient is self-normalised (the same rule integrates the weight), so no
 * Γ-function ratio enters. For large d the weight concentrates at θ = π/2 with width 1/√d: the
 * interval is cut where the weight falls below e^{−745} of its peak and split into panels no wider
 * than min(π/16, 2.5/√d, 4/(K+1)), each integrated with 20 and with 32 Gauss–Legendre nodes.
 *
 * <p>Error bound per degree: |μ_32 − μ_20| (the discretisation error of the coarser rule, a
 * pessimistic bound for the finer one, whose value is returned) plus a round-off floor
 * (64 + 2k)·ε·E[|h(s_1) P_k(s_1)|], which dominates once N(d, k) is large: the eigenvalues of high
 * degree at large d are far below the round-off of h itself and cannot be resolved from profile
 * values. The floor grows with k because P_k(t) carries a relative error of order k·ε (from the
 * rounding of t and of the recurrence, P_k' ≈ k P_k / sin θ) and because the node pattern repeats on
 * every panel, so part of its rounding adds up coherently across panels. The difference of the two
 * rules is itself a noise sample and alone can fall below the noise by chance, which is how the former
 * constant floor 32·ε·E|h P_k| was passed (deep-ntk, d = 20, K = 1000, k ≈ 693–863, by up to 3×;
 * 3.8× on the test profiles below). Calibration (2026-11-26): on degrees whose exact value is 0 or below
 * 1e−60 ((1+t)³/8 beyond degree 3, e^t beyond 60, 1/(3 − t) beyond 120; K ∈ {30, …, 1000},
 * d ∈ {2, …, 10⁵}, 27 dimensions) the returned value never exceeded 0.31 of its bound.
 *
 * <p>Underflow: once the terms reach the subnormal range the relative-error model fails (an
 * operation's absolute error is then up to 2^−1075 rather than ε·|x|), so every term also adds
 * ((k+1)·|w h| + 1)·2^−1022 to the E[|h P_k|] sum (P_k's error after k subnormal steps, and the
 * product's and sum's own). That keeps the bound above any subnormal noise: formerly arccos0 at
 * d = 10⁵, k = 203 returned 6.2e−322 with bound 0. Each panel is summed into its own accumulator
 * before it is added to the total, which reduces the summation noise at small d.
 *
 * <p>Cost: O(panels · 52 · (K + cost of h)). Thread-safe (no state).
 */
final class FunkHeckeQuadrature {

    private static final GaussLegendre FINE = new GaussLegendre(32);
    private static final GaussLegendre COARSE = new GaussLegendre(20);
    private static final double EPS = Math.ulp(1.0);
    /** Round-off floor per degree: (ROUND_OFF_BASE + ROUND_OFF_SLOPE·k)·ε·E|h P_k|. */
    private static final double ROUND_OFF_BASE = 64;
    private static final double ROUND_OFF_SLOPE = 2;

    private FunkHeckeQuadrature() {
    }

    /** The coefficients μ_k and their absolute error bounds, k = 0..K. */
    record Result(double[] mu, double[] errorBound) {
    }

    /**
     * Integrates; d ≥ 2, K ≥ 0. The profile is given as a function of the angle θ ∈ [0, π], i.e.
     * θ ↦ h(cos θ).
     *
     * @throws IllegalArgumentException if the profile returns a non-finite value
     */
    static Result integrate(DoubleUnaryOperator profileAtAngle, int d, int maxDegree) {
        // integrate in δ = θ − π/2 ∈ [−L, L] (AnglePanels): t = cos θ = −sin δ
        int n = maxDegree + 1;
        double[] p = new double[n];
        AnglePanels.Sums sums = AnglePanels.integrate(d, maxDegree, FINE, COARSE, (delta, w, fine, panelSum, absolute) -> {
            double t = -Math.sin(delta);
            double h = profileAtAngle.applyAsDouble(0.5 * Math.PI + delta);
            if (!Double.isFinite(h)) {
                throw new IllegalArgumentException("kernel profile must be finite on [−1, 1], got " + h
                        + " at t = " + t);
            }
            SphericalHarmonics.fill(d, t, p);
            double wh = w * h;
            for (int k = 0; k < n; k++) {
                panelSum[k] += wh * p[k];
            }
            if (fine) {
                // |w h P_k| plus the underflow floor: P_k's absolute error from subnormal
                // steps (≤ (k+1)·2^−1074 after k steps) and the product's and sum's own
                double awh = Math.abs(wh);
                double tiny = awh * Double.MIN_NORMAL;
                for (int k = 0; k < n; k++) {
                    absolute[k] += awh * Math.abs(p[k]) + ((k + 1) * tiny + Double.MIN_NORMAL);
                }
            }
        });
        double[] fine = sums.fine();
        double[] coarse = sums.coarse();
        double[] absolute = sums.absolute();
        double zFine = sums.zFine();
        double zCoarse = sums.zCoarse();
        double[] mu = new double[n];
        double[] bound = new double[n];
        for (int k = 0; k < n; k++) {
            mu[k] = fine[k] / zFine;
            double floor = (ROUND_OFF_BASE + ROUND_OFF_SLOPE * k) * EPS * (absolute[k] / zFine);
            bound[k] = Math.abs(mu[k] - coarse[k] / zCoarse) + floor;
        }
        return new Result(mu, bound);
    }
}
