package org.ntk.spectral.dynamics;

import java.util.Arrays;
import java.util.Objects;

import org.ntk.core.network.ReluNetwork;

/**
 * The recorded course of one gradient-descent run with both layers trained ({@link BothLayersDescent}).
 *
 * <p>At each recorded step t: the loss L_t = (1/2n) ‖f_t − y‖² on the sample; the relative
 * Frobenius movement of the empirical both-layers NTK, ‖K_t − K_0‖_F / ‖K_0‖_F, with K_t the
 * 1/m-normalised {@code TwoLayerEmpiricalNtk.bothLayers} matrix of the current weights (MATH.md §3.2);
 * and the relative movement of the hidden weights ‖W_t − W_0‖_F / ‖W_0‖_F. Immutable: arrays are
 * copied in and out.
 *
 * @param schedule the step size and recorded steps
 * @param losses L_t at each recorded step
 * @param kernelChanges ‖K_t − K_0‖_F / ‖K_0‖_F at each recorded step (0 at step 0)
 * @param weightChanges ‖W_t − W_0‖_F / ‖W_0‖_F at each recorded step
 * @param finalNetwork the weights after the last step (the network computes Σ v_j φ(w_j·x); the trained
 *     model is m^{-1/2} times that)
 */
public record BothLayersTrajectory(DescentSchedule schedule, double[] losses, double[] kernelChanges,
        double[] weightChanges, ReluNetwork finalNetwork) {

    /**
     * Copies and checks the shapes.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an array's length is not the number of recorded steps
     */
    public BothLayersTrajectory {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(finalNetwork, "finalNetwork");
        losses = losses.clone();
        kernelChanges = kernelChanges.clone();
        weightChanges = weightChanges.clone();
        int s = schedule.recordCount();
        if (losses.length != s || kernelChanges.length != s || weightChanges.length != s) {
            throw new IllegalArgumentException("losses, kernelChanges and weightChanges must have length " + s
                    + ", got " + losses.length + ", " + kernelChanges.length + " and " + weightChanges.length);
        }
    }

    /** Returns a fresh copy of the recorded steps. */
    public int[] steps() {
        return schedule.recordedSteps();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public double[] kernelChanges() {
        return kernelChanges.clone();
    }

    @Override
    public double[] weightChanges() {
        return weightChanges.clone();
    }

    /** The kernel movement at the last recorded step. */
    public double finalKernelChange() {
        return kernelChanges[kernelChanges.length - 1];
    }

    /** Value equality: equal schedules, arrays element by element, and networks with equal weights. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BothLayersTrajectory t) || !schedule.equals(t.schedule) || !Arrays.equals(losses, t.losses)
                || !Arrays.equals(kernelChanges, t.kernelChanges) || !Arrays.equals(weightChanges, t.weightChanges)) {
            return false;
        }
        return Arrays.equals(finalNetwork.outputWeights(), t.finalNetwork.outputWeights())
                && Arrays.deepEquals(finalNetwork.hiddenWeights(), t.finalNetwork.hiddenWeights());
    }

    @Override
    public int hashCode() {
        return Objects.hash(schedule, Arrays.hashCode(losses), Arrays.hashCode(kernelChanges),
                Arrays.hashCode(weightChanges), Arrays.hashCode(finalNetwork.outputWeights()));
    }

    @Override
    public String toString() {
        return "BothLayersTrajectory[" + schedule + ", width=" + finalNetwork.width() + ", losses="
                + Arrays.toString(losses) + ", kernelChanges=" + Arrays.toString(kernelChanges) + "]";
    }
}
