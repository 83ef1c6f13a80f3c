package org.ntk.spectral.dynamics;

import java.util.Arrays;
import java.util.Objects;
/**
 * The NTK movement during both-layers training at one width ({@link KernelMovement}), over several
 * independent networks. Immutable; the array is copied in and out.
 *
 * @param width m
 * @param kernelChanges ‖K_T − K_0‖_F/‖K_0‖_F of each network after the last step
 * @param meanKernelChange their mean
 * @param meanWeightChange the mean of ‖W_T − W_0‖_F/‖W_0‖_F
 * @param meanRelativeLoss the mean of L_T/L_0 (how far training got)
 */
public record WidthMovement(int width, double[] kernelChanges, double meanKernelChange, double meanWeightChange,
        double meanRelativeLoss) {

    /**
     * Copies.
     *
     * @throws NullPointerException if kernelChanges is null
     * @throws IllegalArgumentException if width &lt; 1 or kernelChanges is empty
     */
    public WidthMovement {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        kernelChanges = kernelChanges.clone();
        if (kernelChanges.length == 0) {
            throw new IllegalArgumentException("kernelChanges must not be empty, got length 0");
        }
    }

    @Override
    public double[] kernelChanges() {
        return kernelChanges.clone();
    }

    /** Value equality: equal widths, means and changes element by element. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WidthMovement w && width == w.width && Arrays.equals(kernelChanges, w.kernelChanges)
                && Double.compare(meanKernelChange, w.meanKernelChange) == 0
                && Double.compare(meanWeightChange, w.meanWeightChange) == 0
                && Double.compare(meanRelativeLoss, w.meanRelativeLoss) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, Arrays.hashCode(kernelChanges), meanKernelChange, meanWeightChange, meanRelativeLoss);
    }

    @Override
    public String toString() {
        return "WidthMovement[width=" + width + ", kernelChanges=" + Arrays.toString(kernelChanges)
                + ", meanKernelChange=" + meanKernelChange + ", meanWeightChange=" + meanWeightChange
                + ", meanRelativeLoss=" + meanRelativeLoss + "]";
    }
}
