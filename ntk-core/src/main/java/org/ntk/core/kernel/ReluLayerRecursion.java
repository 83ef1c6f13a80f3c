package org.ntk.core.kernel;

/**
 * The layer recursion of the deep ReLU NTK and NNGP on unit vectors (MATH.md §6.2, c_σ = 2),
 * evaluated in terms of the angle and the gap 1 − ρ so that it stays accurate at any depth.
 *
 * <p>With ρ_1 = t and θ_l = arccos ρ_l, one layer maps
 * <pre>
 *   Ġ_{l+1} = kappa0_nrm(ρ_l) = (π − θ_l)/π,
 *   ρ_{l+1} = kappa1_nrm(ρ_l) = (sin θ_l + (π − θ_l) ρ_l)/π,
 *   K_{l+1} = K_l·Ġ_{l+1} + ρ_{l+1}.
 * </pre>
 * As depth grows ρ_l → 1, where a double holds ρ only to an absolute ε and θ_l = arccos ρ_l — hence
 * every later Ġ — would carry a relative error ε/θ_l² (1e−10 per layer for θ ≈ 1e−3). The recursion
 * therefore carries the gap γ_l = 1 − ρ_l itself:
 * <pre>
 *   γ_{l+1} = γ_l + (θ_l cos θ_l − sin θ_l)/π,    θ_l = arccos(1 − γ_l),   sin θ_l = √(γ_l (1 + ρ_l)),
 * </pre>
 * with θ cos θ − sin θ = Σ_{k≥1} (−1)^k 2k θ^{2k+1}/(2k+1)! summed as a series for θ &lt; 1/2 (where the
 * two terms cancel) and {@link Arccos#acosOfOneMinus} for the angle, so each layer keeps full
 * relative accuracy in γ and θ. The first layer starts from t itself (θ_1 = arccos t). After it
 * ρ_l ∈ [0, 1]; γ is clamped to [0, 1] against rounding.
 */
final class ReluLayerRecursion {

    /** Coefficients c_k = (−1)^k 2k/(2k+1)! of θcosθ − sinθ = θ³ Σ_{k≥1} c_k θ^{2(k−1)}, k = 1..9. */
    private static final double[] SERIES = new double[9];

    static {
        double fact = 6; // (2k+1)! for k = 1
        for (int k = 1; k <= 9; k++) {
            SERIES[k - 1] = (k % 2 == 0 ? 1 : -1) * (2.0 * k) / fact;
            fact *= (2 * k + 2) * (2.0 * k + 3);
        }
    }

    private ReluLayerRecursion() {
    }

    /** θ cos θ − sin θ, given θ ∈ [0, π], cos θ and sin θ. */
    private static double thetaCosMinusSin(double theta, double cos, double sin) {
        if (theta < 0.5) {
            double z = theta * theta;
            double p = SERIES[8];
            for (int k = 7; k >= 0; k--) {
                p = SERIES[k] + z * p;
            }
            return theta * z * p;
        }
        return theta * cos - sin;
    }

    /**
     * The deep NTK profile K_{h+1}(t) (ntk = true) or the NNGP profile ρ_{h+1}(t) (ntk = false).
     *
     * @param t the cosine, already clamped to [−1, 1]
     * @param hiddenLayers h ≥ 1
     */
    static double evaluate(double t, int hiddenLayers, boolean ntk) {
        double rho = t;
        double gap = 1 - t;
        double onePlus = 1 + t;
        double theta = Arccos.acos(t);
        double k = t;
        for (int l = 0; l < hiddenLayers; l++) {
            if (l > 0) {
                theta = Arccos.acosOfOneMinus(gap);
            }
            double sin = Math.sqrt(gap * onePlus);
            double next = gap + thetaCosMinusSin(theta, rho, sin) / Math.PI;
            next = next < 0 ? 0 : (next > 1 ? 1 : next);
            double g = 1 - next;
            k = k * ((Math.PI - theta) / Math.PI) + g;
            rho = g;
            gap = next;
            onePlus = 2 - next;
        }
        return ntk ? k : rho;
    }
}
