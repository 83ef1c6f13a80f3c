package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.Kernels;

/**
 * Closed forms for every degree of the arc-cosine families ({@code ReferenceProfile.closedForm}).
 */
class MercerClosedFormTest {

    /**
     * μ_k = E_s[h(s_1) P_k(s_1)] by mpmath 1.3.0 at 50 digits (printed to 25; the script is
     * src/test/resources/org/ntk/core/mercer/arccos_funk_hecke_reference.py): adaptive quadrature in
     * the angle of h(cos θ) P_k(cos θ) sin^(d−2) θ over 2k + 8 equal sub-intervals of [0, π], divided
     * by the same quadrature of sin^(d−2) θ, with P_k = C_k^((d−2)/2)(t)/C_k^((d−2)/2)(1) (cos kθ for
     * d = 2), kappa0 = (π − acos t)/(2π), kappa1 = (√(1−t²) + (π − acos t) t)/(2π), ntk2 = kappa1 +
     * t·kappa0. At 50 digits the cancellation of the oscillating integrand (the odd degrees of ntk2,
     * exact zeros, came out below 1e−51) leaves far more than the 16 digits compared. Not at d = 1000
     * for k ≥ 20: there the integrand's cancellation (E|h P_k|/μ_k ≈ 1e25 and more) defeated mpmath's
     * quadrature (k = 20 moved by 3.5e−14 relative between 50 and 80 digits, k = 50 changed sign), so
     * large d is checked against the series below instead.
     */
    private static final String[][] MPMATH = {
        {"arccos0", "2", "3", "0.01125790929359308571598661"},
        {"arccos0", "2", "5", "0.004052847345693510857755179"},
        {"arccos0", "3", "3", "0.00390625"},
        {"arccos0", "3", "5", "0.0009765625"},
        {"arccos0", "5", "3", "0.0009765625"},
        {"arccos0", "5", "5", "0.0001373291015625"},
        {"arccos0", "10", "3", "0.0001382654641901232108624086"},
        {"arccos0", "10", "5", "0.000007363249572255082235276195"},
        {"arccos0", "1000", "3", "1.589165484344384719154427e-10"},
        {"arccos0", "1000", "5", "1.421705905126043849745862e-15"},
        {"arccos1", "2", "4", "0.0009006327434874468572789286"},
        {"arccos1", "2", "6", "0.000165422340640551463581844"},
        {"arccos1", "2", "8", "0.00005105627797547884678451976"},
        {"arccos1", "2", "20", "0.0000012728711960645695874257"},
        {"arccos1", "2", "50", "3.244873255979871626726063e-8"},
        {"arccos1", "3", "4", "0.0003255208333333333333333333"},
        {"arccos1", "3", "6", "0.0000457763671875"},
        {"arccos1", "3", "8", "0.000011444091796875"},
        {"arccos1", "3", "20", "0.0000001332618921878747642040253"},
        {"arccos1", "3", "50", "1.45622968313602529709932e-9"},
        {"arccos1", "5", "4", "0.0000762939453125"},
        {"arccos1", "5", "6", "0.000006866455078125"},
        {"arccos1", "5", "8", "0.0000011920928955078125"},
        {"arccos1", "5", "20", "3.470361775725905317813158e-9"},
        {"arccos1", "5", "50", "7.490893431769677454214609e-12"},
        {"arccos1", "10", "4", "0.000008181388413616758039195772"},
        {"arccos1", "10", "6", "0.0000003272555365446703215678309"},
        {"arccos1", "10", "8", "2.830930246926213854393001e-8"},
        {"arccos1", "10", "20", "4.629751685614665735127922e-12"},
        {"arccos1", "10", "50", "2.489426671751378913334036e-16"},
        {"arccos1", "1000", "4", "1.579673227917826499717624e-13"},
        {"arccos1", "1000", "6", "1.407594767581043884800734e-18"},
        {"arccos1", "1000", "8", "3.470233607007757723740998e-23"},
        {"ntk2", "2", "4", "0.008556011063130745144149821"},
        {"ntk2", "2", "6", "0.003225735642490753539845958"},
        {"ntk2", "2", "8", "0.001710385312178541367281412"},
        {"ntk2", "2", "20", "0.0002564835460070107718662786"},
        {"ntk2", "2", "50", "0.00004060958879858809340847668"},
        {"ntk2", "3", "4", "0.002604166666666666666666667"},
        {"ntk2", "3", "6", "0.000701904296875"},
        {"ntk2", "3", "8", "0.0002899169921875"},
        {"ntk2", "3", "20", "0.00001883434742921963334083557"},
        {"ntk2", "3", "50", "0.000001239736870243136202930554"},
        {"ntk2", "5", "4", "0.000518798828125"},
        {"ntk2", "5", "6", "0.0000823974609375"},
        {"ntk2", "5", "8", "0.000022411346435546875"},
        {"ntk2", "5", "20", "0.0000003234377174976543756201863"},
        {"ntk2", "5", "50", "3.9791625909560526636788e-9"},
        {"ntk2", "10", "4", "0.00004827019164033887243125506"},
        {"ntk2", "10", "6", "0.000003108927597174368054894393"},
        {"ntk2", "10", "8", "0.0000003934993043227437257606271"},
        {"ntk2", "10", "20", "2.643588212485974134758043e-10"},
        {"ntk2", "10", "50", "7.24672104146826401671538e-14"},
        {"ntk2", "1000", "4", "7.912583198640392937085578e-13"},
        {"ntk2", "1000", "6", "9.888353242256833290725157e-18"},
        {"ntk2", "1000", "8", "3.140214390981319964213229e-22"},
    };

