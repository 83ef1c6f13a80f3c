package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.HomogeneousKernel;

class MercerSpectraTest {

    /**
     * Asserts agreement with a MATH.md table entry to half a unit of its last printed digit, or to the
     * 1e−10 relative that MATH.md §9 states for its deterministic values, whichever is larger (the
     * printed λ0 for d = 1000, 159.2345404480, is 1.4e−10 above the true 159.23454044785578; see
     * {@code lambdaZeroAtDimensionThousandToFullPrecision}).
     */
    private static void assertTable(String printed, double actual, String what) {
        BigDecimal v = new BigDecimal(printed);
        double tol = Math.max(v.ulp().doubleValue() / 2, 1e-10 * Math.abs(v.doubleValue()))
                + 2 * Math.ulp(v.doubleValue());
        assertEquals(v.doubleValue(), actual, tol, what);
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.abs(expected), what);
    }

    @Test
    void randomFeatureKernelReproducesMathTable91() {
        // MATH.md §9.1: d, λ0 exact, λ2 exact, mult λ2, frac exact (Σ_{k≤2} share), λ4
        String[][] rows = {
            {"2", "0.4052847346", "4.5031637174e-2", "2", "0.99534801", "1.8013e-3"},
            {"3", "0.5625", "3.515625e-2", "5", "0.9921875", "9.7656e-4"},
            {"4", "0.7205061948", "2.8820247792e-2", "9", "0.98994421", "5.8817e-4"},
            {"5", "0.87890625", "2.44140625e-2", "14", "0.98828125", "3.8147e-4"},
            {"10", "1.6730121167", "1.3826546419e-2", "54", "0.98392912", "8.1814e-5"},
            {"20", "3.2636454979", "7.4005566846e-3", "209", "0.98103618", "1.3990e-5"},
            {"50", "8.0377184872", "3.0902416329e-3", "1274", "0.97898745", "1.1001e-6"},
            {"100", "15.9952697236", "1.5680099719e-3", "5049", "0.97824304", "1.4780e-7"},
            {"1000", "159.2345404480", "1.5891654843e-4", "500499", "0.97754423", "1.58e-10"},
        };
        HomogeneousKernel k = ClosedFormKernels.arccos1();
        for (String[] r : rows) {
            int d = Integer.parseInt(r[0]);
            MercerSpectrum s = MercerSpectra.of(k, d, 4);
            assertTable(r[1], s.eigenvalue(0), "λ0, d = " + d);
            assertEquals(0.25, s.eigenvalue(1), 1e-16, "λ1, d = " + d);
            assertTable(r[2], s.eigenvalue(2), "λ2, d = " + d);
            assertEquals(Double.parseDouble(r[3]), s.degree(2).multiplicity(), "mult λ2, d = " + d);
            assertTable(r[5], s.eigenvalue(4), "λ4, d = " + d);
            MercerSpectrum upTo2 = MercerSpectra.of(k, d, 2);
            assertTable(r[4], upTo2.capturedFraction(), "frac, d = " + d);
            assertEquals(d / 2.0, s.trace(), 0, "trace d/2");
        }
        // d = 1: λ0 = λ1 = 1/4, no degree 2, fraction 1
        MercerSpectrum one = MercerSpectra.of(k, 1, 3);
        assertEquals(0.25, one.eigenvalue(0), 1e-16);
        assertEquals(0.25, one.eigenvalue(1), 1e-16);
        assertEquals(0, one.degree(2).multiplicity());
        assertEquals(1, one.capturedFraction(), 1e-15);
        // limit fraction (MATH.md §9.1): frac(d) → 1/2 + 3/(2π) from above
        double big = MercerSpectra.of(k, 1_000_000, 2).capturedFraction();
        assertTrue(big > 0.5 + 1.5 / Math.PI && big < 0.5 + 1.5 / Math.PI + 1e-6);
    }

    @Test
    void lambdaZeroAtDimensionThousandToFullPrecision() {
        // mpmath, 40 digits: 1000² · (Γ(500)/(2√π Γ(500.5)))² = 159.2345404478557833
        assertRelative(159.2345404478557833, MercerSpectra.of(ClosedFormKernels.arccos1(), 1000, 0).eigenvalue(0),
                1e-14, "λ0, d = 1000");
    }

    @Test
    void lambdaFourMultiplicitiesOfTable91() {
        int[] d = {2, 3, 4, 5, 10};
        int[] mult = {2, 9, 25, 55, 660};
        for (int i = 0; i < d.length; i++) {
            assertEquals(mult[i], MercerSpectra.of(ClosedFormKernels.arccos1(), d[i], 4).degree(4).multiplicity());
        }
    }

    @Test
    void bothLayersNtkReproducesMathTable93() {
        // MATH.md §9.3: d, λ0, λ1, λ2, fraction of the trace d held by degrees 0–2
        String[][] rows = {
            {"2", "0.6079271019", "0.5", "0.1576107301", "0.96157"},
            {"3", "0.75", "0.5", "0.1171875", "0.94531"},
            {"5", "1.0546875", "0.5", "0.078125", "0.92969"},
            {"10", "1.8403133284", "0.5", "0.0428622939", "0.91549"},
            {"100", "16.1552224209", "0.5", "0.0047197100", "0.89985"},
        };
        for (String[] r : rows) {
            int d = Integer.parseInt(r[0]);
            MercerSpectrum s = MercerSpectra.of(ClosedFormKernels.ntk2(), d, 2);
            assertTable(r[1], s.eigenvalue(0), "λ0, d = " + d);
            assertTable(r[2], s.eigenvalue(1), "λ1, d = " + d);
            assertTable(r[3], s.eigenvalue(2), "λ2, d = " + d);
            assertTable(r[4], s.capturedFraction(), "fraction, d = " + d);
            assertEquals(d, s.trace(), 0);
        }
    }

    @Test
    void closedFormsAgreeWithQuadratureOfAnUnrecognisedCopy() {
        // the same profiles under other names go through quadrature only
        for (HomogeneousKernel k : new HomogeneousKernel[] {ClosedFormKernels.arccos1(), ClosedFormKernels.ntk2(),
            ClosedFormKernels.arccos0()}) {
            HomogeneousKernel copy = ClosedFormKernels.renamed(k, "copy-of-" + k.name());
            for (int d : new int[] {2, 3, 5, 10, 50, 300}) {
                MercerSpectrum exact = MercerSpectra.of(k, d, 2);
                MercerSpectrum quad = MercerSpectra.of(copy, d, 2);
                int top = k.radialDegree() == 0 ? 1 : 2;
                for (int deg = 0; deg <= top; deg++) {
                    assertSame(EigenvalueMethod.CLOSED_FORM, exact.degree(deg).method());
                    assertSame(EigenvalueMethod.QUADRATURE, quad.degree(deg).method());
                    assertRelative(exact.eigenvalue(deg), quad.eigenvalue(deg), 1e-12,
                            k.name() + " degree " + deg + ", d = " + d);
                }
            }
        }
    }

    @Test
    void seriesAndQuadratureAgreeWhereBothResolve() {
        // recognised arccos1 uses its closed form for every degree; the renamed copy uses quadrature
        for (int d : new int[] {5, 10, 20}) {
            MercerSpectrum recognised = MercerSpectra.of(ClosedFormKernels.arccos1(), d, 8);
            MercerSpectrum quad = MercerSpectra.of(ClosedFormKernels.renamed(ClosedFormKernels.arccos1(), "rf"), d, 8);
            for (int k : new int[] {4, 6, 8}) {
                String what = "d = " + d + ", k = " + k;
                MercerDegree s = recognised.degree(k);
                MercerDegree q = quad.degree(k);
                assertSame(EigenvalueMethod.CLOSED_FORM, s.method(), what);
                assertSame(EigenvalueMethod.QUADRATURE, q.method(), what);
                // the two independent methods agree within their stated bounds ...
                assertTrue(Math.abs(s.eigenvalue() - q.eigenvalue()) <= s.errorBound() + q.errorBound(), what);
                // ... the closed form's bound (32 ulps) is below 1e−13 relative; its actual error is
                // checked against mpmath in the next test and in MercerClosedFormTest
                assertTrue(s.errorBound() <= 1e-13 * s.eigenvalue(), what);
                // quadrature reaches 1e−12 relative where the cancellation E|h P_k|/μ_k is moderate
                if (k == 4) {
                    assertRelative(s.eigenvalue(), q.eigenvalue(), 1e-12, what);
                }
            }
        }
    }

    @Test
    void matchesIndependentHighPrecisionValuesWithinTheStatedBounds() {
        // mpmath, 40 digits (src/test/resources/org/ntk/core/mercer/mercer_reference.py): μ_k = λ_k / d^p
        Object[][] refs = {
            {ClosedFormKernels.arccos1(), 2, 4, "0.00090063274348744685728"},
            {ClosedFormKernels.arccos1(), 2, 6, "0.00016542234064055146358"},
            {ClosedFormKernels.arccos1(), 2, 8, "0.000051056277975478846785"},
            {ClosedFormKernels.arccos1(), 3, 4, "0.00032552083333333333333"},
            {ClosedFormKernels.arccos1(), 3, 8, "0.000011444091796875"},
            {ClosedFormKernels.arccos1(), 5, 4, "0.0000762939453125"},
            {ClosedFormKernels.arccos1(), 5, 8, "1.1920928955078125e-6"},
            {ClosedFormKernels.arccos1(), 10, 4, "8.1813884136167580392e-6"},
            {ClosedFormKernels.arccos1(), 10, 8, "2.8309302469262138544e-8"},
            {ClosedFormKernels.arccos1(), 20, 6, "1.0072591328756940911e-8"},
            {ClosedFormKernels.arccos1(), 20, 8, "3.4542494268713789133e-10"},
            {ClosedFormKernels.arccos1(), 1000, 4, "1.5796732279178264997e-13"},
            {ClosedFormKernels.arccos1(), 1000, 6, "1.4075947675810438848e-18"},
            {ClosedFormKernels.arccos1(), 10000, 4, "1.5903563753629736728e-17"},
            {ClosedFormKernels.arccos1(), 10000, 20, "1.8525834497041167243e-66"},
            {ClosedFormKernels.arccos1(), 10000, 50, "1.9980745891709840661e-141"},
            {ClosedFormKernels.ntk2(), 10, 4, "0.000048270191640338872431"},
            {ClosedFormKernels.ntk2(), 10, 6, "3.1089275971743680549e-6"},
            {ClosedFormKernels.arccos0(), 3, 1, "0.0625"},
            {ClosedFormKernels.arccos0(), 3, 3, "0.00390625"},
            {ClosedFormKernels.arccos0(), 3, 5, "0.0009765625"},
            {ClosedFormKernels.arccos0(), 10, 1, "0.016730121167004908514"},
            {ClosedFormKernels.arccos0(), 10, 3, "0.00013826546419012321086"},
            {ClosedFormKernels.arccos0(), 10, 5, "7.3632495722550822353e-6"},
            {ClosedFormKernels.deepNtk(2), 5, 0, "0.82288436036206907084"},
            {ClosedFormKernels.deepNtk(2), 5, 1, "0.21128346618984531088"},
            {ClosedFormKernels.deepNtk(2), 5, 2, "0.042096187908089477131"},
            {ClosedFormKernels.deepNtk(2), 5, 3, "0.0051954039915540735916"},
            {ClosedFormKernels.deepNtk(2), 5, 4, "0.0018184842431226646004"},
            {ClosedFormKernels.deepNtk(2), 50, 0, "0.69815777715339006515"},
            {ClosedFormKernels.deepNtk(2), 50, 3, "8.2739968176465081366e-6"},
            {ClosedFormKernels.deepNtk(2), 50, 6, "1.7453554369147418645e-9"},
            {ClosedFormKernels.deepNngp(2), 20, 0, "0.50074573351869165048"},
            {ClosedFormKernels.deepNngp(2), 20, 5, "1.0778750937897708933e-7"},
            {ClosedFormKernels.deepNngp(2), 20, 6, "2.506163142869983008e-8"},
        };
        for (Object[] r : refs) {
            HomogeneousKernel k = (HomogeneousKernel) r[0];
            int d = (Integer) r[1];
            int deg = (Integer) r[2];
            double mu = Double.parseDouble((String) r[3]);
            double scale = k.radialDegree() == 1 ? d : 1;
            MercerDegree g = MercerSpectra.of(k, d, deg).degree(deg);
            String what = k.name() + " d = " + d + " k = " + deg + " (" + g.method() + ")";
            double error = Math.abs(g.eigenvalue() - scale * mu);
            // the stated bound holds ...
            assertTrue(error <= g.errorBound() + 4 * Math.ulp(scale * mu), what + ": error " + error + " > bound "
                    + g.errorBound());
            // ... and it is tight enough: every value here is resolved to 1e−10 relative or better, closed
            // forms and series to 1e−14, and quadrature of the leading degrees (k ≤ 4) to 1e−12
            assertTrue(g.errorBound() <= 1e-10 * scale * mu, what + ": bound " + g.errorBound());
            if (g.method() != EigenvalueMethod.QUADRATURE) {
                assertRelative(scale * mu, g.eigenvalue(), 1e-14, what);
            } else if (deg <= 4) {
                assertRelative(scale * mu, g.eigenvalue(), 1e-12, what);
            }
        }
    }

    @Test
    void highDegreesAtModerateDimensionWithinTheStatedBounds() {
        // mpmath at 60 digits (mercer_reference.py); here the deep-ntk series is truncated at its default
        // length (not converged: bound ≈ 1e−7 relative, actual error 5e−8), so the Rodrigues quadrature
        // (bound ≈ 1e−13) wins; the arc-cosine rows have closed forms and deep-nngp at d = 64 its converged series.
        // Columns: kernel, d, k, μ_k, largest acceptable relative bound, largest acceptable relative error,
        // expected method
        Object[][] refs = {
            {ClosedFormKernels.arccos1(), 30, 40, "3.6639106637029686411e-25", 1e-12, 1e-14, EigenvalueMethod.CLOSED_FORM},
            {ClosedFormKernels.deepNtk(2), 20, 30, "2.3904326337031440674e-16", 1e-12, 1e-14,
                EigenvalueMethod.RODRIGUES},
            {ClosedFormKernels.ntk2(), 16, 24, "7.2396529704866415181e-14", 1e-12, 1e-14, EigenvalueMethod.CLOSED_FORM},
            {ClosedFormKernels.deepNngp(2), 64, 40, "4.226859635115989314e-34", 1e-12, 1e-14, EigenvalueMethod.SERIES},
        };
        for (Object[] r : refs) {
            HomogeneousKernel k = (HomogeneousKernel) r[0];
            int d = (Integer) r[1];
            int deg = (Integer) r[2];
            double lambda = d * Double.parseDouble((String) r[3]);
            MercerDegree g = MercerSpectra.of(k, d, deg).degree(deg);
            String what = k.name() + " d = " + d + " k = " + deg + " (" + g.method() + ")";
            assertSame(r[6], g.method(), what);
            assertTrue(Math.abs(g.eigenvalue() - lambda) <= g.errorBound(), what + ": error "
                    + Math.abs(g.eigenvalue() - lambda) + " > bound " + g.errorBound());
            assertTrue(g.errorBound() <= (Double) r[4] * lambda, what + ": bound " + g.errorBound());
            assertRelative(lambda, g.eigenvalue(), (Double) r[5], what);
        }
    }

    @Test
    void parityZerosAreExactAndFlagged() {
        MercerSpectrum a1 = MercerSpectra.of(ClosedFormKernels.arccos1(), 7, 21);
        MercerSpectrum n2 = MercerSpectra.of(ClosedFormKernels.ntk2(), 7, 21);
        MercerSpectrum a0 = MercerSpectra.of(ClosedFormKernels.arccos0(), 7, 21);
        for (int k = 0; k <= 21; k++) {
            boolean oddHigh = k >= 3 && k % 2 == 1;
            assertEquals(oddHigh, a1.degree(k).exactZero(), "arccos1 k = " + k);
            assertEquals(oddHigh, n2.degree(k).exactZero(), "ntk2 k = " + k);
            assertEquals(k >= 2 && k % 2 == 0, a0.degree(k).exactZero(), "arccos0 k = " + k);
            if (oddHigh) {
                assertEquals(0.0, a1.eigenvalue(k), 0);
                assertEquals(0.0, a1.degree(k).errorBound(), 0);
                assertEquals(0.0, a1.degree(k).traceShare(), 0);
            } else {
                assertTrue(a1.eigenvalue(k) > 0, "even degrees of arccos1 are positive, k = " + k);
            }
        }
        // quadrature of an unrecognised copy cannot tell 0 from noise: it says so (below resolution)
        MercerSpectrum copy = MercerSpectra.of(ClosedFormKernels.renamed(ClosedFormKernels.arccos1(), "rf"), 7, 21);
        for (int k = 3; k <= 21; k += 2) {
            assertSame(EigenvalueMethod.BELOW_RESOLUTION, copy.degree(k).method(), "k = " + k);
            assertEquals(0.0, copy.eigenvalue(k), 0);
            assertTrue(copy.degree(k).errorBound() > 0 && copy.degree(k).errorBound() < 1e-14);
        }
    }

    @Test
    void arcCosineZeroIsZonalWithoutRadialFactor() {
        for (int d : new int[] {2, 3, 10, 1000}) {
            MercerSpectrum s = MercerSpectra.of(ClosedFormKernels.arccos0(), d, 6);
            assertEquals(0, s.radialDegree());
            assertEquals(0.5, s.trace(), 0, "trace = h(1), no factor d");
            assertEquals(0.25, s.eigenvalue(0), 1e-16);
            double c = Sphere.reluMean(d);
            assertRelative(c * c, s.eigenvalue(1), 1e-15, "λ1 = c_d², d = " + d);
            // λ0 + d λ1 = 1/4 + d c_d² of the trace 1/2 (shares are of h(1))
            assertRelative(0.5 + 2 * d * c * c, s.degree(0).traceShare() + s.degree(1).traceShare(), 1e-14, "d = " + d);
        }
    }

    @Test
    void truncatedSumsConvergeToTheTrace() {
        // MATH.md §9.1 sum check: Σ_{k≤8} N(d,k) λ_k = 0.99982 (d=2), 2.49819 (d=5), 4.99315 (d=10)
        String[] expected = {"0.99982", "2.49819", "4.99315"};
        int[] dims = {2, 5, 10};
        for (int i = 0; i < dims.length; i++) {
            int d = dims[i];
            MercerSpectrum s8 = MercerSpectra.of(ClosedFormKernels.arccos1(), d, 8);
            assertTable(expected[i], s8.capturedFraction() * s8.trace(), "Σ_{k≤8} N λ, d = " + d);
            MercerSpectrum s50 = MercerSpectra.of(ClosedFormKernels.arccos1(), d, 50);
            assertTrue(s50.residualFraction() < s8.residualFraction() / 10, "d = " + d);
            assertTrue(s50.residualFraction() > 0, "every even degree holds a positive share, d = " + d);
        }
        // each kernel: residual decreases monotonically in K, and the shares are the eigenvalue sums
        for (HomogeneousKernel k : new HomogeneousKernel[] {ClosedFormKernels.ntk2(), ClosedFormKernels.arccos0(),
            ClosedFormKernels.deepNtk(3), ClosedFormKernels.deepNngp(2)}) {
            for (int d : new int[] {3, 30, 400}) {
                MercerSpectrum s = MercerSpectra.of(k, d, 30);
                double sum = 0;
                for (MercerDegree g : s.degrees()) {
                    assertTrue(g.traceShare() >= 0, k.name() + " d = " + d);
                    assertRelative(g.multiplicity() * g.eigenvalue() / s.trace(), g.traceShare(), 1e-13, "share");
                    sum += g.traceShare();
                }
                assertTrue(sum <= 1 + 1e-13 && sum > 0.9, k.name() + " d = " + d + " captured " + sum);
            }
        }
    }

    @Test
    void deepNtkOfOneHiddenLayerIsTwiceTheTwoLayerNtk() {
        // DESIGN.md: deepNtk(1) = 2 × ntk2; the deep path (series or quadrature) must reproduce the
        // closed forms of ntk2 (MATH.md §3.5)
        for (int d : new int[] {3, 10, 50, 1000}) {
            MercerSpectrum deep = MercerSpectra.of(ClosedFormKernels.deepNtk(1), d, 5);
            MercerSpectrum ntk = MercerSpectra.of(ClosedFormKernels.ntk2(), d, 5);
            for (int k = 0; k <= 2; k++) {
                assertRelative(2 * ntk.eigenvalue(k), deep.eigenvalue(k), 1e-12, "d = " + d + ", k = " + k);
            }
            assertRelative(2 * ntk.eigenvalue(4), deep.eigenvalue(4), 1e-11, "d = " + d + ", k = 4");
            assertEquals(0.0, deep.eigenvalue(3), 1e-14 * deep.eigenvalue(2) + deep.degree(3).errorBound());
        }
    }

    @Test
    void stableAtDimensionTenThousandAndDegreeFifty() {
        for (HomogeneousKernel k : new HomogeneousKernel[] {ClosedFormKernels.arccos1(), ClosedFormKernels.ntk2(),
            ClosedFormKernels.arccos0(), ClosedFormKernels.deepNtk(2), ClosedFormKernels.deepNngp(3)}) {
            MercerSpectrum s = MercerSpectra.of(k, 10_000, 50);
            for (MercerDegree g : s.degrees()) {
                String what = k.name() + " k = " + g.degree();
                assertTrue(Double.isFinite(g.eigenvalue()) && g.eigenvalue() >= 0, what);
                assertTrue(Double.isFinite(g.multiplicity()) && g.multiplicity() > 0, what);
                assertTrue(Double.isFinite(g.traceShare()) && g.traceShare() >= 0, what);
                assertTrue(Double.isFinite(g.errorBound()) && g.errorBound() >= 0, what);
                assertTrue(g.resolved(), what + " is resolved by closed form, parity or series");
            }
            assertTrue(s.capturedFraction() <= 1 + 1e-13, k.name());
            assertTrue(s.capturedFraction() > 0.95, k.name());
        }
        // small dimensions at degree 50 too (quadrature)
        for (int d : new int[] {1, 2, 3, 7}) {
            MercerSpectrum s = MercerSpectra.of(ClosedFormKernels.deepNtk(2), d, 50);
            for (MercerDegree g : s.degrees()) {
                assertTrue(Double.isFinite(g.eigenvalue()) && g.eigenvalue() >= 0, "d = " + d + " k = " + g.degree());
            }
            assertTrue(s.capturedFraction() <= 1 + 1e-13);
        }
    }

    @Test
    void unknownKernelsReportUnresolvedDegreesExplicitly() {
        // quadrature cannot reach λ_k ≈ 1e−100 at d = 10⁴: those degrees say so instead of returning noise
        HomogeneousKernel copy = ClosedFormKernels.renamed(ClosedFormKernels.arccos1(), "rf");
        MercerSpectrum quad = MercerSpectra.of(copy, 10_000, 12);
        MercerSpectrum exact = MercerSpectra.of(ClosedFormKernels.arccos1(), 10_000, 12);
        for (int k = 8; k <= 12; k++) {
            MercerDegree g = quad.degree(k);
            assertFalse(g.resolved(), "k = " + k);
            assertEquals(0.0, g.eigenvalue(), 0);
            assertEquals(0.0, g.traceShare(), 0);
            assertTrue(exact.eigenvalue(k) <= g.errorBound(), "the bound covers the true value, k = " + k);
        }
        for (int k = 0; k <= 2; k++) {
            assertTrue(Math.abs(quad.eigenvalue(k) - exact.eigenvalue(k)) <= quad.degree(k).errorBound());
        }
        assertTrue(quad.capturedFraction() <= exact.capturedFraction() + 1e-12);
    }

    @Test
    void recognitionIsVerifiedAgainstTheProfile() {
        // right name, wrong profile: treated as an unknown kernel (quadrature, no closed forms)
        HomogeneousKernel impostor = ClosedFormKernels.custom("arccos1", 1, t -> 0.5 * ClosedFormKernels.kappa1(t)
                + 0.25 * t);
        MercerSpectrum s = MercerSpectra.of(impostor, 5, 2);
        assertSame(EigenvalueMethod.QUADRATURE, s.degree(0).method());
        // μ_0 of the impostor = μ_0(kappa1)/2 (t has μ_0 = 0)
        assertRelative(0.5 * 0.87890625, s.eigenvalue(0), 1e-12, "impostor λ0");
        // deep kernels are recognised at any depth up to the cap, by h(1) = depth + 1 or by h(0)
        assertSame(EigenvalueMethod.SERIES, MercerSpectra.of(ClosedFormKernels.deepNtk(4), 100, 4).degree(4).method());
        assertSame(EigenvalueMethod.SERIES, MercerSpectra.of(ClosedFormKernels.deepNngp(5), 100, 4).degree(4).method());
        // beyond the cap: quadrature
        assertSame(EigenvalueMethod.QUADRATURE, MercerSpectra.of(ClosedFormKernels.deepNtk(70), 5, 1).degree(1).method());
    }

    @Test
    void resultsAreImmutable() {
        MercerSpectrum s = MercerSpectra.of(ClosedFormKernels.arccos1(), 4, 3);
        assertThrows(UnsupportedOperationException.class, () -> s.degrees().clear());
        double[] e = s.eigenvalues();
        e[0] = -1;
        assertTrue(s.eigenvalue(0) > 0);
        assertEquals(3, s.maxDegree());
        assertEquals("arccos1", s.kernelName());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(NullPointerException.class, () -> MercerSpectra.of(null, 3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MercerSpectra.of(ClosedFormKernels.arccos1(), 0, 2));
        assertTrue(e.getMessage().startsWith("d "));
        e = assertThrows(IllegalArgumentException.class, () -> MercerSpectra.of(ClosedFormKernels.arccos1(), 3, -1));
        assertTrue(e.getMessage().startsWith("maxDegree "));
        e = assertThrows(IllegalArgumentException.class,
                () -> MercerSpectra.of(ClosedFormKernels.custom("quadratic", 2, t -> 1), 3, 2));
        assertTrue(e.getMessage().contains("radialDegree"));
        e = assertThrows(IllegalArgumentException.class,
                () -> MercerSpectra.of(ClosedFormKernels.custom("nan", 1, t -> t > 0.5 ? Double.NaN : 1), 3, 2));
        assertTrue(e.getMessage().contains("profile"));
        e = assertThrows(IllegalArgumentException.class,
                () -> MercerSpectra.of(ClosedFormKernels.custom("zero", 1, t -> 0), 3, 2));
        assertTrue(e.getMessage().contains("profile at t = 1"));
        e = assertThrows(IllegalArgumentException.class, () -> MercerSpectra.of(ClosedFormKernels.arccos1(), 3, 1).degree(2));
        assertTrue(e.getMessage().startsWith("k "));
    }
}
