package org.ntk.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values of the kernel profiles: MATH.md tables and closed-form identities. */
class KernelReferenceValuesTest {

    @Test
    void arcCosineKernelsAtTheReferenceAnglesOfMathSection1() {
        // MATH.md §1 table "Values at reference angles" (10 decimals): θ (deg), kappa1, kappa0.
        double[][] table = {
            {0, 0.5000000000, 0.5000000000},
            {30, 0.4404213898, 0.4166666667},
            {45, 0.3777045825, 0.3750000000},
            {60, 0.3044988905, 0.3333333333},
            {90, 0.1591549431, 0.2500000000},
            {120, 0.0544988905, 0.1666666667},
            {135, 0.0241511919, 0.1250000000},
            {150, 0.0074086879, 0.0833333333},
            {180, 0, 0},
        };
        for (double[] row : table) {
            double t = Math.cos(Math.toRadians(row[0]));
            assertEquals(row[1], Kernels.arcCosine(1).profile(t), 1e-10, "kappa1 at " + row[0]);
            assertEquals(row[2], Kernels.arcCosine(0).profile(t), 1e-10, "kappa0 at " + row[0]);
            // ntk2 = kappa1 + t·kappa0 (MATH.md §3.2), from the same table values.
            assertEquals(row[1] + t * row[2], Kernels.twoLayerNtk().profile(t), 1e-10, "ntk2 at " + row[0]);
        }
    }

    @Test
    void endpointValuesAreExact() {
        // Closed forms (MATH.md §1): kappa1(1) = kappa0(1) = 1/2, kappa1(−1) = kappa0(−1) = 0, kappa0(0) = 1/4.
        assertEquals(0.5, Kernels.arcCosine(1).profile(1.0));
        assertEquals(0.5, Kernels.arcCosine(0).profile(1.0));
        assertEquals(0.0, Kernels.arcCosine(1).profile(-1.0));
        assertEquals(0.0, Kernels.arcCosine(0).profile(-1.0));
        assertEquals(0.25, Kernels.arcCosine(0).profile(0.0));
        assertEquals(1 / (2 * Math.PI), Kernels.arcCosine(1).profile(0.0), 1e-17);
        assertEquals(1.0, Kernels.twoLayerNtk().profile(1.0));
        // Out-of-range cosines are clamped.
        assertEquals(0.5, Kernels.arcCosine(1).profile(1.5));
        assertEquals(0.0, Kernels.arcCosine(0).profile(-7));
    }

    @Test
    void taylorSeriesOfKappa1() {
        // MATH.md §1: kappa1(t) = 1/(2π) + t/4 + (1/(2π)) Σ_{n≥0} (2n)!/(4^n (n!)² (2n+1)(2n+2)) t^{2n+2};
        // summed to n = 40 (the tail is below 1e-40 at |t| ≤ 0.5).
        for (double t : new double[] {-0.5, -0.1, 0.1, 0.3, 0.5}) {
            double sum = 0;
            double central = 1; // (2n)!/(4^n (n!)²), updated by the factor (2n+1)/(2n+2)
            for (int n = 0; n <= 40; n++) {
                sum += central / ((2 * n + 1) * (2.0 * n + 2)) * Math.pow(t, 2 * n + 2);
                central *= (2 * n + 1) / (2.0 * n + 2);
            }
            double series = 1 / (2 * Math.PI) + t / 4 + sum / (2 * Math.PI);
            assertEquals(series, Kernels.arcCosine(1).profile(t), 2e-16, "t = " + t);
        }
        // The first listed coefficients: t²/(4π) + t⁴/(48π) + t⁶/(160π) + 5t⁸/(1792π).
        double t = 0.01;
        double series = 1 / (2 * Math.PI) + t / 4 + t * t / (4 * Math.PI) + Math.pow(t, 4) / (48 * Math.PI)
                + Math.pow(t, 6) / (160 * Math.PI) + 5 * Math.pow(t, 8) / (1792 * Math.PI);
        assertEquals(series, Kernels.arcCosine(1).profile(t), 1e-16);
        // kappa0(t) = 1/4 + arcsin(t)/(2π).
        for (double u : new double[] {-0.9, -0.3, 0.3, 0.9}) {
            assertEquals(0.25 + StrictMath.asin(u) / (2 * Math.PI), Kernels.arcCosine(0).profile(u), 1e-16);
        }
    }

