package org.ntk.core.mercer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.validation.Validate;

/**
 * Exact Mercer spectra of homogeneous kernels under Gaussian input: the front door of this package
 * (MATH.md §3.3).
 *
 * <p><b>Structure.</b> Let k(x, y) = (‖x‖‖y‖)^p h(x̂·ŷ) and (T f)(x) = E_y[k(x, y) f(y)] with
 * y ~ N(0, I_d).
 * <ul>
 *   <li>p = 1 (arccos1, ntk2, deep NTK/NNGP): the eigenfunctions are ‖x‖·Y_k(x̂) for every spherical
 *       harmonic Y_k of degree k, with eigenvalue λ_k = d·μ_k (d = E‖y‖²); every function orthogonal
 *       to these is in the null space (the radial part has rank one). Trace d·h(1).</li>
 *   <li>p = 0 (arccos0): the kernel is zonal without the radial factor; the eigenfunctions are
 *       Y_k(x̂) (functions of the direction only) with λ_k = μ_k; radial functions other than
 *       constants are in the null space. Trace h(1).</li>
 * </ul>
 * Here μ_k = E_{s~Unif(S^{d−1})}[h(s_1) P_k(s_1)] (Funk–Hecke) with P_k normalised by P_k(1) = 1, and
 * λ_k has multiplicity N(d, k) (see {@link SphericalHarmonics}); Σ_k N(d, k) λ_k = trace.
 *
 * <p><b>Methods</b>, per degree, best first (each result says which, see {@link EigenvalueMethod}):
 * <ol>
 *   <li>exact zeros by parity and the closed forms of MATH.md §3.4–§3.5 for the named kernels
 *       {@code arccos1}, {@code ntk2} (degrees 0–2) and {@code arccos0} (degrees 0–1);</li>
 *   <li>for the library's kernels ({@code arccos0}, {@code arccos1}, {@code ntk2}, {@code deep-ntk},
 *       {@code deep-nngp}; recognised by name and verified against an independent implementation of
 *       the profile) the non-negative series in the Taylor coefficients, which keeps full relative
 *       accuracy where the eigenvalue is far below the round-off of h (large d, high k), and
 *       quadrature with that independent profile; the smaller error bound wins;</li>
 *   <li>for any other kernel, quadrature of {@code kernel.profile}. Quadrature cannot resolve an
 *       eigenvalue smaller than ≈ ε·E|h(s_1) P_k(s_1)| ≈ ε h(0)/√N(d,k); such degrees are reported
 *       as {@link EigenvalueMethod#BELOW_RESOLUTION} with eigenvalue 0 and their bound.</li>
 * </ol>
 * For d = 1 the sphere is {−1, 1}: μ_0 = (h(1) + h(−1))/2, μ_1 = (h(1) − h(−1))/2, and degrees ≥ 2 have
 * multiplicity 0.
 *
 * <p>Accuracy (measured against 40–60-digit mpmath values in the tests): closed forms and converged
 * series to ≈ 1e−15 relative (bounds ≤ 1e−13 relative); quadrature to ≈ ε·E|h(s_1) P_k(s_1)| absolute,
 * i.e. 1e−13 relative or better for degrees ≤ 4 at small d, degrading with the cancellation ratio
 * E|h P_k|/μ_k (≈ 1e−10 relative at d = 10, k = 20). Every reported bound held in every comparison.
 * Cost: O(K² + K·(cost of h)·1000) for quadrature, O(K·terms) for the series (terms ≤ 2^20 for the
 * arc-cosine families); building the series of a deep kernel costs O(depth · M³/6) with
 * M ≤ K + 769 coefficients, capped at about 2e9 multiply-adds (≈ 0.3 s per layer at M = 800).
 * Thread-safe: no shared state.
 */
public final class MercerSpectra {

    private static final int MAX_ARCCOS_TERMS = 1 << 20;

    private MercerSpectra() {
    }

