package org.ntk.spectral.density;

/**
 * The law of the random probe vectors of a stochastic trace or density estimator. Both give unbiased
 * estimates of tr(f(K))/n from qᵀ f(K) q with q = v/‖v‖.
 */
public enum ProbeDistribution {

    /** Independent ±1 entries: ‖v‖² = n exactly, the lowest variance for diagonal-heavy matrices. */
    RADEMACHER,

    /** Independent N(0, 1) entries: q uniform on the unit sphere, rotation-invariant. */
    GAUSSIAN
}
