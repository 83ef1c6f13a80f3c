package org.ntk.core.mercer;

/**
 * How a Mercer eigenvalue was obtained, in order of preference.
 */
public enum EigenvalueMethod {
    /**
     * A closed form: every degree of arccos0, arccos1 and ntk2 (squares of the activations' Funk–Hecke
     * coefficients; degrees 0–2 are MATH.md §3.4–§3.5), and d = 1.
     */
    CLOSED_FORM,
    /** Exactly 0 by parity of the profile (odd k ≥ 3 of arccos1 and ntk2, even k ≥ 2 of arccos0). */
    EXACT_ZERO,
    /** The non-negative Funk–Hecke series of the profile's Taylor coefficients (no cancellation). */
    SERIES,
    /** Composite Gauss–Legendre quadrature of the Funk–Hecke integral in the angle. */
    QUADRATURE,
    /**
     * The Funk–Hecke integral integrated by parts k times (Rodrigues' formula), i.e. quadrature in the
     * angle of h^{(k)}(cos θ) sin^{2k+d−2}θ with h^{(k)} from truncated power series through the
     * kernel's recursion: no P_k in the integrand, hence no cancellation where h^{(k)} keeps its sign.
     * Used for the deep kernels ({@code deep-ntk}, {@code deep-nngp}) up to degree 200.
     */
    RODRIGUES,
    /**
     * Neither method resolved the eigenvalue: the computed value, of either sign, is within its error
     * bound (round-off of the profile's values times E|h P_k|, or a series not converged), or for the
     * library's kernels it contradicts λ_k ≥ 0 or N(d,k)·λ_k ≤ trace beyond it. The eigenvalue is
     * reported as 0 and the bound says how large it may be; the degree then counts as uncaptured in
     * the trace fractions (rule: {@link MercerDegree}).
     */
    BELOW_RESOLUTION
}
