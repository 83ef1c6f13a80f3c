package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.HomogeneousKernel;

/**
 * High degrees (up to 1000) and huge multiplicities (d = 10⁵, N(d, k) up to 10²⁴⁰⁰): every degree
 * follows the reporting rule of {@link MercerDegree}, resolved values agree with independent
 * high-precision references within their bounds, and the captured fraction stays in [0, 1]. These are
 * the cases in which quadrature noise used to pass its own bound (deep-ntk depth 3, d = 20,
 * k ≈ 693–863: captured fraction 4983) and a subnormal value passed with bound 0 (arccos0,
 * d = 10⁵, k = 203: captured fraction ∞).
 */
class MercerSpectraHighDegreeTest {

    /**
     * Asserts the reporting rule on every degree of a spectrum of one of the library's kernels
     * (eigenvalues ≥ 0, never subnormal; resolved values exceed their bounds; unresolved degrees are
     * 0 with a bound no larger than the a-priori trace/N) and that the captured fraction lies in
     * [0, 1] up to its own error, which is returned.
     */
    private static double assertReportingRule(MercerSpectrum s, String what) {
        double fractionError = 0;
        for (MercerDegree g : s.degrees()) {
            String at = what + " k = " + g.degree() + " (" + g.method() + ")";
            double lambda = g.eigenvalue();
            double bound = g.errorBound();
            assertTrue(Double.isFinite(lambda) && lambda >= 0, at + ": eigenvalue " + lambda);
            assertTrue(lambda == 0 || lambda >= Double.MIN_NORMAL, at + ": subnormal eigenvalue " + lambda);
            assertTrue(g.traceShare() >= 0 && g.traceShare() <= 1, at + ": share " + g.traceShare());
            assertTrue(bound >= 0 && bound < Double.POSITIVE_INFINITY, at + ": bound " + bound);
            switch (g.method()) {
                case EXACT_ZERO:
                    assertEquals(0.0, lambda, 0, at);
                    assertEquals(0.0, g.traceShare(), 0, at);
                    break;
                case CLOSED_FORM:
                    assertTrue(lambda > 0 && bound <= 1e-13 * lambda, at);
                    fractionError += g.traceShare() * bound / lambda;
                    break;
                case BELOW_RESOLUTION:
                    assertEquals(0.0, lambda, 0, at);
                    assertEquals(0.0, g.traceShare(), 0, at);
                    assertTrue(bound >= Double.MIN_NORMAL, at + ": bound " + bound);
                    // 0 ≤ N λ_k ≤ trace caps the bound of an unresolved degree (or MIN_NORMAL, the floor)
                    assertTrue(bound == Double.MIN_NORMAL
                            || Math.log(bound) <= Math.log(s.trace()) - g.logMultiplicity() + 1e-12, at + ": bound "
                            + bound + " above trace/N");
                    break;
                default:
                    if (lambda == 0) {
                        // resolved but below the normal double range: the share holds the value
                        assertTrue(g.traceShare() > 0, at);
                        double logLambda = Math.log(g.traceShare() * s.trace()) - g.logMultiplicity();
                        assertTrue(logLambda < Math.log(Double.MIN_NORMAL), at + ": flushed although representable");
                        assertEquals(Double.MIN_NORMAL, bound, 0, at);
                        // there the series is converged to ≤ 1e−13 relative (checked against mpmath below)
                        fractionError += 1e-13 * g.traceShare();
                    } else {
                        assertTrue(lambda > bound, at + ": resolved value " + lambda + " within its bound " + bound);
                        // share = N λ_k / trace, in logs where N overflows
                        assertEquals(g.logMultiplicity() + Math.log(lambda / s.trace()), Math.log(g.traceShare()),
                                1e-12, at);
                        fractionError += g.traceShare() * bound / lambda;
                    }
                    break;
            }
        }
        double captured = s.capturedFraction();
        assertTrue(captured >= 0 && captured <= 1 + fractionError + 1e-14, what + ": captured fraction " + captured
                + " (own error " + fractionError + ")");
        return fractionError;
    }

    /** Resolved: agrees with the reference within its bound; unresolved: the bound covers it. */
    private static void assertCovers(double lambda, MercerDegree g, String what) {
        String at = what + " k = " + g.degree() + " (" + g.method() + ")";
        if (g.resolved()) {
            assertTrue(Math.abs(g.eigenvalue() - lambda) <= g.errorBound(), at + ": error "
                    + Math.abs(g.eigenvalue() - lambda) + " > bound " + g.errorBound());
        } else {
            assertTrue(lambda <= g.errorBound(), at + ": true value " + lambda + " above bound " + g.errorBound());
        }
    }

