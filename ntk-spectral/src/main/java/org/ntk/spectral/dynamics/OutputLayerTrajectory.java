package org.ntk.spectral.dynamics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The recorded course of one gradient-descent run on the output layer ({@link OutputLayerDescent}).
 *
 * <p>All quantities are on the sample: the residual r_t = f_t − y (f_t = m^{-1/2} Φ v_t), the loss
 * L_t = (1/2n) ‖r_t‖², and the projections q_g·r_t on the run's directions. Immutable: arrays are
 * copied in and out.
 *
 * @param schedule the step size and recorded steps
 * @param labels the label of each direction (may be empty)
 * @param losses L_t at each recorded step
 * @param projections row g, column j: q_g·r_t at recorded step j
 * @param initialResidual r_0 = f_0 − y, length n
 * @param finalResidual r_T at the last step, length n
 * @param finalOutputWeights v_T, length m (state parametrisation f = m^{-1/2} v·φ)
 */
public record OutputLayerTrajectory(DescentSchedule schedule, List<String> labels, double[] losses,
        double[][] projections, double[] initialResidual, double[] finalResidual, double[] finalOutputWeights) {

    /**
     * Copies and checks the shapes.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the number of losses or of projection columns is not the
     *     number of recorded steps, or the number of projection rows is not the number of labels
     */
    public OutputLayerTrajectory {
        Objects.requireNonNull(schedule, "schedule");
        labels = List.copyOf(labels);
        losses = losses.clone();
        projections = ArrayCopies.deep(projections);
        initialResidual = initialResidual.clone();
        finalResidual = finalResidual.clone();
        finalOutputWeights = finalOutputWeights.clone();
        int s = schedule.recordCount();
        if (losses.length != s) {
            throw new IllegalArgumentException("losses has length " + losses.length + ", expected " + s);
        }
        if (projections.length != labels.size()) {
            throw new IllegalArgumentException("projections has " + projections.length + " rows, expected "
                    + labels.size() + " (one per label)");
        }
        for (int g = 0; g < projections.length; g++) {
            if (projections[g].length != s) {
                throw new IllegalArgumentException("projections[" + g + "] has length " + projections[g].length
                        + ", expected " + s);
            }
        }
        if (finalResidual.length != initialResidual.length) {
            throw new IllegalArgumentException("finalResidual has length " + finalResidual.length + ", expected "
                    + initialResidual.length);
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
    public double[][] projections() {
        return ArrayCopies.deep(projections);
    }

    /** Returns a fresh copy of the projections on direction g at every recorded step. */
    public double[] projection(int g) {
        return projections[Objects.checkIndex(g, projections.length)].clone();
    }

    @Override
    public double[] initialResidual() {
        return initialResidual.clone();
    }

    @Override
    public double[] finalResidual() {
        return finalResidual.clone();
    }

    @Override
    public double[] finalOutputWeights() {
        return finalOutputWeights.clone();
    }

    /** Value equality: equal schedules, labels and arrays element by element. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OutputLayerTrajectory t && schedule.equals(t.schedule) && labels.equals(t.labels)
                && Arrays.equals(losses, t.losses) && Arrays.deepEquals(projections, t.projections)
                && Arrays.equals(initialResidual, t.initialResidual) && Arrays.equals(finalResidual, t.finalResidual)
                && Arrays.equals(finalOutputWeights, t.finalOutputWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schedule, labels, Arrays.hashCode(losses), Arrays.deepHashCode(projections),
                Arrays.hashCode(initialResidual), Arrays.hashCode(finalResidual), Arrays.hashCode(finalOutputWeights));
    }

    @Override
    public String toString() {
        return "OutputLayerTrajectory[" + schedule + ", directions=" + labels.size() + ", n=" + initialResidual.length
                + ", m=" + finalOutputWeights.length + ", losses=" + Arrays.toString(losses) + "]";
    }
}
