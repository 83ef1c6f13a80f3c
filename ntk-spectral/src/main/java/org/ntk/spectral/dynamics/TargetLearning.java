package org.ntk.spectral.dynamics;

import java.util.Arrays;
import java.util.Objects;

/**
 * How fast one target is learned by output-layer gradient descent ({@link SimplicityBias}): relative
 * loss curves L_t/L_0 at steps 0..T, observed and predicted, and the times at which they reach the
 * level ε. Times are fractional steps (interpolated in ln L between recorded steps) and NaN when the
 * level is not reached within T steps. Immutable; arrays are copied in and out.
 *
 * @param label the target, e.g. "|x|"
 * @param observedLoss the observed relative loss at steps 0..T
 * @param predictedLoss the finite-sample spectral prediction (1/2n L_0) Σ_i (1 − ηΛ_i)^{2t} (u_i·r_0)²
 *     (exact for this model)
 * @param populationLoss Σ_k w_k |1 − ηλ_k|^{2t}, with w_k the target's share in degree k under
 *     N(0, I_d) (MATH.md §3.4)
 * @param observedTime when the observed curve reaches ε
 * @param predictedTime when the predicted curve reaches ε
 * @param matchedTime when the cluster-matched model Σ_c ŵ_c |1 − ηΛ_c|^{2t} reaches ε (ŵ_c the
 *     target's share of ‖r_0‖² in cluster c of K/n, Λ_c its overlap-weighted eigenvalue there, c over
 *     degrees 0, 1, 2 and the rest of the spectrum)
 * @param populationTime when the population curve reaches ε
 */
public record TargetLearning(String label, double[] observedLoss, double[] predictedLoss, double[] populationLoss,
        double observedTime, double predictedTime, double matchedTime, double populationTime) {

    /**
     * Copies and checks the lengths.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the curves differ in length
     */
    public TargetLearning {
        Objects.requireNonNull(label, "label");
        observedLoss = observedLoss.clone();
        predictedLoss = predictedLoss.clone();
        populationLoss = populationLoss.clone();
        if (predictedLoss.length != observedLoss.length || populationLoss.length != observedLoss.length) {
            throw new IllegalArgumentException("the loss curves must have equal lengths, got " + observedLoss.length
                    + ", " + predictedLoss.length + " and " + populationLoss.length);
        }
    }

    /** The number of curve points, T + 1 (steps 0..T). */
    public int length() {
        return observedLoss.length;
    }

    @Override
    public double[] observedLoss() {
        return observedLoss.clone();
    }

    @Override
    public double[] predictedLoss() {
        return predictedLoss.clone();
    }

    @Override
    public double[] populationLoss() {
        return populationLoss.clone();
    }

    /** Value equality: equal labels, times and curves element by element. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TargetLearning t && label.equals(t.label) && Arrays.equals(observedLoss, t.observedLoss)
                && Arrays.equals(predictedLoss, t.predictedLoss) && Arrays.equals(populationLoss, t.populationLoss)
                && Double.compare(observedTime, t.observedTime) == 0 && Double.compare(predictedTime, t.predictedTime) == 0
                && Double.compare(matchedTime, t.matchedTime) == 0 && Double.compare(populationTime, t.populationTime) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(observedLoss), Arrays.hashCode(predictedLoss),
                Arrays.hashCode(populationLoss), observedTime, predictedTime, matchedTime, populationTime);
    }

    @Override
    public String toString() {
        return "TargetLearning[" + label + ", steps=" + (observedLoss.length - 1) + ", observedTime=" + observedTime
                + ", predictedTime=" + predictedTime + ", matchedTime=" + matchedTime + ", populationTime="
                + populationTime + "]";
    }
}
