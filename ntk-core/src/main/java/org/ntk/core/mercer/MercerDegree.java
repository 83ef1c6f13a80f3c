package org.ntk.core.mercer;

import java.util.Objects;

/**
 * One degree k of a Mercer spectrum: the eigenvalue shared by the N(d, k) eigenfunctions of degree k,
 * with its provenance and error bound (MATH.md §3.3).
 *
 * @param degree the degree k ≥ 0
 * @param eigenvalue λ_k of the integral operator under x ~ N(0, I_d): d·μ_k for radial degree 1,
 *     μ_k for radial degree 0; 0 for {@link EigenvalueMethod#EXACT_ZERO} and
 *     {@link EigenvalueMethod#BELOW_RESOLUTION}
 * @param multiplicity N(d, k) as a double (exact below 2^53; see
 *     {@link SphericalHarmonics#multiplicityExact} for the integer)
 * @param logMultiplicity log N(d, k), finite even where N overflows a double (−∞ when N = 0)
 * @param traceShare N(d, k)·λ_k / trace, the fraction of the trace held by this degree
 * @param errorBound an estimated bound on |λ_k − eigenvalue| (absolute)
 * @param method how the eigenvalue was obtained
 */
public record MercerDegree(int degree, double eigenvalue, double multiplicity, double logMultiplicity,
        double traceShare, double errorBound, EigenvalueMethod method) {

    /** Checks the components. */
    public MercerDegree {
        Objects.requireNonNull(method, "method");
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be >= 0, got " + degree);
        }
    }

    /** Whether the eigenvalue is exactly 0 by parity (odd k ≥ 3 of arccos1, for example). */
    public boolean exactZero() {
        return method == EigenvalueMethod.EXACT_ZERO;
    }

    /** Whether the eigenvalue was resolved (every method except {@link EigenvalueMethod#BELOW_RESOLUTION}). */
    public boolean resolved() {
        return method != EigenvalueMethod.BELOW_RESOLUTION;
    }
}
