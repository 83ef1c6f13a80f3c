package org.ntk.spectral.bounds;

import java.util.Objects;

/**
 * One inequality {@code lower ≤ upper} of a bound chain, with the two sides evaluated on a data set.
 *
 * <p>{@link #holds()} allows an absolute slack {@code tolerance} for the rounding error of the
 * eigenvalues involved (of order n·ε·‖A‖, STYLE.md "Numerics"); it is stated explicitly so that a
 * caller can see how much slack was granted. Immutable.
 *
 * @param name a short name of the link, e.g. {@code "schur"} or {@code "hermite(r=4)"}
 * @param statement the inequality in words, e.g. {@code "Σ_l λ_min(G^(l)) ≤ λ_min(K^(L))"}
 * @param lower the value of the left-hand side
 * @param upper the value of the right-hand side
 * @param tolerance the absolute rounding slack granted, ≥ 0
 */
public record BoundLink(String name, String statement, double lower, double upper, double tolerance) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if name or statement is null
     * @throws IllegalArgumentException if tolerance is negative or NaN
     */
    public BoundLink {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(statement, "statement");
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
    }

    /** Whether {@code lower ≤ upper + tolerance} (false if either side is NaN). */
    public boolean holds() {
        return lower <= upper + tolerance;
    }

    /** The gap {@code upper − lower}; non-negative when the link holds exactly. */
    public double slack() {
        return upper - lower;
    }
}
