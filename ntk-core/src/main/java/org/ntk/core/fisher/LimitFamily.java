package org.ntk.core.fisher;

/**
 * The weight functions h(w) of MATH.md §4 whose vectors u ∝ (h(w_j))_j have a known large-m limit of
 * g_u(x)/√m. Coordinates a, b are 0-based.
 */
public enum LimitFamily {
    /** h = 1 (uniform vector): limit ‖x‖/√(2πd). */
    UNIFORM,
    /** h = ‖w‖ (u1, seed 002 Thm 3.1): limit c_d ‖x‖. */
    RADIAL,
    /** h = w_a (a row of W, Thm 3.2): limit x_a/(2√d). */
    ROW,
    /** h = w_a w_b, a ≠ b (Gaussian polynomial, Thm 3.5): limit x_a x_b/(√(2πd)‖x‖). */
    PRODUCT,
    /** h = w_a w_b/‖w‖ (exact eigenvector): limit √(d(d+2)) c_d/(d+1) · x_a x_b/‖x‖. */
    NORMALISED_PRODUCT,
    /** h = w_a² − w_b² (Thm 3.4 type): limit (x_a² − x_b²)/(2√(2πd)‖x‖). */
    DIFFERENCE,
    /** h = (w_a² − w_b²)/‖w‖ (exact eigenvector): limit √(d(d+2)) c_d/(2(d+1)) · (x_a² − x_b²)/‖x‖. */
    NORMALISED_DIFFERENCE,
    /**
     * h = w_a² − β‖w‖ with β the projection coefficient onto u1 (Lemma 3.3: s_a minus its u1
     * component; β → E‖w‖³/d): limit (x_a²/‖x‖ − ‖x‖/d) / √(2π(3d − (d+1)²/(2π c_d² d²))).
     */
    CENTRED_SQUARE
}