    /**
     * Returns the Mercer spectrum of {@code kernel} under x ~ N(0, I_d) for degrees 0..maxDegree.
     *
     * @param kernel a kernel with radial degree 0 or 1 whose profile is finite on [−1, 1] with
     *     h(1) &gt; 0
     * @param d the input dimension, ≥ 1
     * @param maxDegree the largest degree K, ≥ 0
     * @return the spectrum, with trace fractions over degrees 0..K
     * @throws NullPointerException if kernel is null
     * @throws IllegalArgumentException if d &lt; 1, maxDegree &lt; 0, the radial degree is not 0 or 1,
     *     or the profile is not finite or h(1) ≤ 0
     */
    public static MercerSpectrum of(HomogeneousKernel kernel, int d, int maxDegree) {
        Objects.requireNonNull(kernel, "kernel");
        Validate.positive(d, "d");
        Validate.nonNegative(maxDegree, "maxDegree");
        int p = kernel.radialDegree();
        if (p != 0 && p != 1) {
            throw new IllegalArgumentException("kernel radialDegree must be 0 or 1, got " + p);
        }
        String name = Objects.requireNonNull(kernel.name(), "kernel.name()");
        ReferenceProfile ref = ReferenceProfile.recognise(kernel);
        DoubleUnaryOperator atAngle = ref != null ? ref::valueAtAngle : theta -> kernel.profile(Math.cos(theta));
        double h1 = ref != null ? ref.valueAtOne() : kernel.profile(1);
        if (!(h1 > 0) || h1 == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("kernel profile at t = 1 must be finite and > 0, got " + h1);
        }
        double scale = p == 1 ? d : 1;
        double trace = scale * h1;
        List<MercerDegree> degrees = new ArrayList<>(maxDegree + 1);

        if (d == 1) {
            double hm = ref != null ? ref.valueAtAngle(Math.PI) : kernel.profile(-1);
            Validate.finite(hm, "kernel profile at t = −1");
            double[] mu = {(h1 + hm) / 2, (h1 - hm) / 2};
            for (int k = 0; k <= maxDegree; k++) {
                if (k <= 1) {
                    double lambda = scale * mu[k];
                    degrees.add(new MercerDegree(k, lambda, 1, 0, mu[k] / h1,
                            2 * Math.ulp(Math.abs(lambda)), EigenvalueMethod.CLOSED_FORM));
                } else {
                    degrees.add(new MercerDegree(k, 0, 0, Double.NEGATIVE_INFINITY, 0, 0, EigenvalueMethod.EXACT_ZERO));
                }
            }
            return new MercerSpectrum(name, d, p, trace, degrees);
        }

        FunkHeckeQuadrature.Result quad = FunkHeckeQuadrature.integrate(atAngle, d, maxDegree);
        double[][] coefficients = {ref != null ? seriesCoefficients(ref, d, maxDegree) : null};

        for (int k = 0; k <= maxDegree; k++) {
            double n = SphericalHarmonics.multiplicity(d, k);
            double logN = SphericalHarmonics.logMultiplicity(d, k);
            if (ref != null && ref.exactZero(k)) {
                degrees.add(new MercerDegree(k, 0, n, logN, 0, 0, EigenvalueMethod.EXACT_ZERO));
                continue;
            }
            OptionalDouble closed = ref != null ? ref.closedForm(d, k) : OptionalDouble.empty();
            if (closed.isPresent()) {
                double mu = closed.getAsDouble();
                degrees.add(new MercerDegree(k, scale * mu, n, logN, timesN(mu, n, logN) / h1,
                        scale * 8 * Math.ulp(mu), EigenvalueMethod.CLOSED_FORM));
                continue;
            }
            // both candidates in share form N·μ_k (the series gives it directly; N·μ_k is of order h(1)
            // or below for these kernels even where N overflows a double and μ_k underflows)
            double share = timesN(quad.mu()[k], n, logN);
            double shareBound = timesN(quad.errorBound()[k], n, logN);
            EigenvalueMethod method = EigenvalueMethod.QUADRATURE;
            if (coefficients[0] != null) {
                FunkHeckeSeries.Share s = seriesShare(ref, coefficients, d, k);
                if (s.errorBound() < shareBound || (s.converged() && Double.isNaN(shareBound))) {
                    share = s.value();
                    shareBound = s.errorBound();
                    method = EigenvalueMethod.SERIES;
                }
            }
            degrees.add(classify(k, share, shareBound, method, n, logN, scale, h1, ref != null));
        }
        return new MercerSpectrum(name, d, p, trace, degrees);
    }

