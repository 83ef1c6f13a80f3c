package org.ntk.spectral.dynamics;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link SimplicityBias} experiment: learning curves and times for the targets
 * ‖x‖, x_1x_2/‖x‖ and their mix, and the ratio of the times of x_1x_2/‖x‖ and ‖x‖, observed and
 * predicted. Immutable.
 *
 * @param experiment the parameters that produced it
 * @param population the Mercer eigenvalues λ0, λ1, λ2 (MATH.md §3.4)
 * @param targets the three targets, in the order "|x|", "x1x2/|x|", "mix"
 * @param observedRatio t(x1x2/|x|) / t(|x|), observed
 * @param predictedRatio the same from the exact spectral predictions
 * @param matchedRatio the same from the cluster-matched eigenvalues of K/n
 *     ("eigenvalue-weighted on the sample")
 * @param populationRatio the same from λ0 and λ2 with discrete steps:
 *     ln|1 − ηλ0| / ln|1 − ηλ2|
 * @param flowRatio the gradient-flow limit λ0/λ2 = (d+1)²
 */
public record SimplicityBiasResult(SimplicityBias experiment, PopulationEigenvalues population,
        List<TargetLearning> targets, double observedRatio, double predictedRatio, double matchedRatio,
        double populationRatio, double flowRatio) {

    /**
     * Copies.
     *
     * @throws NullPointerException if an argument is null
     */
    public SimplicityBiasResult {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(population, "population");
        targets = List.copyOf(targets);
    }

    /**
     * Returns the target with the given label.
     *
     * @throws IllegalArgumentException if there is none
     */
    public TargetLearning target(String label) {
        for (TargetLearning t : targets) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("label must be one of the targets' labels, got " + label);
    }
}