    /** Two spectra of one kernel agree on every degree both resolve, within the sum of their bounds. */
    private static void assertConsistent(MercerSpectrum a, MercerSpectrum b, String what) {
        for (int k = 0; k <= Math.min(a.maxDegree(), b.maxDegree()); k++) {
            MercerDegree x = a.degree(k);
            MercerDegree y = b.degree(k);
            if (x.resolved() && y.resolved()) {
                assertTrue(Math.abs(x.eigenvalue() - y.eigenvalue()) <= x.errorBound() + y.errorBound(),
                        what + " k = " + k + ": " + x.eigenvalue() + " ± " + x.errorBound() + " (" + x.method()
                        + ") vs " + y.eigenvalue() + " ± " + y.errorBound() + " (" + y.method() + ")");
            }
        }
    }

    @Test
    void deepNtkOfDepthThreeAtDimensionTwentyToDegreeThousand() {
        MercerSpectrum s = MercerSpectra.of(ClosedFormKernels.deepNtk(3), 20, 1000);
        assertReportingRule(s, "deep-ntk(3), d = 20");
        // degrees 0..100 are resolved (series); the noise of degrees ≈ 693–863 is not reported
        for (int k = 0; k <= 100; k++) {
            assertTrue(s.degree(k).resolved(), "k = " + k);
        }
        for (int k = 693; k <= 863; k++) {
            assertSame(EigenvalueMethod.BELOW_RESOLUTION, s.degree(k).method(), "k = " + k);
        }
        // mpmath, 45 digits, two subdivisions agreeing to ≤ 2e−25 (mercer_reference.py high): μ_k, λ_k = 20 μ_k
        String[][] refs = {{"100", "4.060161005861352186666e-25"}, {"150", "2.097850375600415327969e-28"},
            {"200", "8.791233575276480140222e-31"}};
        for (String[] r : refs) {
            assertCovers(20 * Double.parseDouble(r[1]), s.degree(Integer.parseInt(r[0])), "deep-ntk(3), d = 20");
        }
        MercerDegree k100 = s.degree(100);
        assertTrue(k100.errorBound() <= 1e-2 * k100.eigenvalue(), "k = 100 resolved to 1%: " + k100.errorBound());
        // the leading degrees do not depend on K (a different series length) beyond their bounds
        assertConsistent(s, MercerSpectra.of(ClosedFormKernels.deepNtk(3), 20, 8), "deep-ntk(3), K = 1000 vs 8");
        assertTrue(s.capturedFraction() > 0.98, "captured " + s.capturedFraction());
    }

    @Test
    void deepNngpOfDepthTwoAtDimensionTwentyToDegreeFourHundred() {
        // (K = 400 rather than 1000 keeps the cost of the deep series down; deep-ntk above covers K = 1000)
        MercerSpectrum s = MercerSpectra.of(ClosedFormKernels.deepNngp(2), 20, 400);
        assertReportingRule(s, "deep-nngp(2), d = 20");
        // mpmath (mercer_reference.py): μ_k at 40 digits (k ≤ 6, as in MercerSpectraTest) and at 45 digits
        // (k = 100, 200; two subdivisions agreeing to ≤ 4e−21 relative, mercer_reference.py high)
        String[][] refs = {{"0", "0.50074573351869165048"}, {"5", "1.0778750937897708933e-7"},
            {"6", "2.506163142869983008e-8"}, {"100", "2.725573738590939029794e-28"},
            {"200", "1.599148436975141608955e-34"}};
        for (String[] r : refs) {
            int k = Integer.parseInt(r[0]);
            double lambda = 20 * Double.parseDouble(r[1]);
            MercerDegree g = s.degree(k);
            assertCovers(lambda, g, "deep-nngp(2), d = 20");
            if (k <= 100) {
                assertTrue(g.resolved(), "k = " + k);
            }
            if (k <= 6) {
                assertEquals(lambda, g.eigenvalue(), 1e-14 * lambda, "k = " + k);
            }
        }
        assertConsistent(s, MercerSpectra.of(ClosedFormKernels.deepNngp(2), 20, 8), "deep-nngp(2), K = 400 vs 8");
    }

