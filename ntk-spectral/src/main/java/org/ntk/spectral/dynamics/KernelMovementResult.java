package org.ntk.spectral.dynamics;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link KernelMovement} experiment: the NTK movement at each width and the fitted
 * power law. Immutable.
 *
 * @param experiment the parameters that produced it
 * @param widths one entry per width, in the experiment's order
 * @param fittedExponent the least-squares slope of ln(mean kernel change) against ln m (NaN for a
 *     single width); −1/2 would be the O(m^{-1/2}) bound's rate
 */
public record KernelMovementResult(KernelMovement experiment, List<WidthMovement> widths, double fittedExponent) {

    /**
     * Copies.
     *
     * @throws NullPointerException if an argument is null
     */
    public KernelMovementResult {
        Objects.requireNonNull(experiment, "experiment");
        widths = List.copyOf(widths);
    }
}
