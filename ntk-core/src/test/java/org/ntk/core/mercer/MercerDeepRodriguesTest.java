package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.Kernels;

/**
 * The deep kernels' Mercer eigenvalues below d = 16 (and at d = 20, where the Taylor series is cut
 * before it converges) come from {@link FunkHeckeRodrigues} and are accurate to 1e−12 relative at every
 * degree ≤ 50, with honest bounds ≤ 1e−12 relative. Before it, plain quadrature gave bounds of 1.5e−6
 * (deep-ntk(2), d = 10, k = 50) and 1.2e−2 (deep-nngp(3), d = 15, k = 50).
 */
class MercerDeepRodriguesTest {

    /**
     * μ_k (λ_k = d μ_k) from 80-digit mpmath by the plain Funk–Hecke integral (no integration by parts):
     * μ_k = ∫_0^π h(cos θ) P_k(cos θ) sin^{d−2}θ dθ / ∫_0^π sin^{d−2}θ dθ with h from the §6.2 recursion
     * in the angle and P_k from the Gegenbauer recurrence, composite Gauss–Legendre with 24 and with 40
     * panels of 96 nodes, which agree to ≤ 2e−72 relative (script deep_funk_hecke_reference.py next to
     * mercer_reference.py in the test resources, run 2026-12-07). Depth 1 at odd k ≥ 3 is an exact zero
     * (deep-ntk(1) = 2·ntk2, deep-nngp(1) = 2·arccos1) and is checked separately.
     * Columns: kernel, depth, d, k, μ_k.
     */
    private static final Object[][] REFERENCE = {
            {"deep-ntk", 1, 2, 8, "3.4207706243570827346e-3"},
            {"deep-ntk", 1, 2, 20, "5.1296709201402154373e-4"},
            {"deep-ntk", 1, 2, 50, "8.1219177597176186817e-5"},
            {"deep-ntk", 1, 3, 8, "5.79833984375e-4"},
            {"deep-ntk", 1, 3, 20, "3.7668694858439266682e-5"},
            {"deep-ntk", 1, 3, 50, "2.4794737404862724059e-6"},
            {"deep-ntk", 1, 5, 8, "4.482269287109375e-5"},
            {"deep-ntk", 1, 5, 20, "6.4687543499530875124e-7"},
            {"deep-ntk", 1, 5, 50, "7.9583251819121053274e-9"},
            {"deep-ntk", 1, 10, 8, "7.8699860864548745152e-7"},
            {"deep-ntk", 1, 10, 20, "5.2871764249719482695e-10"},
            {"deep-ntk", 1, 10, 50, "1.4493442082936528033e-13"},
            {"deep-ntk", 1, 15, 8, "5.6563294492661952972e-8"},
            {"deep-ntk", 1, 15, 20, "3.372186319246239794e-12"},
            {"deep-ntk", 1, 15, 50, "3.2189915316923927979e-17"},
            {"deep-ntk", 1, 20, 8, "7.9102311875354577114e-9"},
            {"deep-ntk", 1, 20, 20, "6.3419417487274379903e-14"},
            {"deep-ntk", 1, 20, 50, "2.9899964865785862348e-20"},
            {"deep-ntk", 2, 2, 3, "4.8748219108887625718e-2"},
            {"deep-ntk", 2, 2, 8, "6.00747530395748434e-3"},
            {"deep-ntk", 2, 2, 20, "8.9823881248889551338e-4"},
            {"deep-ntk", 2, 2, 50, "1.4214757671410427842e-4"},
            {"deep-ntk", 2, 3, 3, "1.8644077213182819127e-2"},
            {"deep-ntk", 2, 3, 8, "1.0194186590202244932e-3"},
            {"deep-ntk", 2, 3, 20, "6.5977338590189877338e-5"},
            {"deep-ntk", 2, 3, 50, "4.3397078817254798028e-6"},
            {"deep-ntk", 2, 5, 3, "5.1954039915540735916e-3"},
            {"deep-ntk", 2, 5, 8, "7.8926259750896584701e-5"},
            {"deep-ntk", 2, 5, 20, "1.1335158202882835831e-6"},
            {"deep-ntk", 2, 5, 50, "1.3930302182440739408e-8"},
            {"deep-ntk", 2, 10, 3, "8.2197351454015124499e-4"},
            {"deep-ntk", 2, 10, 8, "1.3886734786834622621e-6"},
            {"deep-ntk", 2, 10, 20, "9.2722586132252868018e-10"},
            {"deep-ntk", 2, 10, 50, "2.5374256156768183746e-13"},
            {"deep-ntk", 2, 15, 3, "2.6657142797245163249e-4"},
            {"deep-ntk", 2, 15, 8, "9.9911402768328697961e-8"},
            {"deep-ntk", 2, 15, 20, "5.9171910607685799108e-12"},
            {"deep-ntk", 2, 15, 50, "5.6365196257938129485e-17"},
            {"deep-ntk", 2, 20, 3, "1.1797839253919777098e-4"},
            {"deep-ntk", 2, 20, 8, "1.3981189095835624987e-8"},
            {"deep-ntk", 2, 20, 20, "1.1132743587244231304e-13"},
            {"deep-ntk", 2, 20, 50, "5.236255327209287539e-20"},
            {"deep-ntk", 3, 2, 3, "9.4813469333963713531e-2"},
            {"deep-ntk", 3, 2, 8, "1.0729731039353664293e-2"},
            {"deep-ntk", 3, 2, 20, "1.6153831152488619203e-3"},
            {"deep-ntk", 3, 2, 50, "2.5588305911983676962e-4"},
            {"deep-ntk", 3, 3, 3, "3.5171051681742585746e-2"},
            {"deep-ntk", 3, 3, 8, "1.8155951611019172735e-3"},
            {"deep-ntk", 3, 3, 20, "1.1859408115425509309e-4"},
            {"deep-ntk", 3, 3, 50, "7.8113459434335307301e-6"},
            {"deep-ntk", 3, 5, 3, "9.4519597850029541092e-3"},
            {"deep-ntk", 3, 5, 8, "1.3996708957127015194e-4"},
            {"deep-ntk", 3, 5, 20, "2.0357143772443395813e-6"},
            {"deep-ntk", 3, 5, 50, "2.5070125775006227043e-8"},
            {"deep-ntk", 3, 10, 3, "1.4363690303956663346e-3"},
            {"deep-ntk", 3, 10, 8, "2.4469200623699339506e-6"},
            {"deep-ntk", 3, 10, 20, "1.6624537908099192195e-9"},
            {"deep-ntk", 3, 10, 50, "4.5649498534094484919e-13"},
            {"deep-ntk", 3, 15, 3, "4.5768669542453144003e-4"},
            {"deep-ntk", 3, 15, 8, "1.7542289774275988662e-7"},
            {"deep-ntk", 3, 15, 20, "1.05965025910319096e-11"},
            {"deep-ntk", 3, 15, 50, "1.0137339376620264194e-16"},
            {"deep-ntk", 3, 20, 3, "2.0056160710734482303e-4"},
            {"deep-ntk", 3, 20, 8, "2.4492186885085747065e-8"},
            {"deep-ntk", 3, 20, 20, "1.9918739344759029747e-13"},
            {"deep-ntk", 3, 20, 50, "9.4150485320901710169e-20"},
            {"deep-nngp", 1, 2, 8, "1.0211255595095769357e-4"},
            {"deep-nngp", 1, 2, 20, "2.5457423921291391749e-6"},
            {"deep-nngp", 1, 2, 50, "6.4897465119597432535e-8"},
            {"deep-nngp", 1, 3, 8, "2.288818359375e-5"},
            {"deep-nngp", 1, 3, 20, "2.6652378437574952841e-7"},
            {"deep-nngp", 1, 3, 50, "2.9124593662720505942e-9"},
            {"deep-nngp", 1, 5, 8, "2.384185791015625e-6"},
            {"deep-nngp", 1, 5, 20, "6.9407235514518106356e-9"},
            {"deep-nngp", 1, 5, 50, "1.4981786863539354908e-11"},
            {"deep-nngp", 1, 10, 8, "5.6618604938524277088e-8"},
            {"deep-nngp", 1, 10, 20, "9.2595033712293314703e-12"},
            {"deep-nngp", 1, 10, 50, "4.9788533435027578267e-16"},
            {"deep-nngp", 1, 15, 8, "4.6111381379887461662e-9"},
            {"deep-nngp", 1, 15, 20, "7.4826619509901770577e-14"},
            {"deep-nngp", 1, 15, 50, "1.525106537441121035e-19"},
            {"deep-nngp", 1, 20, 8, "6.9084988537427578265e-10"},
            {"deep-nngp", 1, 20, 20, "1.6240567858456947478e-15"},
            {"deep-nngp", 1, 20, 50, "1.7480248386896148698e-22"},
            {"deep-nngp", 2, 2, 3, "5.2173121426494962203e-3"},
            {"deep-nngp", 2, 2, 8, "1.2737654787372118813e-4"},
            {"deep-nngp", 2, 2, 20, "3.1811051385459583262e-6"},
            {"deep-nngp", 2, 2, 50, "8.111744899573563857e-8"},
            {"deep-nngp", 2, 3, 3, "2.2414651087716966006e-3"},
            {"deep-nngp", 2, 3, 8, "2.8543260341420232288e-5"},
            {"deep-nngp", 2, 3, 20, "3.3302056583856378969e-7"},
            {"deep-nngp", 2, 3, 50, "3.6403330553809794222e-9"},
            {"deep-nngp", 2, 5, 3, "6.9250648237990301011e-4"},
            {"deep-nngp", 2, 5, 8, "2.9720344324144564142e-6"},
            {"deep-nngp", 2, 5, 20, "8.6714121729534562933e-9"},
            {"deep-nngp", 2, 5, 50, "1.8725560695781159416e-11"},
            {"deep-nngp", 2, 10, 3, "1.1918384385033370245e-4"},
            {"deep-nngp", 2, 10, 8, "7.0535786478784993134e-8"},
            {"deep-nngp", 2, 10, 20, "1.1565846536133406684e-11"},
            {"deep-nngp", 2, 10, 50, "6.2226938123719406752e-16"},
            {"deep-nngp", 2, 15, 3, "3.980601363836435325e-5"},
            {"deep-nngp", 2, 15, 8, "5.7427004109024396296e-9"},
            {"deep-nngp", 2, 15, 20, "9.3449749237557574267e-14"},
            {"deep-nngp", 2, 15, 50, "1.9060337870016616276e-19"},
            {"deep-nngp", 2, 20, 3, "1.7882788756981507708e-5"},
            {"deep-nngp", 2, 20, 8, "8.6020795050308912872e-10"},
            {"deep-nngp", 2, 20, 20, "2.0280219669366205738e-15"},
            {"deep-nngp", 2, 20, 50, "2.1845501366637439784e-22"},
            {"deep-nngp", 3, 2, 3, "7.1145192608042970255e-3"},
            {"deep-nngp", 3, 2, 8, "1.6555761310913278706e-4"},
            {"deep-nngp", 3, 2, 20, "4.1906145237499612655e-6"},
            {"deep-nngp", 3, 2, 50, "1.0708312727549962991e-7"},
            {"deep-nngp", 3, 3, 3, "3.0058854969354667383e-3"},
            {"deep-nngp", 3, 3, 8, "3.7018014371208048535e-5"},
            {"deep-nngp", 3, 3, 20, "4.3849016625792845039e-7"},
            {"deep-nngp", 3, 3, 50, "4.8051718555683896234e-9"},
            {"deep-nngp", 3, 5, 3, "9.0879630489376718362e-4"},
            {"deep-nngp", 3, 5, 8, "3.8414809736500742892e-6"},
            {"deep-nngp", 3, 5, 20, "1.140795192221460464e-8"},
            {"deep-nngp", 3, 5, 50, "2.4713200143788519853e-11"},
            {"deep-nngp", 3, 10, 3, "1.5238827450725312692e-4"},
            {"deep-nngp", 3, 10, 8, "9.0700431793522821838e-8"},
            {"deep-nngp", 3, 10, 20, "1.5190953948081823461e-11"},
            {"deep-nngp", 3, 10, 50, "8.2093732879778013896e-16"},
            {"deep-nngp", 3, 15, 3, "5.0291090412240621847e-5"},
            {"deep-nngp", 3, 15, 8, "7.3627938677252358988e-9"},
            {"deep-nngp", 3, 15, 20, "1.2259678361650763087e-13"},
            {"deep-nngp", 3, 15, 50, "2.5137649072948820007e-19"},
            {"deep-nngp", 3, 20, 3, "2.243864561407494524e-5"},
            {"deep-nngp", 3, 20, 8, "1.100802304572955031e-9"},
            {"deep-nngp", 3, 20, 20, "2.6582383696889543581e-15"},
            {"deep-nngp", 3, 20, 50, "2.8803035752130678994e-22"},
    };

