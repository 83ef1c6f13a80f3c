package org.ntk.core.basis;

/**
 * The families of eigenfunctions of degree 0–2 (MATH.md §3.4), written for radial degree p = 1;
 * for p = 0 every function is divided by ‖x‖ (so it depends on the direction x̂ only).
 */
public enum FunctionFamily {
    /** F0(x) = ‖x‖: degree 0, one function. */
    RADIAL,
    /** F_l(x) = x_l: degree 1, d functions. */
    LINEAR,
    /** F_ab(x) = x_a x_b/‖x‖, a &lt; b: degree 2, d(d−1)/2 functions, mutually orthogonal. */
    PRODUCT,
    /**
     * F'_g(x) = (x_g² − x_1²)/‖x‖, g = 2..d: degree 2, d − 1 functions, not mutually orthogonal
     * (Gram matrix (2/(d+2))(I + 11ᵀ) under N(0, I_d)).
     */
    DIAGONAL,
    /**
     * Ĥ_k(x) = √((d+2)/(2k(k+1))) (x_1² + … + x_k² − k x_{k+1}²)/‖x‖, k = 1..d−1: the Helmert
     * orthonormalisation of the diagonal family, degree 2.
     */
    HELMERT
}
