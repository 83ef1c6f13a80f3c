package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferenceProfileTest {

    private static final ReferenceProfile.Family[] SHALLOW = {ReferenceProfile.Family.ARCCOS0,
        ReferenceProfile.Family.ARCCOS1, ReferenceProfile.Family.NTK2};

    @Test
    void kappaValuesMatchMathTable1() {
        // MATH.md §1: kappa1 and kappa0 at reference angles (10 decimals)
        double[] deg = {0, 30, 45, 60, 90, 120, 135, 150, 180};
        double[] k1 = {0.5, 0.4404213898, 0.3777045825, 0.3044988905, 0.1591549431, 0.0544988905, 0.0241511919,
            0.0074086879, 0};
        double[] k0 = {0.5, 0.4166666667, 0.375, 0.3333333333, 0.25, 0.1666666667, 0.125, 0.0833333333, 0};
        ReferenceProfile a1 = new ReferenceProfile(ReferenceProfile.Family.ARCCOS1, 1);
        ReferenceProfile a0 = new ReferenceProfile(ReferenceProfile.Family.ARCCOS0, 1);
        for (int i = 0; i < deg.length; i++) {
            double theta = Math.toRadians(deg[i]);
            assertEquals(k1[i], a1.valueAtAngle(theta), 0.6e-10, "kappa1 at " + deg[i]);
            assertEquals(k0[i], a0.valueAtAngle(theta), 0.6e-10, "kappa0 at " + deg[i]);
        }
    }

    @Test
    void deepNtkMatchesMathTable62() {
        // MATH.md §6.2: K^(L)(u) on unit vectors; deepNtk(h) = K^(h+1)
        double[] u = {-1, -0.5, 0, 0.5, 1};
        double[][] table = {
            {0, -0.0576688856, 0.3183098862, 0.9423311144, 2},
            {0.3183098862, 0.3438622463, 0.6857086363, 1.3514795611, 3},
            {0.6857086363, 0.7422493226, 1.0603881068, 1.7378446792, 4},
            {1.0603881068, 1.1306221309, 1.4303904972, 2.1071125384, 5},
        };
        for (int l = 2; l <= 5; l++) {
            ReferenceProfile p = new ReferenceProfile(ReferenceProfile.Family.DEEP_NTK, l - 1);
            for (int i = 0; i < u.length; i++) {
                assertEquals(table[l - 2][i], p.valueAt(u[i]), 0.6e-10, "K^(" + l + ")(" + u[i] + ")");
                // and the test kernel's independent recursion
                assertEquals(table[l - 2][i], ClosedFormKernels.deep(u[i], l, true), 0.6e-10);
            }
            assertEquals(l, p.valueAtOne(), 0);
        }
    }

    @Test
    void taylorSeriesReproduceTheProfiles() {
        // Σ a_n t^n at |t| ≤ 0.6 converges geometrically: the coefficients (closed-form recurrences and
        // the composed deep series) must reproduce the profiles to round-off
        java.util.List<ReferenceProfile> profiles = new java.util.ArrayList<>();
        for (ReferenceProfile.Family f : SHALLOW) {
            profiles.add(new ReferenceProfile(f, 1));
        }
        for (int depth = 1; depth <= 4; depth++) {
            profiles.add(new ReferenceProfile(ReferenceProfile.Family.DEEP_NTK, depth));
            profiles.add(new ReferenceProfile(ReferenceProfile.Family.DEEP_NNGP, depth));
        }
        for (ReferenceProfile p : profiles) {
            double[] a = p.coefficients(200);
            double sum = 0;
            for (int n = 0; n < a.length; n++) {
                assertTrue(a[n] >= 0, p.family() + " depth " + p.depth() + " a_" + n + " = " + a[n]);
                sum += a[n];
            }
            assertTrue(sum <= p.valueAtOne() * (1 + 1e-14), "partial sums stay below h(1)");
            for (double t = -0.6; t <= 0.6; t += 0.15) {
                double s = 0;
                for (int n = a.length - 1; n >= 0; n--) {
                    s = s * t + a[n];
                }
                assertEquals(p.valueAt(t), s, 1e-14 * p.valueAtOne(), p.family() + " depth " + p.depth() + " t = " + t);
            }
        }
    }

    @Test
    void deepSeriesAgreeWithTheirShallowForms() {
        // deep-ntk(1) = 2·ntk2 and deep-nngp(1) = 2·kappa1: the composed series at depth 1 vs recurrences
        double[] ntk2 = new ReferenceProfile(ReferenceProfile.Family.NTK2, 1).coefficients(64);
        double[] a1 = new ReferenceProfile(ReferenceProfile.Family.ARCCOS1, 1).coefficients(64);
        double[][] deep = ReferenceProfile.deepSeries(1, 64);
        for (int n = 0; n < 64; n++) {
            assertEquals(2 * a1[n], deep[0][n], 1e-16 * Math.max(1, a1[n]));
            assertEquals(2 * ntk2[n], deep[1][n], 1e-16 * Math.max(1, ntk2[n]));
        }
        // one more layer by composition vs direct evaluation was checked above; here the first
        // coefficients of g_3 = 2 kappa1(g_2): g_3(0) = 2 kappa1(1/π)
        double[][] three = ReferenceProfile.deepSeries(2, 16);
        assertEquals(2 * ReferenceProfile.kappa1(1 / Math.PI), three[0][0], 1e-15);
    }

    @Test
    void recognitionByNameIsVerified() {
        assertNotNull(ReferenceProfile.recognise(ClosedFormKernels.arccos1()));
        assertNotNull(ReferenceProfile.recognise(ClosedFormKernels.arccos0()));
        assertNotNull(ReferenceProfile.recognise(ClosedFormKernels.ntk2()));
        assertEquals(3, ReferenceProfile.recognise(ClosedFormKernels.deepNtk(3)).depth());
        assertEquals(7, ReferenceProfile.recognise(ClosedFormKernels.deepNngp(7)).depth());
        assertNull(ReferenceProfile.recognise(ClosedFormKernels.renamed(ClosedFormKernels.arccos1(), "relu")));
        // arccos0's profile under the name arccos1 (and radial degree 1): rejected by the profile check
        assertNull(ReferenceProfile.recognise(ClosedFormKernels.custom("arccos1", 1, ClosedFormKernels::kappa0)));
        // right profile, wrong radial degree
        assertNull(ReferenceProfile.recognise(ClosedFormKernels.custom("arccos0", 1, ClosedFormKernels::kappa0)));
        // deep-ntk named but deep-nngp profile
        assertNull(ReferenceProfile.recognise(ClosedFormKernels.custom("deep-ntk", 1,
                t -> ClosedFormKernels.deep(t, 3, false))));
    }
}
