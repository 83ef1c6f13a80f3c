package org.ntk.spectral.dynamics;

import java.util.Objects;

/**
 * The decay of the gradient-descent residual along one eigenfunction direction, observed and predicted
 * ({@link EigenfunctionDecay}).
 *
 * <p>Rates are per step of discrete gradient descent with step η, −ln|1 − ηΛ| for an eigenvalue Λ
 * ({@link DecayRates#discrete}).
 *
 * @param label the eigenfunction, e.g. "x1x2/|x|"
 * @param group its degree (0, 1 or 2), which is also its eigenvalue cluster
 * @param fitSteps the number of steps T of the fit window (steps 0..T were fitted)
 * @param overlap Σ (q·u_i)² over the cluster's eigenvectors of K/n: how much of the direction lies in
 *     its cluster (1 for an exact eigen-direction)
 * @param matchedEigenvalue the overlap-weighted eigenvalue of K/n within the cluster
 *     ({@link SampleSpectrum#matchedEigenvalue})
 * @param observedRate the log-linear fit to the observed projections q·r_t, t = 0..T
 * @param sampleRate −ln|1 − η·matchedEigenvalue|: the finite-sample prediction
 * @param populationRate −ln|1 − ηλ_k| with λ_k the Mercer eigenvalue of the group (MATH.md §3.4)
 */
public record DirectionDecay(String label, int group, int fitSteps, double overlap, double matchedEigenvalue,
        double observedRate, double sampleRate, double populationRate) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if label is null
     * @throws IllegalArgumentException if group &lt; 0 or fitSteps &lt; 1
     */
    public DirectionDecay {
        Objects.requireNonNull(label, "label");
        if (group < 0) {
            throw new IllegalArgumentException("group must be >= 0, got " + group);
        }
        if (fitSteps < 1) {
            throw new IllegalArgumentException("fitSteps must be >= 1, got " + fitSteps);
        }
    }

    /** observedRate / sampleRate − 1. */
    public double sampleRelativeError() {
        return observedRate / sampleRate - 1;
    }

    /** observedRate / populationRate − 1. */
    public double populationRelativeError() {
        return observedRate / populationRate - 1;
    }
}
