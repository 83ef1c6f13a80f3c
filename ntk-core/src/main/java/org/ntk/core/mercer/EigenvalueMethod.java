package org.ntk.core.mercer;

/**
 * How a Mercer eigenvalue was obtained, in order of preference.
 */
public enum EigenvalueMethod {
    /** A closed form of MATH.md §3.4–§3.5 (degrees 0–2 of arccos1 and ntk2, 0–1 of arccos0; d = 1). */
    CLOSED_FORM,
    /** Exactly 0 by parity of the profile (odd k ≥ 3 of arccos1 and ntk2, even k ≥ 2 of arccos0). */
    EXACT_ZERO,
    /** The non-negative Funk–Hecke series of the profile's Taylor coefficients (no cancellation). */
    SERIES,
    /** Composite Gauss–Legendre quadrature of the Funk–Hecke integral in the angle. */
    QUADRATURE,
    /**
     * Neither method resolved the eigenvalue: its magnitude is below the error bound (round-off of the
     * profile's values times E|h P_k|). The eigenvalue is reported as 0 and the bound says how large it
     * may be; the degree then counts as uncaptured in the trace fractions.
     */
    BELOW_RESOLUTION
}