    private static HomogeneousKernel kernel(String name) {
        switch (name) {
            case "arccos0":
                return Kernels.arcCosine(0);
            case "arccos1":
                return Kernels.arcCosine(1);
            default:
                return Kernels.twoLayerNtk();
        }
    }

    @Test
    void everyDegreeMatchesHighPrecisionQuadratureToFullDoublePrecision() {
        for (String[] row : MPMATH) {
            HomogeneousKernel kernel = kernel(row[0]);
            int d = Integer.parseInt(row[1]);
            int k = Integer.parseInt(row[2]);
            double mu = Double.parseDouble(row[3]);
            MercerDegree degree = MercerSpectra.of(kernel, d, 50).degree(k);
            double scale = kernel.radialDegree() == 1 ? d : 1;
            String what = row[0] + " d = " + d + " k = " + k;
            assertEquals(EigenvalueMethod.CLOSED_FORM, degree.method(), what);
            double error = Math.abs(degree.eigenvalue() - scale * mu);
            // a few ulps per recurrence step: 1e−14 relative up to k = 50
            assertTrue(error <= 1e-14 * scale * mu, what + ": relative error " + error / (scale * mu));
            assertTrue(error <= degree.errorBound(), what + ": error " + error + " above its bound "
                    + degree.errorBound());
            assertTrue(degree.errorBound() <= 1e-13 * scale * mu, what + ": bound " + degree.errorBound());
        }
    }

    @Test
    void closedFormsAgreeWithTheSeriesWhereTheSeriesConverges() {
        // an independent path: the non-negative Taylor series (FunkHeckeSeries) of the same profile,
        // which converges fast at large d (agreement with 60-digit mpmath series to 5e−16 at d = 10⁴,
        // design notes); compared on N(d,k)·μ_k to the series' own bound plus 1e−14
        for (String name : new String[] {"arccos0", "arccos1", "ntk2"}) {
            ReferenceProfile ref = ReferenceProfile.recognise(kernel(name));
            double[] a = ref.coefficients(1 << 16);
            for (int d : new int[] {20, 1000, 10_000}) {
                int compared = 0;
                for (int k = 0; k <= 50; k++) {
                    FunkHeckeSeries.Share s = FunkHeckeSeries.share(a, d, k);
                    if (ref.exactZero(k) || !s.converged()) {
                        continue;
                    }
                    compared++;
                    double closed = ref.closedForm(d, k).getAsDouble() * SphericalHarmonics.multiplicity(d, k);
                    assertEquals(s.value(), closed, s.errorBound() + 1e-14 * closed,
                            name + " d = " + d + " k = " + k);
                }
                // the series converges for every resolved degree here but kappa0's k = 0 at d = 20
                assertTrue(compared >= 24, name + " d = " + d + ": only " + compared + " degrees compared");
            }
        }
    }

    @Test
    void everyLibraryKernelResolvesEveryDegreeToFiftyWithinOneInTenToTheTwelve() {
        // the accuracy target over its whole range (d from 1 to 10 000, k up to 50): every degree
        // is an exact zero or resolved with a bound ≤ 1e−12 relative (closed form, Rodrigues, series, or
        // quadrature at low degrees where its bound is the smallest; the bounds are checked against
        // mpmath here, in MercerDeepRodriguesTest and in MercerSpectraTest)
        HomogeneousKernel[] kernels = {Kernels.arcCosine(0), Kernels.arcCosine(1), Kernels.twoLayerNtk(),
            Kernels.deepNtk(2), Kernels.deepNtk(3), Kernels.deepNngp(3)};
        for (HomogeneousKernel kernel : kernels) {
            for (int d : new int[] {1, 2, 4, 16, 30, 64, 300, 1000, 10_000}) {
                for (MercerDegree g : MercerSpectra.of(kernel, d, 50).degrees()) {
                    String what = kernel + " d = " + d + " k = " + g.degree() + " (" + g.method() + ")";
                    if (g.method() == EigenvalueMethod.EXACT_ZERO) {
                        continue;
                    }
                    assertTrue(g.method() != EigenvalueMethod.BELOW_RESOLUTION, what);
                    assertTrue(g.eigenvalue() > 0 && g.errorBound() <= 1e-12 * g.eigenvalue(),
                            what + ": bound " + g.errorBound() + " for " + g.eigenvalue());
                }
            }
        }
    }
}
