package org.ntk.core.mercer;

import java.util.Arrays;

/**
 * The composite Gauss–Legendre skeleton shared by the Funk–Hecke quadratures: integrals over the
 * angle θ ∈ [0, π] against the weight sin^{d−2}θ, taken in δ = θ − π/2 on equal panels of
 * [−L, L], each with a fine and a coarse rule (their difference is the quadrature error estimate).
 *
 * <p>The caller supplies the integrand node by node ({@link Node}); this class owns the panels, the
 * nodes and weights, the per-panel partial sums (summed separately before they enter the totals, less
 * summation noise at small d) and the integrals of the weight itself, by which the caller normalises.
 * Stateless; the {@link Sums} it returns are fresh.
 */
final class AnglePanels {

    private AnglePanels() {
    }

    /** Adds one node's contribution. */
    interface Node {

        /**
         * Adds w·f_k(δ) to {@code panelSum[k]} for every degree k, and, for the fine rule only, the
         * caller's measure of |w·f_k(δ)| (for its round-off bound) to {@code absolute[k]}.
         *
         * @param delta the node, δ = θ − π/2
         * @param w the node's weight including sin^{d−2}θ; never 0
         * @param fine whether this is the fine rule
         */
        void add(double delta, double w, boolean fine, double[] panelSum, double[] absolute);
    }

    /** Per-degree sums of the fine and coarse rules, the fine rule's absolute sums and ∫ sin^{d−2}θ by each rule. */
    record Sums(double[] fine, double[] coarse, double[] absolute, double zFine, double zCoarse) {
    }

    /**
     * The half-width L of the range integrated: π/2, cut for d &gt; 3 where the weight sin^{d−2}θ
     * drops below e^−745 (|δ| ≤ 0.38 at d = 10⁴).
     */
    static double halfWidth(int d) {
        double halfWidth = 0.5 * Math.PI;
        if (d > 3) {
            double c = Math.exp(-745.0 / (d - 2));
            if (c > 1e-3) {
                halfWidth = Math.acos(c);
            }
        }
        return halfWidth;
    }

    /** The number of equal panels on [−L, L]: width ≤ min(π/16, 2.5/√d, 4/(K+1)). */
    static int panels(double halfWidth, int d, int maxDegree) {
        double width = Math.min(Math.PI / 16, Math.min(2.5 / Math.sqrt(d), 4.0 / (maxDegree + 1)));
        return (int) Math.ceil(2 * halfWidth / width);
    }

    /**
     * sin^{d−2}θ at θ = π/2 + δ, as exp((d−2)·log1p(−2 sin²(δ/2))), which keeps its relative accuracy
     * near the peak δ = 0 where a plain log(sin θ) would lose (d−2)·ε.
     */
    static double sineWeight(int d, double delta) {
        if (d == 2) {
            return 1;
        }
        double s = Math.sin(0.5 * delta);
        return Math.exp((d - 2) * Math.log1p(-2 * s * s));
    }

    /**
     * Integrates degrees 0..maxDegree with the two rules; nodes whose weight underflows to 0 are
     * skipped (they count in neither the integrand nor the weight's integral).
     */
    static Sums integrate(int d, int maxDegree, GaussLegendre fineRule, GaussLegendre coarseRule, Node node) {
        double halfWidth = halfWidth(d);
        int panels = panels(halfWidth, d, maxDegree);
        double step = 2 * halfWidth / panels;
        int n = maxDegree + 1;
        double[] fine = new double[n];
        double[] coarse = new double[n];
        double[] absolute = new double[n];
        double[] panelSum = new double[n];
        double zFine = 0;
        double zCoarse = 0;
        for (int panel = 0; panel < panels; panel++) {
            double mid = -halfWidth + (panel + 0.5) * step;
            double half = 0.5 * step;
            for (int rule = 0; rule < 2; rule++) {
                GaussLegendre g = rule == 0 ? fineRule : coarseRule;
                Arrays.fill(panelSum, 0);
                double z = 0;
                for (int i = 0; i < g.size(); i++) {
                    double delta = mid + half * g.node(i);
                    double w = half * g.weight(i) * sineWeight(d, delta);
                    z += w;
                    if (w == 0) {
                        continue;
                    }
                    node.add(delta, w, rule == 0, panelSum, absolute);
                }
                double[] acc = rule == 0 ? fine : coarse;
                for (int k = 0; k < n; k++) {
                    acc[k] += panelSum[k];
                }
                if (rule == 0) {
                    zFine += z;
                } else {
                    zCoarse += z;
                }
            }
        }
        return new Sums(fine, coarse, absolute, zFine, zCoarse);
    }
}