    @Test
    void arcCosineZeroAtDimensionHundredThousandToDegreeThousand() {
        int d = 100_000;
        MercerSpectrum s = MercerSpectra.of(ClosedFormKernels.arccos0(), d, 1000);
        assertReportingRule(s, "arccos0, d = 10⁵");
        assertEquals(0.25, s.eigenvalue(0), 1e-16);
        double c = Sphere.reluMean(d);
        assertEquals(c * c, s.eigenvalue(1), 1e-15 * c * c);
        for (int k = 2; k <= 1000; k++) {
            MercerDegree g = s.degree(k);
            if (k % 2 == 0) {
                assertSame(EigenvalueMethod.EXACT_ZERO, g.method(), "k = " + k);
            } else {
                // the closed form while μ_k ≥ 2^−960; beyond, where N(d, k) ≥ 10³⁴⁵ and λ_k is below the
                // double range but its share is not, the series
                assertSame(g.eigenvalue() >= 0x1p-960 ? EigenvalueMethod.CLOSED_FORM : EigenvalueMethod.SERIES,
                        g.method(), "k = " + k);
                assertTrue(g.traceShare() > 0, "k = " + k);
            }
        }
        // N(d,k) μ_k / h(1): the series in mpmath with log-Γ moments, 40 digits (mercer_reference.py high)
        String[][] refs = {{"101", "0.00025095847594701420755"}, {"203", "0.000088007475973972819839"},
            {"909", "9.310940744899553701e-6"}};
        for (String[] r : refs) {
            double share = Double.parseDouble(r[1]);
            assertEquals(share, s.degree(Integer.parseInt(r[0])).traceShare(), 1e-13 * share, "k = " + r[0]);
        }
        assertSame(EigenvalueMethod.CLOSED_FORM, s.degree(3).method());
        assertSame(EigenvalueMethod.SERIES, s.degree(999).method());
        assertTrue(s.capturedFraction() > 0.99, "captured " + s.capturedFraction());
    }

    @Test
    void arcCosineOneAndTwoLayerNtkAtDimensionHundredThousand() {
        int d = 100_000;
        Object[][] refs = {
            // kernel, degree, N(d,k) μ_k / h(1) from mpmath (mercer_reference.py high), 40 digits
            {ClosedFormKernels.arccos1(), 100, "2.5835613805720233706e-6"},
            {ClosedFormKernels.arccos1(), 300, "1.6363383265493238043e-7"},
            {ClosedFormKernels.ntk2(), 200, "0.000045563137871191893539"},
        };
        for (HomogeneousKernel k : new HomogeneousKernel[] {ClosedFormKernels.arccos1(), ClosedFormKernels.ntk2()}) {
            MercerSpectrum s = MercerSpectra.of(k, d, 300);
            assertReportingRule(s, k.name() + ", d = 10⁵");
            for (int deg = 3; deg <= 300; deg++) {
                MercerDegree g = s.degree(deg);
                EigenvalueMethod expected = deg % 2 == 1 ? EigenvalueMethod.EXACT_ZERO
                        : g.eigenvalue() >= 0x1p-960 * d ? EigenvalueMethod.CLOSED_FORM : EigenvalueMethod.SERIES;
                assertSame(expected, g.method(), k.name() + " k = " + deg);
            }
            for (Object[] r : refs) {
                if (r[0] == k) {
                    double share = Double.parseDouble((String) r[2]);
                    MercerDegree g = s.degree((Integer) r[1]);
                    assertEquals(0.0, g.eigenvalue(), 0, "λ_k < 1e−300 is reported as 0");
                    assertEquals(share, g.traceShare(), 1e-13 * share, k.name() + " k = " + r[1]);
                }
            }
            // MATH.md §9.1: degrees 0–2 of arccos1 hold 1/2 + 3/(2π) + O(1/d) of the trace
            if (k.name().equals("arccos1")) {
                double low = s.degree(0).traceShare() + s.degree(1).traceShare() + s.degree(2).traceShare();
                assertEquals(0.5 + 1.5 / Math.PI, low, 1e-4);
            }
        }
    }

    @Test
    void quadratureNoiseAtHighDegreesStaysWithinItsBound() {
        // an unrecognised copy of arccos1 goes through quadrature only; its odd degrees ≥ 3 are exactly 0
        // (MATH.md §3.4), so whatever quadrature returns there is noise and must be within its bound
        HomogeneousKernel copy = ClosedFormKernels.renamed(ClosedFormKernels.arccos1(), "rf");
        MercerSpectrum quad = MercerSpectra.of(copy, 20, 1000);
        // (K = 300: beyond, the series needs up to 2^20 terms per degree at d = 20, which takes seconds)
        MercerSpectrum exact = MercerSpectra.of(ClosedFormKernels.arccos1(), 20, 300);
        int resolvedEven = 0;
        for (int k = 3; k <= 1000; k++) {
            MercerDegree g = quad.degree(k);
            if (k % 2 == 1) {
                assertSame(EigenvalueMethod.BELOW_RESOLUTION, g.method(), "k = " + k + ": " + g.eigenvalue());
                assertEquals(0.0, g.eigenvalue(), 0);
            } else if (g.resolved()) {
                resolvedEven++;
            }
        }
        assertTrue(resolvedEven >= 10, "quadrature still resolves the leading even degrees: " + resolvedEven);
        assertConsistent(quad, exact, "arccos1, d = 20, quadrature vs series");
        assertReportingRule(exact, "arccos1, d = 20");
        assertTrue(quad.capturedFraction() <= exact.capturedFraction() + 1e-12);

        // the subnormal case through quadrature alone: nothing below resolution may pass
        MercerSpectrum wide = MercerSpectra.of(ClosedFormKernels.renamed(ClosedFormKernels.arccos0(), "step"), 100_000,
                1000);
        for (MercerDegree g : wide.degrees()) {
            double lambda = g.eigenvalue();
            assertTrue(lambda == 0 || Math.abs(lambda) >= Double.MIN_NORMAL, "k = " + g.degree() + ": " + lambda);
            assertTrue(Double.isFinite(g.traceShare()), "k = " + g.degree());
        }
        assertSame(EigenvalueMethod.BELOW_RESOLUTION, wide.degree(203).method());
        double captured = wide.capturedFraction();
        assertTrue(captured > 0.8 && captured <= 1 + 1e-12, "captured " + captured);
    }