    /**
     * The degree for a candidate N·μ_k ± bound. Unresolved (|N μ_k| ≤ bound): eigenvalue 0, sign
     * discarded. For the library's kernels μ_k ≥ 0 and N·μ_k ≤ h(1) (every Taylor coefficient is ≥ 0):
     * a value violating either beyond its bound is also unresolved, and an unresolved degree's bound is
     * at most h(1)/N, the a-priori bound. Eigenvalues below the normal range are reported as 0 (their
     * share is kept); bounds that would underflow are rounded up to {@link Double#MIN_NORMAL}.
     */
    private static MercerDegree classify(int k, double share, double shareBound, EigenvalueMethod method,
            double n, double logN, double scale, double h1, boolean positiveDefinite) {
        boolean resolved = Math.abs(share) > shareBound;
        double aPriori = Double.POSITIVE_INFINITY;
        if (positiveDefinite) {
            aPriori = scale * overN(h1, n, logN);
            if (resolved && (share < 0 || share - shareBound > h1)) {
                // contradicts μ_k ≥ 0 or N μ_k ≤ h(1): the bound did not hold; say nothing about λ_k
                // beyond what the trace identity guarantees
                resolved = false;
                shareBound = Double.POSITIVE_INFINITY;
            }
        }
        if (!resolved) {
            double bound = Math.min(scale * overN(shareBound, n, logN), aPriori);
            return new MercerDegree(k, 0, n, logN, 0, Math.max(bound, Double.MIN_NORMAL),
                    EigenvalueMethod.BELOW_RESOLUTION);
        }
        double lambda = scale * overN(share, n, logN);
        double bound = scale * overN(shareBound, n, logN);
        if (Math.abs(lambda) < Double.MIN_NORMAL) {
            // λ_k is below the normal double range (N(d, k) > 10³⁰⁰, say): report 0, whose distance
            // from λ_k is below MIN_NORMAL; the share N·λ_k / trace is exact to its own bound
            lambda = 0;
            bound = Double.MIN_NORMAL;
        }
        return new MercerDegree(k, lambda, n, logN, share / h1, Math.max(bound, Math.ulp(lambda)), method);
    }

    /** N·x, through logarithms where N overflows a double. */
    private static double timesN(double x, double n, double logN) {
        if (Double.isFinite(n) || x == 0 || Double.isNaN(x)) {
            return n * x;
        }
        return Math.copySign(Math.exp(logN + Math.log(Math.abs(x))), x);
    }

    /** x/N, through logarithms where N overflows a double. */
    private static double overN(double x, double n, double logN) {
        if (Double.isFinite(n)) {
            return x / n;
        }
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        return Math.copySign(Math.exp(Math.log(Math.abs(x)) - logN), x);
    }

    /**
     * The Taylor coefficients used for the series path, or null where the series cannot converge
     * usefully (deep kernels for d &lt; 16, where quadrature is used).
     */
    private static double[] seriesCoefficients(ReferenceProfile ref, int d, int maxDegree) {
        switch (ref.family()) {
            case DEEP_NTK:
            case DEEP_NNGP: {
                if (d < 16) {
                    return null;
                }
                int extra = d >= 256 ? 128 : d >= 64 ? 512 : 768;
                long count = maxDegree + 1L + extra;
                // composing the series costs ≈ (depth − 1)·count³/6 multiply-adds: cap it near 2e9
                long cap = (long) Math.cbrt(1.2e10 / Math.max(1, ref.depth() - 1));
                return ref.coefficients((int) Math.min(count, Math.max(cap, 64)));
            }
            default:
                return d < 4 ? null : ref.coefficients(Math.max(4096, 2 * (maxDegree + 1)));
        }
    }

    /**
     * The series share; the arc-cosine coefficients (cheap recurrences) are extended in place, by
     * factors of 8 up to 2^20 terms, until the series converges.
     */
    private static FunkHeckeSeries.Share seriesShare(ReferenceProfile ref, double[][] coefficients, int d, int k) {
        FunkHeckeSeries.Share s = FunkHeckeSeries.share(coefficients[0], d, k);
        boolean extendable = ref.family() != ReferenceProfile.Family.DEEP_NTK
                && ref.family() != ReferenceProfile.Family.DEEP_NNGP;
        while (!s.converged() && extendable && coefficients[0].length < MAX_ARCCOS_TERMS) {
            coefficients[0] = ref.coefficients(Math.min(MAX_ARCCOS_TERMS, coefficients[0].length * 8));
            s = FunkHeckeSeries.share(coefficients[0], d, k);
        }
        return s;
    }
}
