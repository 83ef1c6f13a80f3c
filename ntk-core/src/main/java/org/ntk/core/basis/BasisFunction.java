package org.ntk.core.basis;

import java.util.Objects;

/**
 * One function of an {@link EigenfunctionBasis}: its family, degree and coordinates.
 *
 * <p>Coordinates are 0-based array indices: MATH.md's x_1 is {@code x[0]}.
 *
 * @param family the family
 * @param degree the spherical-harmonic degree, 0, 1 or 2
 * @param a RADIAL: −1; LINEAR: l; PRODUCT: a (&lt; b); DIAGONAL: g (≥ 1; the function is
 *     (x_g² − x_0²)/‖x‖); HELMERT: k (1..d−1; the function combines x_0..x_{k−1} and x_k)
 * @param b PRODUCT: b; otherwise −1
 * @param label a readable label in MATH.md's notation with 0-based indices, e.g. {@code F_ab[0,2]}
 */
public record BasisFunction(FunctionFamily family, int degree, int a, int b, String label) {

    /** Checks the components. */
    public BasisFunction {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(label, "label");
    }
}