    @Test
    void deepNtkMatchesTheTableOfMathSection6_2() {
        // MATH.md §6.2 table "K^(L)(u) for unit vectors" (v7), L = 2..5; deepNtk(h) = K^(h+1).
        double[] u = {-1, -0.5, 0, 0.5, 1};
        double[][] table = {
            {0, -0.0576688856, 0.3183098862, 0.9423311144, 2},
            {0.3183098862, 0.3438622463, 0.6857086363, 1.3514795611, 3},
            {0.6857086363, 0.7422493226, 1.0603881068, 1.7378446792, 4},
            {1.0603881068, 1.1306221309, 1.4303904972, 2.1071125384, 5},
        };
        for (int l = 2; l <= 5; l++) {
            DeepReluNtkKernel k = Kernels.deepNtk(l - 1);
            for (int c = 0; c < u.length; c++) {
                assertEquals(table[l - 2][c], k.profile(u[c]), 1e-10, "K^(" + l + ")(" + u[c] + ")");
            }
        }
        // The row L = 1 is the linear kernel K^(1)(u) = u; K^(2)(−1) = K^(1)(0) = 0.
        assertEquals(0.0, Kernels.deepNtk(1).profile(-1.0));
    }

    @Test
    void deepNtkAtMinusOneIsThePreviousDepthAtZero() {
        // MATH.md §6.2: kappa1_nrm(−1) = 0, hence K^(L)(−1) = K^(L−1)(0); both follow the same
        // recursion from g = 0, so the identity holds bitwise.
        for (int h = 2; h <= 100; h++) {
            assertEquals(Kernels.deepNtk(h - 1).profile(0.0), Kernels.deepNtk(h).profile(-1.0), 0.0, "h = " + h);
        }
    }

    @Test
    void deepNtkOfOneHiddenLayerIsTwiceNtk2AndDeepNngpIsTwiceArccos1() {
        // MATH.md §3.2 / §6.2: K^(2) = 2Θ; G^(2) = ‖x‖‖y‖ kappa1_nrm = 2·arccos1.
        for (int i = 0; i <= 400; i++) {
            double t = -1 + i / 200.0;
            // Different but equivalent formulas: agreement to 4 ulps of the value.
            double ntk = 2 * Kernels.twoLayerNtk().profile(t);
            double nngp = 2 * Kernels.arcCosine(1).profile(t);
            assertEquals(ntk, Kernels.deepNtk(1).profile(t), 4 * Math.ulp(Math.max(1, Math.abs(ntk))), "t = " + t);
            assertEquals(nngp, Kernels.deepNngp(1).profile(t), 4 * Math.ulp(Math.max(1, nngp)), "t = " + t);
        }
    }

    @Test
    void deepKernelsStayFiniteAndAccurateAtDepth100() {
        // Diagonal (MATH.md §6.2): K^(L)(1) = L, G^(L)(1) = 1, exactly. Elsewhere against the 50-digit
        // BigDecimal evaluation of the §6.2 recursion (HighPrecisionDeepKernel), including cosines
        // within 1e−15 of ±1 where g_l → 1 and a naive double recursion loses 1e−10 relative.
        DeepReluNtkKernel ntk = Kernels.deepNtk(100);
        DeepReluNngpKernel nngp = Kernels.deepNngp(100);
        assertEquals(101.0, ntk.profile(1.0));
        assertEquals(1.0, nngp.profile(1.0));
        for (int i = 0; i <= 200; i++) {
            double t = -1 + i / 100.0;
            double k = ntk.profile(t);
            double g = nngp.profile(t);
            assertTrue(Double.isFinite(k) && Double.isFinite(g), "t = " + t);
            assertTrue(g >= 0 && g <= 1, "nngp in [0, 1] at t = " + t + ": " + g);
            assertTrue(k >= 0 && k <= 101, "ntk in [0, L] at t = " + t + ": " + k);
        }
        double[] ts = {-1, -1 + 1e-12, -0.999999, -0.5, 0, 0.3, 0.9, 0.999, 1 - 1e-6, 1 - 1e-9, 1 - 1e-12,
            1 - 1e-15};
        for (int h : new int[] {2, 7, 100}) {
            for (double t : ts) {
                double[] ref = HighPrecisionDeepKernel.evaluate(t, h);
                assertEquals(ref[0], Kernels.deepNtk(h).profile(t), 1e-14 * (h + 1), "K^(" + (h + 1) + ")(" + t + ")");
                assertEquals(ref[1], Kernels.deepNngp(h).profile(t), 1e-15, "G^(" + (h + 1) + ")(" + t + ")");
            }
        }
    }

    @Test
    void gapFormOfArccosIsAccurateForTinyGaps() {
        // acos(1 − γ) = 2·asin(√(γ/2)) (closed form), via StrictMath for γ/2 well inside (0, 1/4).
        for (double gap = 1e-300; gap < 2; gap *= 3.7) {
            double ref = gap < 0.5 ? 2 * StrictMath.asin(StrictMath.sqrt(gap / 2)) : StrictMath.acos(1 - gap);
            assertEquals(ref, Arccos.acosOfOneMinus(gap), 2 * Math.ulp(ref), "gap " + gap);
        }
        assertEquals(0.0, Arccos.acosOfOneMinus(0.0));
        assertEquals(Math.PI, Arccos.acosOfOneMinus(2.0));
    }
}