    private static HomogeneousKernel kernel(String name, int depth) {
        return name.equals("deep-ntk") ? Kernels.deepNtk(depth) : Kernels.deepNngp(depth);
    }

    @Test
    void agreesWithMpmathToOneInTenToTheTwelve() {
        String lastKey = "";
        MercerSpectrum spectrum = null;
        for (Object[] r : REFERENCE) {
            String name = (String) r[0];
            int depth = (Integer) r[1];
            int d = (Integer) r[2];
            int k = (Integer) r[3];
            double lambda = d * Double.parseDouble((String) r[4]);
            String key = name + depth + "/" + d;
            if (!key.equals(lastKey)) {
                spectrum = MercerSpectra.of(kernel(name, depth), d, 50);
                lastKey = key;
            }
            MercerDegree g = spectrum.degree(k);
            String what = name + "(" + depth + ") d = " + d + " k = " + k + " (" + g.method() + ")";
            double error = Math.abs(g.eigenvalue() - lambda);
            // depth 1 is 2·ntk2 / 2·arccos1, with closed forms; at d = 20 a converged series may win for
            // the lower degrees (its bound is then smaller)
            assertSame(depth == 1 ? EigenvalueMethod.CLOSED_FORM
                    : d < 16 || g.method() != EigenvalueMethod.SERIES ? EigenvalueMethod.RODRIGUES
                    : EigenvalueMethod.SERIES, g.method(), what);
            assertTrue(error <= g.errorBound(), what + ": error " + error + " > bound " + g.errorBound());
            assertTrue(g.errorBound() <= 1e-12 * lambda, what + ": bound " + g.errorBound() / lambda + " relative");
            assertTrue(error <= 1e-12 * lambda, what + ": error " + error / lambda + " relative");
        }
    }

