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
 *   <li>exact zeros by parity, and closed forms for every degree of the named kernels
 *       {@code arccos0}, {@code arccos1} and {@code ntk2} (the squares of the activations' Funk–Hecke
 *       coefficients, by exact two-step recurrences; degrees 0–2 are MATH.md §3.4–§3.5; see
 *       {@code ReferenceProfile.closedForm}) wherever μ_k ≥ 2^−960;</li>
 *   <li>for the library's kernels ({@code arccos0}, {@code arccos1}, {@code ntk2}, {@code deep-ntk},
 *       {@code deep-nngp}; recognised by name and verified against an independent implementation of
 *       the profile) the non-negative series in the Taylor coefficients, which keeps full relative
 *       accuracy where the eigenvalue is far below the round-off of h (large d, high k), and
 *       quadrature with that independent profile; for the deep kernels also, at degrees ≤ 200 (fewer
 *       for more than 3 layers), the Rodrigues quadrature {@link EigenvalueMethod#RODRIGUES}
 *       (Funk–Hecke integrated by parts k times: no cancellation, full relative accuracy at every d);
 *       the smallest error bound wins;</li>
 *   <li>for any other kernel, quadrature of {@code kernel.profile}. Quadrature cannot resolve an
 *       eigenvalue smaller than ≈ (64 + 2k)·ε·E|h(s_1) P_k(s_1)| ≈ (64 + 2k)·ε h(0)/√N(d,k); such
 *       degrees are reported as {@link EigenvalueMethod#BELOW_RESOLUTION} with eigenvalue 0 and
 *       their bound.</li>
 * </ol>
 *
 * <p><b>Reporting rule</b> (see {@link MercerDegree}): a computed value μ_k ± b is <em>resolved</em>
 * iff |N(d,k)·μ_k| &gt; N(d,k)·b, decided on N·μ_k, which the series gives directly and which is
 * formed in log space where N(d, k) overflows a double (d = 10⁵, k ≥ 100: N ≈ 10³⁴²), so it stays in
 * range where μ_k itself underflows. Otherwise, whatever its sign, the degree is
 * {@code BELOW_RESOLUTION}: eigenvalue 0, trace share 0, bound b (so a negative value within its bound
 * is reported as 0, never as a negative eigenvalue). For the library's kernels, whose Taylor
 * coefficients are all ≥ 0 so that 0 ≤ N(d,k) μ_k ≤ h(1), a value outside [0, h(1)] beyond its bound
 * would mean that the bound failed: it is classified {@code BELOW_RESOLUTION} as well, and every
 * unresolved bound is capped by the a-priori d^p·h(1)/N(d, k). Hence, for these kernels, every
 * eigenvalue is ≥ 0, every trace share lies in [0, 1] and the captured fraction in [0, 1] up to the
 * sum of the shares' own bounds. A resolved λ_k below {@link Double#MIN_NORMAL} (only where
 * N(d, k) &gt; 10³⁰⁰) is reported as 0 with bound MIN_NORMAL while its trace share keeps the value:
 * no eigenvalue is ever subnormal. A kernel that is not one of the library's may have negative
 * eigenvalues (an indefinite profile); they are reported only where resolved.
 *
 * <p>For d = 1 the sphere is {−1, 1}: μ_0 = (h(1) + h(−1))/2, μ_1 = (h(1) − h(−1))/2, and degrees ≥ 2 have
 * multiplicity 0.
 *
 * <p>Accuracy (measured against 40–60-digit mpmath values in the tests): closed forms and converged
 * series to ≈ 1e−15 relative (bounds ≤ 1e−13 relative); the Rodrigues quadrature of the deep kernels
 * (depths 1–3, d = 2–20, k ≤ 50, against 80-digit mpmath) to ≤ 3e−14 relative with bounds ≤ 2e−13
 * relative, and bounds ≤ 1e−12 relative up to k = 200 and d = 10⁴ (where it agrees with the converged
 * series); quadrature to ≈ ε·E|h(s_1) P_k(s_1)| absolute,
 * i.e. 1e−13 relative or better for degrees ≤ 4 at small d, degrading with the cancellation ratio
 * E|h P_k|/μ_k (≈ 1e−10 relative at d = 10, k = 20). Every reported bound held in every comparison,
 * including degrees up to 1000 (deep kernels at d = 20: series resolved to k ≈ 160, the rest below
 * resolution; arc-cosine kernels at d = 10⁵: series shares within 1e−13 relative at k = 100–909).
 * Cost: O(K² + K·(cost of h)·1000) for quadrature, O(K·terms) for the series (terms ≤ 2^20 for the
 * arc-cosine families); building the series of a deep kernel costs O(depth · M³/6) with
 * M ≤ K + 769 coefficients, capped at about 2e9 multiply-adds (≈ 0.3 s per layer at M = 800); the
 * Rodrigues quadrature O(depth·K³) (≈ 0.03 s for depth 3 and K = 50, capped near 2e9 multiply-adds).
 * Thread-safe: no shared state.
 */
public final class MercerSpectra {

    private static final int MAX_ARCCOS_TERMS = 1 << 20;
    /** Highest degree computed by {@link FunkHeckeRodrigues} (degrees above use series or quadrature). */
    private static final int RODRIGUES_MAX_DEGREE = 200;
    /** Cap on depth·K³ for {@link FunkHeckeRodrigues}. */
    private static final double RODRIGUES_WORK = 2.4e7;

    /**
     * The largest degree K accepted, 10 000: the quadrature costs O(K²) (seconds at this K) and the
     * arc-cosine series are capped at 2^20 terms, so far higher degrees could be neither computed in
     * reasonable time nor resolved.
     */
    public static final int MAX_DEGREE = 10_000;

    private MercerSpectra() {
    }

    /**
     * Returns the Mercer spectrum of {@code kernel} under x ~ N(0, I_d) for degrees 0..maxDegree.
     *
     * @param kernel a kernel with radial degree 0 or 1 whose profile is finite on [−1, 1] with
     *     h(1) &gt; 0
     * @param d the input dimension, ≥ 1
     * @param maxDegree the largest degree K, in [0, {@value #MAX_DEGREE}]
     * @return the spectrum, with trace fractions over degrees 0..K
     * @throws NullPointerException if kernel is null
     * @throws IllegalArgumentException if d &lt; 1, maxDegree is outside [0, {@value #MAX_DEGREE}], the
     *     radial degree is not 0 or 1,
     *     or the profile is not finite or h(1) ≤ 0
     */
    public static MercerSpectrum of(HomogeneousKernel kernel, int d, int maxDegree) {
        Objects.requireNonNull(kernel, "kernel");
        Validate.positive(d, "d");
        Validate.nonNegative(maxDegree, "maxDegree");
        if (maxDegree > MAX_DEGREE) {
            throw new IllegalArgumentException("maxDegree must be <= " + MAX_DEGREE + ", got " + maxDegree);
        }
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
        int rodriguesDegree = ref != null ? rodriguesDegree(ref, maxDegree) : -1;
        FunkHeckeRodrigues.Result rodrigues = rodriguesDegree >= 0
                ? FunkHeckeRodrigues.integrate(ref, d, rodriguesDegree) : null;

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
                        scale * ReferenceProfile.closedFormUlps(k) * Math.ulp(mu), EigenvalueMethod.CLOSED_FORM));
                continue;
            }
            Candidate c = Candidate.ofMu(quad.mu()[k], quad.errorBound()[k], EigenvalueMethod.QUADRATURE, n, logN);
            if (coefficients[0] != null) {
                FunkHeckeSeries.Share s = seriesShare(ref, coefficients, d, k);
                // compared as bounds on N·μ_k: finite where μ_k underflows and N overflows
                if (s.errorBound() < c.shareBound() || (s.converged() && Double.isNaN(c.shareBound()))) {
                    c = Candidate.ofShare(s.value(), s.errorBound(), EigenvalueMethod.SERIES, n, logN);
                }
            }
            if (k <= rodriguesDegree && (rodrigues.errorBound()[k] < c.shareBound() || Double.isNaN(c.shareBound()))) {
                c = Candidate.ofShare(rodrigues.share()[k], rodrigues.errorBound()[k], EigenvalueMethod.RODRIGUES,
                        n, logN);
            }
            degrees.add(classify(k, c, n, logN, scale, h1, ref != null));
        }
        return new MercerSpectrum(name, d, p, trace, degrees);
    }

    /**
     * One method's result for μ_k, in both units: μ_k ± bound and N(d,k)·μ_k ± shareBound (the
     * latter through logarithms where N overflows a double; either pair may under- or overflow).
     */
    record Candidate(double mu, double bound, double share, double shareBound, EigenvalueMethod method) {

        /** From μ_k ± bound (quadrature). */
        static Candidate ofMu(double mu, double bound, EigenvalueMethod method, double n, double logN) {
            return new Candidate(mu, bound, timesN(mu, n, logN), timesN(bound, n, logN), method);
        }

        /** From N·μ_k ± bound (series). */
        static Candidate ofShare(double share, double bound, EigenvalueMethod method, double n, double logN) {
            return new Candidate(overN(share, n, logN), overN(bound, n, logN), share, bound, method);
        }
    }

    /**
     * The degree for a candidate, by the rule of {@link MercerDegree}: resolved iff |N μ_k| exceeds
     * its bound (decided on N·μ_k, which stays in range where μ_k underflows); otherwise
     * BELOW_RESOLUTION with eigenvalue 0 whatever the sign. For the library's kernels
     * ({@code positiveDefinite}: every Taylor coefficient ≥ 0, so 0 ≤ N μ_k ≤ h(1)) a value outside
     * [0, h(1)] beyond its bound is a failed bound and also unresolved, and the bound of an
     * unresolved degree is capped by the a-priori h(1)/N. A resolved λ_k below
     * {@link Double#MIN_NORMAL} is reported as 0 with bound MIN_NORMAL (its share is kept); an
     * unresolved bound is at least MIN_NORMAL.
     */
    static MercerDegree classify(int k, Candidate c, double n, double logN, double scale, double h1,
            boolean positiveDefinite) {
        boolean resolved = Math.abs(c.share()) > c.shareBound();
        double aPriori = Double.POSITIVE_INFINITY;
        double bound = scale * c.bound();
        if (positiveDefinite) {
            aPriori = scale * overN(h1, n, logN);
            if (resolved && (c.share() < 0 || c.share() - c.shareBound() > h1)) {
                resolved = false;
                bound = Double.POSITIVE_INFINITY;
            }
        }
        if (!resolved) {
            return new MercerDegree(k, 0, n, logN, 0, Math.max(Math.min(bound, aPriori), Double.MIN_NORMAL),
                    EigenvalueMethod.BELOW_RESOLUTION);
        }
        double lambda = scale * c.mu();
        if (Math.abs(lambda) < Double.MIN_NORMAL) {
            // λ_k is below the normal double range (only where N(d, k) > 10^300): 0 is within
            // MIN_NORMAL of it, and the share N·λ_k / trace keeps the value
            return new MercerDegree(k, 0, n, logN, c.share() / h1, Double.MIN_NORMAL, c.method());
        }
        return new MercerDegree(k, lambda, n, logN, c.share() / h1, Math.max(bound, Math.ulp(lambda)), c.method());
    }

    /** N·x, through logarithms where N overflows a double. */
    private static double timesN(double x, double n, double logN) {
        if (Double.isFinite(n) || !Double.isFinite(x)) {
            return n * x;
        }
        if (x == 0) {
            return x;
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
     * The largest degree for which {@link FunkHeckeRodrigues} is run, or −1: deep kernels only (the
     * arc-cosine families have closed forms, parity zeros and fast series), degrees up to
     * {@value #RODRIGUES_MAX_DEGREE}, fewer for deep kernels of many layers so that
     * depth·K³ ≤ {@value #RODRIGUES_WORK}: its cost is ≈ 80·depth·K³ multiply-adds at small d (fewer
     * at large d), ≈ 0.03 s for depth 3 and K = 50, ≈ 1–2 s at the cap (depth 3, K = 200; depth 64,
     * K = 72).
     */
    private static int rodriguesDegree(ReferenceProfile ref, int maxDegree) {
        if (ref.family() != ReferenceProfile.Family.DEEP_NTK && ref.family() != ReferenceProfile.Family.DEEP_NNGP) {
            return -1;
        }
        int k = Math.min(maxDegree, RODRIGUES_MAX_DEGREE);
        while (k > 8 && (double) ref.depth() * k * k * k > RODRIGUES_WORK) {
            k--;
        }
        return k;
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
