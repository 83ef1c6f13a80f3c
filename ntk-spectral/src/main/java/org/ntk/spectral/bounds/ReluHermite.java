package org.ntk.spectral.bounds;

/**
 * Hermite coefficients of ReLU and of its derivative, the step function, in the orthonormal
 * probabilists' basis h_r = He_r/√(r!) under G ~ N(0, 1) (MATH.md §7).
 *
 * <pre>
 * μ_r = E[ReLU(G) h_r(G)]:  μ_0 = 1/√(2π), μ_1 = 1/2, μ_r = 0 (odd r ≥ 3),
 *                           μ_r = (−1)^{(r−2)/2} (r−3)!! / √(2π · r!)   (even r ≥ 2, (−1)!! = 1)
 * b_r = E[step(G) h_r(G)]:  b_0 = 1/2, b_r = He_{r−1}(0)/√(2π · r!)   (r ≥ 1), so b_r = 0 for even r ≥ 2
 * </pre>
 *
 * <p>Σ_r μ_r² ρ^r = kappa1(ρ) and Σ_r b_r² ρ^r = kappa0(ρ) (MATH.md §1), so Σ μ_r² = E[ReLU(G)²] = 1/2
 * and Σ b_r² = 1/2; μ_r² = Θ(r^{−5/2}).
 *
 * <p>Numerics: for r ≤ {@value #RECURSION_LIMIT} the coefficients come from the exact two-step ratios
 * μ_{r+2}/μ_r = −(r−1)/√((r+1)(r+2)) and b_{r+2}/b_r = −r/√((r+1)(r+2)) (relative error below
 * r·1e−16); above, in log space from (r−3)!!²/r! = Γ((r−1)/2) / (√π Γ(r/2) r (r−1)) with the gamma
 * ratio from Stirling's series (no cancellation), so nothing overflows for any int r and the relative
 * error stays near 1e−15. Odd r ≥ 3 (ReLU) and even
 * r ≥ 2 (step) give exactly 0. O(min(r, {@value #RECURSION_LIMIT})) time. Stateless and thread-safe.
 */
public final class ReluHermite {

    /** Largest order computed by the product recursion; larger orders use log-gamma. */
    static final int RECURSION_LIMIT = 1024;

    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    private ReluHermite() {
    }

    /**
     * The r-th Hermite coefficient μ_r of ReLU (MATH.md §7).
     *
     * @param r the order, ≥ 0
     * @return μ_r; exactly 0 for odd r ≥ 3
     * @throws IllegalArgumentException if r &lt; 0
     */
    public static double relu(int r) {
        checkOrder(r);
        if (r == 0) {
            return INV_SQRT_2PI;
        }
        if (r == 1) {
            return 0.5;
        }
        if (r % 2 == 1) {
            return 0.0;
        }
        double sign = ((r - 2) / 2) % 2 == 0 ? 1.0 : -1.0;
        if (r <= RECURSION_LIMIT) {
            // μ_2 = 1/√(2π·2); μ_{s+2} = −(s−1)/√((s+1)(s+2)) μ_s.
            double mu = INV_SQRT_2PI / Math.sqrt(2.0);
            for (int s = 2; s < r; s += 2) {
                mu *= (s - 1) / Math.sqrt((s + 1.0) * (s + 2.0));
            }
            return sign * mu;
        }
        // (r−3)!!² / r! = Γ((r−1)/2) / (√π Γ(r/2) r (r−1)).
        double logSquare = logGammaHalfRatio((r - 1) / 2.0)
                - 0.5 * Math.log(Math.PI) - Math.log(r) - Math.log(r - 1.0);
        return sign * INV_SQRT_2PI * Math.exp(0.5 * logSquare);
    }

    /**
     * The r-th Hermite coefficient b_r of the step function 1{t &gt; 0}, the derivative of ReLU
     * (MATH.md §7).
     *
     * @param r the order, ≥ 0
     * @return b_r; exactly 0 for even r ≥ 2
     * @throws IllegalArgumentException if r &lt; 0
     */
    public static double step(int r) {
        checkOrder(r);
        if (r == 0) {
            return 0.5;
        }
        if (r % 2 == 0) {
            return 0.0;
        }
        double sign = ((r - 1) / 2) % 2 == 0 ? 1.0 : -1.0;
        if (r <= RECURSION_LIMIT) {
            // b_1 = 1/√(2π); b_{s+2} = −s/√((s+1)(s+2)) b_s.
            double b = INV_SQRT_2PI;
            for (int s = 1; s < r; s += 2) {
                b *= s / Math.sqrt((s + 1.0) * (s + 2.0));
            }
            return sign * b;
        }
        // He_{r−1}(0)² / r! = (r−2)!!² / r! = Γ(r/2) / (√π Γ((r+1)/2) r)   (r odd).
        double logSquare = logGammaHalfRatio(r / 2.0) - 0.5 * Math.log(Math.PI) - Math.log(r);
        return sign * INV_SQRT_2PI * Math.exp(0.5 * logSquare);
    }

    /**
     * ln(Γ(z)/Γ(z + 1/2)) for z ≥ 256 without cancellation: Stirling's series for both terms with the
     * leading logarithms combined as −(1/2)ln z − z·log1p(1/(2z)) + 1/2; the omitted series term is
     * below 1/z⁹ &lt; 1e−21.
     */
    static double logGammaHalfRatio(double z) {
        return -0.5 * Math.log(z) - z * Math.log1p(0.5 / z) + 0.5 + stirlingTail(z) - stirlingTail(z + 0.5);
    }

    /** Σ B_{2k}/(2k(2k−1) z^{2k−1}) for k = 1..4. */
    private static double stirlingTail(double z) {
        double iz = 1 / z;
        double iz2 = iz * iz;
        return iz * (1.0 / 12 - iz2 * (1.0 / 360 - iz2 * (1.0 / 1260 - iz2 / 1680)));
    }

    private static void checkOrder(int r) {
        if (r < 0) {
            throw new IllegalArgumentException("r must be >= 0, got " + r);
        }
    }
}