    @Test
    void everyDegreeUpToFiftyHasBoundBelowOneInTenToTheTwelve() {
        for (String name : new String[] {"deep-ntk", "deep-nngp"}) {
            for (int depth = 1; depth <= 3; depth++) {
                for (int d : new int[] {2, 3, 5, 10, 15, 20}) {
                    MercerSpectrum s = MercerSpectra.of(kernel(name, depth), d, 50);
                    for (int k = 0; k <= 50; k++) {
                        MercerDegree g = s.degree(k);
                        String what = name + "(" + depth + ") d = " + d + " k = " + k + " (" + g.method() + ")";
                        if (depth == 1 && k >= 3 && k % 2 == 1) {
                            assertSame(EigenvalueMethod.EXACT_ZERO, g.method(), what);
                            assertEquals(0.0, g.eigenvalue(), what);
                            continue;
                        }
                        assertTrue(g.eigenvalue() > 0, what);
                        assertTrue(g.errorBound() <= 1e-12 * g.eigenvalue(), what + ": bound "
                                + g.errorBound() / g.eigenvalue() + " relative");
                    }
                }
            }
        }
    }

    /**
     * Where the Taylor series converges (large d) it is an independent value: the two methods agree
     * within the sum of their bounds, up to degree 200 and d = 10 000, and nothing overflows.
     */
    @Test
    void agreesWithTheConvergedSeriesAtLargeDimension() {
        int compared = 0;
        for (int d : new int[] {64, 1000, 10_000}) {
            for (ReferenceProfile.Family family : new ReferenceProfile.Family[] {
                ReferenceProfile.Family.DEEP_NTK, ReferenceProfile.Family.DEEP_NNGP}) {
                ReferenceProfile p = new ReferenceProfile(family, 3);
                FunkHeckeRodrigues.Result r = FunkHeckeRodrigues.integrate(p, d, FunkHeckeRodrigues.MAX_DEGREE);
                double[] a = p.coefficients(FunkHeckeRodrigues.MAX_DEGREE + 1 + (d >= 256 ? 128 : 512));
                for (int k = 0; k <= FunkHeckeRodrigues.MAX_DEGREE; k++) {
                    String what = family + " d = " + d + " k = " + k;
                    assertTrue(Double.isFinite(r.share()[k]) && r.share()[k] > 0, what + ": " + r.share()[k]);
                    assertTrue(r.errorBound()[k] <= 1e-12 * r.share()[k], what + ": bound "
                            + r.errorBound()[k] / r.share()[k]);
                    FunkHeckeSeries.Share s = FunkHeckeSeries.share(a, d, k);
                    if (!s.converged()) {
                        continue;
                    }
                    compared++;
                    assertTrue(Math.abs(r.share()[k] - s.value()) <= r.errorBound()[k] + s.errorBound(),
                            what + ": " + r.share()[k] + " vs series " + s.value() + " ± " + s.errorBound()
                            + ", bound " + r.errorBound()[k]);
                }
            }
        }
        // the series converges at every degree for d ≥ 1000 and for the lower degrees at d = 64
        assertTrue(compared >= 2 * 2 * 201 + 2 * 20, "compared " + compared);
    }
}
