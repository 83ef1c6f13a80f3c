package org.ntk.spectral.trace;

/**
 * The result of one stochastic trace estimate: the estimate, its estimated standard error, the number
 * of matrix–vector products spent and the seed that reproduces it.
 *
 * <p>Immutable and thread-safe. Running the same {@link TraceEstimator} on the same matrix with the
 * same budget and {@code seed} gives a bitwise identical record.
 *
 * @param estimate the estimate of tr(K), finite
 * @param standardError the estimator's own estimate of its standard error, finite and ≥ 0; 0 when
 *     the method was exact (for example a sketch spanning all of Rⁿ)
 * @param matvecs the number of products K v actually computed, ≥ 1 and at most the budget
 * @param seed the seed of the random probes
 */
public record TraceEstimate(double estimate, double standardError, int matvecs, long seed) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if estimate is not finite, standardError is not finite and
     *     ≥ 0, or matvecs &lt; 1
     */
    public TraceEstimate {
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException("estimate must be finite, got " + estimate);
        }
        if (!(standardError >= 0) || standardError == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("standardError must be finite and >= 0, got " + standardError);
        }
        if (matvecs < 1) {
            throw new IllegalArgumentException("matvecs must be >= 1, got " + matvecs);
        }
    }

    /**
     * The standard error relative to the estimate, standardError / |estimate| (infinite when the
     * estimate is 0 and the standard error is not).
     */
    public double relativeStandardError() {
        return standardError == 0 ? 0 : standardError / Math.abs(estimate);
    }
}
