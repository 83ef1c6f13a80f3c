package org.ntk.spectral.dynamics;

import java.util.Objects;

import org.ntk.core.kernel.Kernels;
import org.ntk.core.mercer.MercerSpectra;
import org.ntk.core.mercer.MercerSpectrum;
import org.ntk.core.network.WeightScale;
import org.ntk.core.validation.Validate;

/**
 * The exact Mercer eigenvalues of degrees 0, 1 and 2 of the random-feature NTK (only the output layer
 * trained) under x ~ N(0, I_d): the population-limit decay rates of gradient flow (MATH.md §3.4, §5).
 *
 * <p>For hidden weights N(0, 1) ({@link WeightScale#STANDARD}, VAR-1) and the m^{-1/2} (1/m-normalised)
 * parametrisation:
 * <pre>
 *   λ0 = d² c_d²   (eigenfunction ‖x‖, multiplicity 1)
 *   λ1 = 1/4       (x_l, multiplicity d)
 *   λ2 = d² c_d²/(d+1)²   (x_a x_b/‖x‖ and the Helmert functions, multiplicity d(d+1)/2 − 1)
 *   c_d = Γ(d/2)/(2√π Γ((d+1)/2))   (MATH.md §0)
 * </pre>
 * taken from {@link MercerSpectra} for the {@code arccos1} kernel (its closed forms, ≈ 1e−15
 * relative). For {@link WeightScale#FAN_IN} (N(0, 1/d)) every eigenvalue is divided by d. Odd degrees
 * ≥ 3 have eigenvalue 0; even degrees ≥ 4 hold less than 2.26% of the trace together and are not given
 * here (see {@link MercerSpectra} for all degrees). For d = 1 there is no degree-2 eigenfunction:
 * λ2 is 0 with multiplicity 0.
 *
 * @param dimension d ≥ 1
 * @param scale the hidden-weight variance
 * @param lambda0 λ0
 * @param lambda1 λ1
 * @param lambda2 λ2 (0 for d = 1)
 */
public record PopulationEigenvalues(int dimension, WeightScale scale, double lambda0, double lambda1, double lambda2) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if scale is null
     * @throws IllegalArgumentException if d &lt; 1, λ0 or λ1 is not finite and &gt; 0, or λ2 is not
     *     finite and ≥ 0
     */
    public PopulationEigenvalues {
        Validate.positive(dimension, "dimension");
        Objects.requireNonNull(scale, "scale");
        Validate.positive(lambda0, "lambda0");
        Validate.positive(lambda1, "lambda1");
        Validate.nonNegative(lambda2, "lambda2");
    }

    /**
     * The eigenvalues for input dimension d and the given hidden-weight scale. Cost O(1).
     *
     * @param d the input dimension, ≥ 1
     * @param scale the hidden-weight variance
     * @return λ0, λ1, λ2
     * @throws NullPointerException if scale is null
     * @throws IllegalArgumentException if d &lt; 1
     */
    public static PopulationEigenvalues of(int d, WeightScale scale) {
        Validate.positive(d, "d");
        Objects.requireNonNull(scale, "scale");
        MercerSpectrum s = MercerSpectra.of(Kernels.arcCosine(1), d, d == 1 ? 1 : 2);
        double var = scale.variance(d);
        return new PopulationEigenvalues(d, scale, var * s.eigenvalue(0), var * s.eigenvalue(1),
                d == 1 ? 0 : var * s.eigenvalue(2));
    }

    /**
     * Returns λ_k for degree k in {0, 1, 2}.
     *
     * @throws IllegalArgumentException if k is not 0, 1 or 2
     */
    public double eigenvalue(int degree) {
        switch (degree) {
            case 0:
                return lambda0;
            case 1:
                return lambda1;
            case 2:
                return lambda2;
            default:
                throw new IllegalArgumentException("degree must be 0, 1 or 2, got " + degree);
        }
    }

    /**
     * Returns the multiplicity of degree k in {0, 1, 2}: 1, d, d(d+1)/2 − 1.
     *
     * @throws IllegalArgumentException if k is not 0, 1 or 2
     */
    public int multiplicity(int degree) {
        switch (degree) {
            case 0:
                return 1;
            case 1:
                return dimension;
            case 2:
                return dimension * (dimension + 1) / 2 - 1;
            default:
                throw new IllegalArgumentException("degree must be 0, 1 or 2, got " + degree);
        }
    }

    /** The eigen-index where degree k's cluster starts in a non-increasing spectrum (0, 1, d+1). */
    public int clusterStart(int degree) {
        int s = 0;
        for (int k = 0; k < degree; k++) {
            s += multiplicity(k);
        }
        multiplicity(degree);
        return s;
    }
}
