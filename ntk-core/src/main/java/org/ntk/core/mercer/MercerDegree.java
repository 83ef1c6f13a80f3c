package org.ntk.core.mercer;

import java.util.Objects;

/**
 * One degree k of a Mercer spectrum: the eigenvalue shared by the N(d, k) eigenfunctions of degree k,
 * with its provenance and error bound (MATH.md §3.3).
 *
 * <p><b>Reporting rule</b> ({@link MercerSpectra#of} follows it for every degree). Each degree is
 * exactly one of:
 * <ul>
 *   <li><em>exact</em> ({@link EigenvalueMethod#CLOSED_FORM}, {@link EigenvalueMethod#EXACT_ZERO}):
 *       bound a few ulps, or 0 for an exact zero;</li>
 *   <li><em>resolved</em> ({@link EigenvalueMethod#SERIES}, {@link EigenvalueMethod#QUADRATURE},
 *       {@link EigenvalueMethod#RODRIGUES}):
 *       |N(d,k)·λ_k| exceeded its bound, so the sign and the leading digits are known;</li>
 *   <li><em>unresolved</em> ({@link EigenvalueMethod#BELOW_RESOLUTION}): the computed value was within
 *       its bound, of either sign, or (for the library's kernels, whose eigenvalues are ≥ 0 with
 *       N(d,k)·λ_k ≤ trace) outside those limits beyond its bound. It is reported as eigenvalue 0
 *       and trace share 0, a negative value being clamped like a positive one, with errorBound ≥ |λ_k|
 *       (for the library's kernels at most max(trace/N(d, k), MIN_NORMAL), the a-priori bound).</li>
 * </ul>
 * A negative eigenvalue is therefore always resolved, larger in magnitude than its bound, and occurs
 * only for a kernel outside the library whose profile is not positive definite. No eigenvalue is
 * subnormal: a resolved λ_k below {@link Double#MIN_NORMAL} (possible only where N(d, k) &gt; 10³⁰⁰,
 * e.g. d = 10⁵, k ≥ 100) is reported as 0 with errorBound MIN_NORMAL, while traceShare, computed from
 * N(d,k)·λ_k in log space, keeps its value. errorBound is positive for every degree that is not exact
 * (at least one ulp of a resolved eigenvalue, at least MIN_NORMAL for an unresolved one).
 *
 * @param degree the degree k ≥ 0
 * @param eigenvalue λ_k of the integral operator under x ~ N(0, I_d): d·μ_k for radial degree 1,
 *     μ_k for radial degree 0; 0 for {@link EigenvalueMethod#EXACT_ZERO} and
 *     {@link EigenvalueMethod#BELOW_RESOLUTION} and where λ_k is below the normal double range
 * @param multiplicity N(d, k) as a double (exact below 2^53, +∞ above the double range; see
 *     {@link SphericalHarmonics#multiplicityExact} for the integer)
 * @param logMultiplicity log N(d, k), finite even where N overflows a double (−∞ when N = 0)
 * @param traceShare N(d, k)·λ_k / trace, the fraction of the trace held by this degree, formed without
 *     overflow or underflow (in [0, 1] for the library's kernels; 0 when unresolved)
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

    /**
     * Whether the eigenvalue was resolved or is exact (every method except
     * {@link EigenvalueMethod#BELOW_RESOLUTION}).
     */
    public boolean resolved() {
        return method != EigenvalueMethod.BELOW_RESOLUTION;
    }
}
