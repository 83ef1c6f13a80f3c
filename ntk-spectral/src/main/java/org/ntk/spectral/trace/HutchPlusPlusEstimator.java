package org.ntk.spectral.trace;

import java.util.Objects;
import java.util.SplittableRandom;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.validation.Validate;

/**
 * Hutch++: the trace of a low-rank sketch computed exactly, plus Hutchinson's estimator on the
 * deflated remainder.
 *
 * <p>Algorithm (Meyer, Musco, Musco &amp; Woodruff 2021, Algorithm 1), with a budget of m products
 * split as s = ⌊m/3⌋ and g = m − 2s:
 * <ol>
 *   <li>S: n×s Rademacher; Q = orth(K S) by Householder QR (s products);</li>
 *   <li>t₁ = tr(Qᵀ K Q) exactly (s products);</li>
 *   <li>G: n×g Rademacher; G' = (I − QQᵀ) G; t₂ = (1/g) Σ_j g'_jᵀ K g'_j (g products);</li>
 *   <li>t̂ = t₁ + t₂.</li>
 * </ol>
 * Since tr K = tr(QᵀKQ) + tr((I−QQᵀ)K(I−QQᵀ)) for any orthonormal Q, t̂ is unbiased; its error is
 * that of Hutchinson on the deflated matrix, whose Frobenius norm is at most the tail
 * (Σ_{i>s} λ_i²)^{1/2} up to a constant, so the relative error falls like 1/m for a decaying
 * spectrum. The standard-error estimate is the sample standard error of the g Hutchinson terms,
 * conditional on Q (the only randomness left in t̂ given Q).
 *
 * <p>Budget: m ≥ 4 (so that g ≥ 2). When s ≥ n the sketch would span Rⁿ: then s = n, Q is a basis
 * of Rⁿ, t̂ = tr(QᵀKQ) is exact up to rounding, the standard error is 0 and only 2n products are
 * used. Cost: m matvecs plus O(n s² + n s g) for the QR and the projection; memory O(n(s + g)).
 * Probes come from {@link SplittableRandom}(seed): first S, then G, column by column. Stateless and
 * thread-safe.
 *
 * <p>Reference: R. A. Meyer, C. Musco, C. Musco, D. P. Woodruff, "Hutch++: optimal stochastic trace
 * estimation", SOSA 2021.
 */
public final class HutchPlusPlusEstimator implements TraceEstimator {

    /** A Hutch++ estimator (stateless). */
    public HutchPlusPlusEstimator() {
    }

    @Override
    public TraceEstimate estimate(KernelMatrix k, int budget, long seed) {
        Objects.requireNonNull(k, "k");
        Estimators.checkBudget(budget, minimumBudget());
        int n = k.size();
        int s = Math.min(budget / 3, n);
        Estimators.checkBlock(n, s < n ? budget - 2 * s : s, budget);
        Validate.heapFits(4L * n * Math.max(s, s < n ? budget - 2 * s : s),
                "Hutch++ probe blocks (budget " + budget + ", n = " + n + ")", "use a smaller budget");
        SplittableRandom random = new SplittableRandom(seed);

        double[] sketch = Blocks.rademacher(random, n, s);
        double[] y = Blocks.multiply(k, sketch, s);
        double[] q = ThinQr.of(y, n, s).q();
        double[] kq = Blocks.multiply(k, q, s);
        double lowRank = 0;
        double[] qkq = Blocks.columnDots(q, kq, n, s);
        for (double v : qkq) {
            lowRank += v;
        }
        if (s == n) {
            return Estimators.result(lowRank, 0.0, 2 * s, seed);
        }

        int g = budget - 2 * s; // ≥ s ≥ 1, and ≥ 2 since budget ≥ 4
        double[] probes = Blocks.rademacher(random, n, g);
        // G' = G − Q (Qᵀ G)
        double[] qtg = Blocks.transposeTimes(q, s, probes, g, n);
        double[] proj = Blocks.times(q, s, qtg, g, n);
        for (int i = 0; i < probes.length; i++) {
            probes[i] -= proj[i];
        }
        double[] kp = Blocks.multiply(k, probes, g);
        double[] samples = Blocks.columnDots(probes, kp, n, g);
        double[] ms = Blocks.meanAndStandardError(samples);
        return Estimators.result(lowRank + ms[0], ms[1], budget, seed);
    }

    /** Returns 4: one sketch column, its product with Q, and two Hutchinson probes. */
    @Override
    public int minimumBudget() {
        return 4;
    }

    @Override
    public String toString() {
        return "Hutch++";
    }
}
