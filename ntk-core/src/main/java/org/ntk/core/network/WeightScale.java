package org.ntk.core.network;

import org.ntk.core.validation.Validate;

/**
 * The variance of the i.i.d. Gaussian hidden weights (MATH.md §0).
 */
public enum WeightScale {
    /** Hidden weights N(0, 1) (VAR-1): the NTK paper's convention (seed 000's eigenvalues). */
    STANDARD,
    /** Hidden weights N(0, 1/d) (VAR-1/d): the FIM papers' convention, ‖w_j‖ ≈ 1, trace J ≈ m/2. */
    FAN_IN;

    /**
     * The variance of one hidden weight for input dimension d.
     *
     * @param d the input dimension, ≥ 1
     * @throws IllegalArgumentException if d &lt; 1 (FAN_IN would give ∞ or a negative variance)
     */
    public double variance(int d) {
        Validate.positive(d, "d");
        return this == STANDARD ? 1.0 : 1.0 / d;
    }
}