    @Test
    void classificationFollowsTheReportingRule() {
        double n = 10;
        double logN = Math.log(10);
        // a negative value beyond its bound: kept for an arbitrary kernel (it may be indefinite) ...
        MercerSpectra.Candidate negative = MercerSpectra.Candidate.ofMu(-3e-20, 1e-20, EigenvalueMethod.QUADRATURE,
                n, logN);
        MercerDegree kept = MercerSpectra.classify(7, negative, n, logN, 5, 1, false);
        assertSame(EigenvalueMethod.QUADRATURE, kept.method());
        assertEquals(-1.5e-19, kept.eigenvalue(), 1e-33);
        assertEquals(-3e-19, kept.traceShare(), 1e-33);
        // ... but for a library kernel (λ_k ≥ 0) the bound failed: unresolved, a-priori bound trace/N
        MercerDegree refused = MercerSpectra.classify(7, negative, n, logN, 5, 1, true);
        assertSame(EigenvalueMethod.BELOW_RESOLUTION, refused.method());
        assertEquals(0.0, refused.eigenvalue(), 0);
        assertEquals(0.0, refused.traceShare(), 0);
        assertEquals(5 * 1 / n, refused.errorBound(), 1e-15);
        // a negative value within its bound: clamped to 0, below resolution, for any kernel
        for (boolean pd : new boolean[] {false, true}) {
            MercerDegree clamped = MercerSpectra.classify(7, MercerSpectra.Candidate.ofMu(-0.5e-20, 1e-20,
                    EigenvalueMethod.QUADRATURE, n, logN), n, logN, 5, 1, pd);
            assertSame(EigenvalueMethod.BELOW_RESOLUTION, clamped.method());
            assertEquals(0.0, clamped.eigenvalue(), 0);
            assertEquals(5e-20, clamped.errorBound(), 1e-34);
        }
        // more than the whole trace in one degree (N μ_k = 2 h(1)): unresolved for a library kernel
        MercerDegree over = MercerSpectra.classify(2, MercerSpectra.Candidate.ofMu(0.2, 1e-6,
                EigenvalueMethod.QUADRATURE, n, logN), n, logN, 5, 1, true);
        assertSame(EigenvalueMethod.BELOW_RESOLUTION, over.method());
        assertEquals(0.5, over.errorBound(), 1e-15);
        // N = e^2000: a subnormal quadrature value with bound 0 (the old arccos0 case) is refused ...
        double hugeN = Double.POSITIVE_INFINITY;
        MercerDegree subnormal = MercerSpectra.classify(203, MercerSpectra.Candidate.ofMu(6.2e-322, 0,
                EigenvalueMethod.QUADRATURE, hugeN, 2000), hugeN, 2000, 1, 0.5, true);
        assertSame(EigenvalueMethod.BELOW_RESOLUTION, subnormal.method());
        assertEquals(Double.MIN_NORMAL, subnormal.errorBound(), 0, "a-priori e^−2000/2 rounds up to MIN_NORMAL");
        // ... while a series share N μ_k = 1e−5 ± 1e−18 is resolved: λ_k = 1e−5·e^−2000 reads 0, share kept
        MercerDegree series = MercerSpectra.classify(203, MercerSpectra.Candidate.ofShare(1e-5, 1e-18,
                EigenvalueMethod.SERIES, hugeN, 2000), hugeN, 2000, 1, 0.5, true);
        assertSame(EigenvalueMethod.SERIES, series.method());
        assertEquals(0.0, series.eigenvalue(), 0);
        assertEquals(2e-5, series.traceShare(), 1e-20);
        assertEquals(Double.MIN_NORMAL, series.errorBound(), 0);
    }
}
