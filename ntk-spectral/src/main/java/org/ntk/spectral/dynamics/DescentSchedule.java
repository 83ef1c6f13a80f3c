package org.ntk.spectral.dynamics;

import java.util.Arrays;
import java.util.Objects;

/**
 * A gradient-descent schedule: the step size η and the steps t at which the state is recorded.
 *
 * <p>Step t means "after t updates" (t = 0 is the initial state). The run performs
 * {@link #totalSteps()} = the last recorded step updates. Immutable; the array is copied in and out.
 *
 * @param learningRate the step size η, finite and &gt; 0
 * @param recordedSteps the steps to record, strictly increasing, each ≥ 0; at least one
 */
public record DescentSchedule(double learningRate, int[] recordedSteps) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if recordedSteps is null
     * @throws IllegalArgumentException if learningRate is not finite and &gt; 0, recordedSteps is empty,
     *     a step is negative, or the steps do not strictly increase
     */
    public DescentSchedule {
        if (!(learningRate > 0) || learningRate == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        Objects.requireNonNull(recordedSteps, "recordedSteps");
        if (recordedSteps.length == 0) {
            throw new IllegalArgumentException("recordedSteps must not be empty, got length 0");
        }
        recordedSteps = recordedSteps.clone();
        for (int i = 0; i < recordedSteps.length; i++) {
            if (recordedSteps[i] < 0) {
                throw new IllegalArgumentException("recordedSteps[" + i + "] must be >= 0, got " + recordedSteps[i]);
            }
            if (i > 0 && recordedSteps[i] <= recordedSteps[i - 1]) {
                throw new IllegalArgumentException("recordedSteps must strictly increase, got recordedSteps[" + i
                        + "] = " + recordedSteps[i] + " after " + recordedSteps[i - 1]);
            }
        }
    }

    /**
     * A schedule that records the given steps.
     *
     * @param learningRate the step size η, finite and &gt; 0
     * @param steps the steps to record, strictly increasing, each ≥ 0. Not modified.
     * @throws IllegalArgumentException if an argument is out of its domain
     */
    public static DescentSchedule at(double learningRate, int... steps) {
        return new DescentSchedule(learningRate, steps);
    }

    /**
     * A schedule that records every step 0, 1, …, steps.
     *
     * @param learningRate the step size η, finite and &gt; 0
     * @param steps the number of updates, ≥ 0
     * @throws IllegalArgumentException if an argument is out of its domain
     */
    public static DescentSchedule everyStep(double learningRate, int steps) {
        return strided(learningRate, steps, 1);
    }

    /**
     * A schedule that records steps 0, stride, 2·stride, … and always the last step {@code steps}.
     *
     * @param learningRate the step size η, finite and &gt; 0
     * @param steps the number of updates, ≥ 0
     * @param stride the spacing of recorded steps, ≥ 1
     * @throws IllegalArgumentException if an argument is out of its domain
     */
    public static DescentSchedule strided(double learningRate, int steps, int stride) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        }
        int count = steps / stride + 1 + (steps % stride == 0 ? 0 : 1);
        int[] s = new int[count];
        for (int i = 0; i < count - 1; i++) {
            s[i] = i * stride;
        }
        s[count - 1] = steps;
        return new DescentSchedule(learningRate, s);
    }

    /** Returns a fresh copy of the recorded steps. */
    @Override
    public int[] recordedSteps() {
        return recordedSteps.clone();
    }

    /** The number of updates the run performs: the last recorded step. */
    public int totalSteps() {
        return recordedSteps[recordedSteps.length - 1];
    }

    /** The number of recorded states. */
    public int recordCount() {
        return recordedSteps.length;
    }

    /** Returns recorded step i. */
    public int recordedStep(int i) {
        return recordedSteps[Objects.checkIndex(i, recordedSteps.length)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DescentSchedule s && Double.compare(s.learningRate, learningRate) == 0
                && Arrays.equals(s.recordedSteps, recordedSteps);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(learningRate) + Arrays.hashCode(recordedSteps);
    }

    @Override
    public String toString() {
        return "DescentSchedule[learningRate=" + learningRate + ", steps=" + totalSteps() + ", recorded="
                + recordedSteps.length + "]";
    }
}
