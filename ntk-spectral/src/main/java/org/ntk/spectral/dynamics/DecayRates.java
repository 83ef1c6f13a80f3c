package org.ntk.spectral.dynamics;

import java.util.Objects;

import org.ntk.core.validation.Validate;

/**
 * Decay rates per step: fitted to an observed sequence, and predicted from an eigenvalue.
 *
 * <p>A component that evolves as c·ρ^t decays at rate −ln|ρ| per step. For discrete gradient descent
 * with step η along an eigenvalue Λ, ρ = 1 − ηΛ (MATH.md §5 on a sample, {@link SampleSpectrum}); for
 * gradient flow the rate per unit of η·t is Λ, i.e. ηΛ per step. All methods are pure functions.
 */
public final class DecayRates {

    private DecayRates() {
    }

    /**
     * Returns the decay rate per step fitted by least squares to ln|values| against steps:
     * rate = −slope of the line a + b·t through the points (t_j, ln|p_j|). For an exact geometric
     * sequence c·ρ^t this is −ln|ρ| to rounding. Cost O(s).
     *
     * @param steps the steps t_j, at least two distinct values. Not modified.
     * @param values the observed p_j, non-zero and finite, same length. Not modified.
     * @return the fitted rate (positive for a decaying sequence)
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, fewer than two distinct steps are given, or
     *     a value is zero or not finite
     */
    public static double fitted(int[] steps, double[] values) {
        Objects.requireNonNull(steps, "steps");
        Validate.finiteVector(values, "values");
        if (steps.length != values.length) {
            throw new IllegalArgumentException("values has length " + values.length + ", expected " + steps.length
                    + " (one per step)");
        }
        int s = steps.length;
        double mt = 0;
        double my = 0;
        double[] ly = new double[s];
        for (int j = 0; j < s; j++) {
            if (values[j] == 0) {
                throw new IllegalArgumentException("values[" + j + "] must be non-zero, got 0");
            }
            ly[j] = Math.log(Math.abs(values[j]));
            mt += steps[j];
            my += ly[j];
        }
        mt /= s;
        my /= s;
        double stt = 0;
        double sty = 0;
        for (int j = 0; j < s; j++) {
            double dt = steps[j] - mt;
            stt += dt * dt;
            sty += dt * (ly[j] - my);
        }
        if (!(stt > 0)) {
            throw new IllegalArgumentException("steps must contain at least two distinct values, got " + s
                    + " step(s) all equal to " + steps[0]);
        }
        return -sty / stt;
    }

    /**
     * Returns the predicted rate per step of discrete gradient descent along eigenvalue Λ:
     * −ln|1 − ηΛ|. Infinite when ηΛ = 1 (the component vanishes in one step); negative when
     * |1 − ηΛ| &gt; 1 (the step is unstable along Λ).
     *
     * @param eigenvalue Λ, finite
     * @param learningRate η, finite and &gt; 0
     * @throws IllegalArgumentException if an argument is out of its domain
     */
    public static double discrete(double eigenvalue, double learningRate) {
        Validate.finite(eigenvalue, "eigenvalue");
        Validate.positive(learningRate, "learningRate");
        return -Math.log(Math.abs(1 - learningRate * eigenvalue));
    }

    /**
     * Returns the predicted rate per step of gradient flow run for η·t: ηΛ (the small-η limit of
     * {@link #discrete}).
     *
     * @param eigenvalue Λ, finite
     * @param learningRate η, finite and &gt; 0
     * @throws IllegalArgumentException if an argument is out of its domain
     */
    public static double flow(double eigenvalue, double learningRate) {
        Validate.finite(eigenvalue, "eigenvalue");
        Validate.positive(learningRate, "learningRate");
        return learningRate * eigenvalue;
    }
}
