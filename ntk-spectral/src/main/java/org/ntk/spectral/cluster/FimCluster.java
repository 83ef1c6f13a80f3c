package org.ntk.spectral.cluster;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One eigenvalue cluster of a Fisher information matrix J: the observed eigenvalues at the positions
 * the theory assigns to one Mercer degree, against the predicted value (MATH.md §2.3, §3.3, §3.6).
 *
 * <p>The cluster of degree k occupies the {@code multiplicity} consecutive positions
 * [firstIndex, firstIndex + multiplicity) of the non-increasing spectrum of J (see
 * {@link FimClusterReport} for how the positions are assigned). Eigenvalues are those of J itself
 * (no 1/m factor), in the network's weight scale.
 *
 * @param degree the Mercer degree k: 0, 1, 2 (MATH.md's clusters 1, 2, 3), then even degrees ≥ 4
 * @param multiplicity N(d, k), the number of eigenvalues in the cluster, ≥ 1
 * @param firstIndex the position of the cluster's largest eigenvalue in the non-increasing spectrum
 * @param mean the mean of the observed eigenvalues
 * @param min the smallest observed eigenvalue
 * @param max the largest observed eigenvalue
 * @param traceShare Σ observed eigenvalues / tr J
 * @param exactLimit the exact large-m limit of the cluster's eigenvalue: m·σ²·λ_k with λ_k the
 *     Mercer eigenvalue of the {@code arccos1} kernel under x ~ N(0, I_d) and σ² the hidden-weight
 *     variance (MATH.md §2.2, §3.6); for k ≤ 2 the closed forms of §2.3
 * @param adjustedLimit the exact limit rescaled by the draw's tr J / E[tr J] (E[tr J] = m σ² d / 2,
 *     MATH.md §2.1): the prediction given the draw's own ‖W‖_F². It removes the fluctuation of
 *     ‖W‖_F², relative standard deviation √(2/(m d)) (1% at m = 2000, d = 10), which dominates the
 *     finite-m deviation of clusters 0 and 1 (the mean of cluster 1 is ‖W‖_F²/(4d) up to the
 *     leakage between clusters)
 * @param papersValue the papers' approximate value (MATH.md §2.3), present for k ≤ 2 only
 * @param overlap the principal angles between the observed eigenspace (the cluster's eigenvectors)
 *     and the span of the theoretical eigenvectors (MATH.md §2.3, §3.6), present for k ≤ 2 only
 */
public record FimCluster(int degree, int multiplicity, int firstIndex, double mean, double min, double max,
        double traceShare, double exactLimit, double adjustedLimit, OptionalDouble papersValue,
        Optional<SubspaceOverlap> overlap) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if papersValue or overlap is null
     * @throws IllegalArgumentException if degree or firstIndex &lt; 0, multiplicity &lt; 1, or
     *     min ≤ max fails (NaN included); the mean is not compared, rounding may put it an ulp outside
     */
    public FimCluster {
        Objects.requireNonNull(papersValue, "papersValue");
        Objects.requireNonNull(overlap, "overlap");
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be >= 0, got " + degree);
        }
        if (multiplicity < 1) {
            throw new IllegalArgumentException("multiplicity must be >= 1, got " + multiplicity);
        }
        if (firstIndex < 0) {
            throw new IllegalArgumentException("firstIndex must be >= 0, got " + firstIndex);
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("min must be <= max, got " + min + " and " + max);
        }
    }

    /** The relative spread (max − min)/mean of the observed eigenvalues. */
    public double relativeSpread() {
        return (max - min) / mean;
    }

    /** The relative deviation mean/exactLimit − 1 of the observed mean from the exact limit. */
    public double relativeError() {
        return mean / exactLimit - 1;
    }

    /** The relative deviation mean/adjustedLimit − 1 of the observed mean from the trace-adjusted limit. */
    public double adjustedRelativeError() {
        return mean / adjustedLimit - 1;
    }
}
