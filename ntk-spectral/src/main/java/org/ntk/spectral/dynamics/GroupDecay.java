package org.ntk.spectral.dynamics;

/**
 * The decay of the gradient-descent residual along one group of eigenfunctions (one degree), averaged
 * over the group's directions ({@link EigenfunctionDecay}). Rates are per step, −ln|1 − ηΛ|.
 *
 * @param group the degree k (0, 1 or 2)
 * @param size the number of directions (the multiplicity: 1, d, d(d+1)/2 − 1)
 * @param meanObservedRate the mean of the directions' observed rates
 * @param meanSampleRate the mean of the directions' finite-sample predicted rates
 * @param clusterMeanEigenvalue the mean of the eigenvalues of K/n in the group's cluster
 * @param clusterRate −ln|1 − η·clusterMeanEigenvalue|
 * @param populationEigenvalue the Mercer eigenvalue λ_k (MATH.md §3.4)
 * @param populationRate −ln|1 − ηλ_k|
 */
public record GroupDecay(int group, int size, double meanObservedRate, double meanSampleRate,
        double clusterMeanEigenvalue, double clusterRate, double populationEigenvalue, double populationRate) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if group &lt; 0 or size &lt; 1
     */
    public GroupDecay {
        if (group < 0) {
            throw new IllegalArgumentException("group must be >= 0, got " + group);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
    }

    /** meanObservedRate / meanSampleRate − 1. */
    public double sampleRelativeError() {
        return meanObservedRate / meanSampleRate - 1;
    }

    /** meanObservedRate / populationRate − 1. */
    public double populationRelativeError() {
        return meanObservedRate / populationRate - 1;
    }
}
