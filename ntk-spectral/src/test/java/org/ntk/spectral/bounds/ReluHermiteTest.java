package org.ntk.spectral.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReluHermiteTest {

    private static final double PI = Math.PI;

    @Test
    void reluCoefficientsMatchClosedForms() {
        // Closed forms, MATH.md §7: μ_0 = 1/√(2π), μ_1 = 1/2, μ_2² = 1/(4π), μ_4² = 1/(48π),
        // μ_6² = 1/(160π), μ_8² = 5/(1792π), signs (−1)^{(r−2)/2}; μ_10 = 7!!/√(2π·10!) = 105/√(2π·3628800).
        assertEquals(1 / Math.sqrt(2 * PI), ReluHermite.relu(0), 1e-15);
        assertEquals(0.5, ReluHermite.relu(1), 0.0);
        assertEquals(Math.sqrt(1 / (4 * PI)), ReluHermite.relu(2), 1e-15);
        assertEquals(-Math.sqrt(1 / (48 * PI)), ReluHermite.relu(4), 1e-15);
        assertEquals(Math.sqrt(1 / (160 * PI)), ReluHermite.relu(6), 1e-15);
        assertEquals(-Math.sqrt(5 / (1792 * PI)), ReluHermite.relu(8), 1e-15);
        assertEquals(105 / Math.sqrt(2 * PI * 3628800.0), ReluHermite.relu(10), 1e-15);
    }

    @Test
    void everyEvenOrderMatchesTheFormulaEvaluatedExactly() {
        // Independent computation of MATH.md §7: μ_r² = ((r−3)!!)² / (2π·r!) for even r ≥ 2, with (r−3)!! and r!
        // as exact BigIntegers and the quotient in 40-digit BigDecimal arithmetic; only the final division by
        // 2π and the square root happen in double. Relative tolerance 1e-12 (the criterion) for every
        // even r up to 3000, across the switch from the recursion to the log-gamma branch at 1024.
        java.math.MathContext mc = new java.math.MathContext(40);
        java.math.BigInteger doubleFactorial = java.math.BigInteger.ONE;   // (r−3)!!, starting at (−1)!! = 1
        java.math.BigInteger factorial = java.math.BigInteger.TWO;        // r! at r = 2
        for (int r = 2; r <= 3000; r += 2) {
            if (r > 2) {
                doubleFactorial = doubleFactorial.multiply(java.math.BigInteger.valueOf(r - 3));
                factorial = factorial.multiply(java.math.BigInteger.valueOf((long) (r - 1) * r));
            }
            java.math.BigDecimal ratio = new java.math.BigDecimal(doubleFactorial.multiply(doubleFactorial))
                    .divide(new java.math.BigDecimal(factorial), mc);
            double expected = Math.sqrt(ratio.doubleValue() / (2 * PI)) * (((r - 2) / 2) % 2 == 0 ? 1 : -1);
            assertEquals(expected, ReluHermite.relu(r), 1e-12 * Math.abs(expected), "r = " + r);
        }
    }

    @Test
    void reluCoefficientsMatchMathMdTable() {
        // MATH.md §7 table (10 significant digits).
        double[][] table = {{0, 0.3989422804}, {1, 0.5}, {2, 0.2820947918}, {3, 0}, {4, -0.0814337520},
            {5, 0}, {6, 0.0446031029}, {8, -0.0298017017}, {10, 0.0219896263}};
        for (double[] row : table) {
            assertEquals(row[1], ReluHermite.relu((int) row[0]), 1e-10, "r = " + (int) row[0]);
        }
    }

    @Test
    void oddReluAndEvenStepCoefficientsAreExactlyZero() {
        for (int r = 3; r < 3000; r += 2) {
            assertEquals(0.0, ReluHermite.relu(r), 0.0);
        }
        for (int r = 2; r < 3000; r += 2) {
            assertEquals(0.0, ReluHermite.step(r), 0.0);
        }
    }

    @Test
    void stepCoefficientsMatchClosedForms() {
        // Closed forms, MATH.md §7: b_0 = 1/2, b_1 = 1/√(2π), b_3 = −1/√(12π), b_5 = He_4(0)/√(2π·5!) = 3/√(240π),
        // b_7 = He_6(0)/√(2π·7!) = −15/√(10080π).
        assertEquals(0.5, ReluHermite.step(0), 0.0);
        assertEquals(1 / Math.sqrt(2 * PI), ReluHermite.step(1), 1e-15);
        assertEquals(-1 / Math.sqrt(12 * PI), ReluHermite.step(3), 1e-15);
        assertEquals(3 / Math.sqrt(240 * PI), ReluHermite.step(5), 1e-15);
        assertEquals(-15 / Math.sqrt(10080 * PI), ReluHermite.step(7), 1e-15);
    }

    @Test
    void squaredReluCoefficientsSumToHalfWithTheKnownTail() {
        // Σ_r μ_r² = E[ReLU(G)²] = 1/2 (MATH.md §7). The tail over even r ≥ R is Σ C r^{−5/2} ≈ (C/3) R^{−3/2}
        // with C = √2/(2π^{3/2}) (Stirling on μ_r² = Γ((r−1)/2)/(2π√π Γ(r/2) r(r−1))); the partial sum must
        // fall short of 1/2 by that tail to within 2%.
        int rMax = 4000;
        double s = 0;
        for (int r = 0; r < rMax; r++) {
            double mu = ReluHermite.relu(r);
            s += mu * mu;
        }
        double c = Math.sqrt(2) / (2 * Math.pow(PI, 1.5));
        double tail = c / 3 * Math.pow(rMax, -1.5);
        assertEquals(tail, 0.5 - s, 0.02 * tail);
        assertEquals(0.5, s, 1e-6);
    }

    @Test
    void squaredStepCoefficientsSumToHalfWithTheKnownTail() {
        // Σ_r b_r² = E[step(G)²] = 1/2. For odd r, b_r² = Γ(r/2)/(2π√π Γ((r+1)/2) r) ≈ C r^{−3/2} with
        // C = √2/(2π^{3/2}) (Stirling), so the tail over odd r ≥ R is ≈ C R^{−1/2}, to within 2% at R = 20001.
        int rMax = 20001;
        double s = 0;
        for (int r = 0; r < rMax; r++) {
            double b = ReluHermite.step(r);
            s += b * b;
        }
        double tail = Math.sqrt(2) / (2 * Math.pow(PI, 1.5)) / Math.sqrt(rMax);
        assertEquals(tail, 0.5 - s, 0.02 * tail);
    }

    @Test
    void hermiteSeriesReproduceArcCosineKernels() {
        // kappa1(t) = Σ μ_r² t^r = (√(1−t²) + (π − arccos t)t)/(2π), kappa0(t) = Σ b_r² t^r = 1/4 + arcsin(t)/(2π)
        // (MATH.md §1, §7); at t = 0.6 the terms beyond r = 200 are below 0.6^200 ≈ 1e-44.
        double t = 0.6;
        double k1 = 0;
        double k0 = 0;
        double pow = 1;
        for (int r = 0; r <= 200; r++) {
            double mu = ReluHermite.relu(r);
            double b = ReluHermite.step(r);
            k1 += mu * mu * pow;
            k0 += b * b * pow;
            pow *= t;
        }
        assertEquals((Math.sqrt(1 - t * t) + (PI - Math.acos(t)) * t) / (2 * PI), k1, 1e-15);
        assertEquals(0.25 + Math.asin(t) / (2 * PI), k0, 1e-15);
    }

    @Test
    void logGammaBranchContinuesTheRecursion() {
        // Across the switch at RECURSION_LIMIT, the log-gamma value must equal the recursion value times
        // the exact two-step ratio, to 1e-12 relative.
        int r = ReluHermite.RECURSION_LIMIT;
        double ratio = -(r - 1) / Math.sqrt((r + 1.0) * (r + 2.0));
        double expected = ReluHermite.relu(r) * ratio;
        assertEquals(expected, ReluHermite.relu(r + 2), 1e-12 * Math.abs(expected));
        int s = ReluHermite.RECURSION_LIMIT - 1;
        double stepRatio = -s / Math.sqrt((s + 1.0) * (s + 2.0));
        double stepExpected = ReluHermite.step(s) * stepRatio;
        assertEquals(stepExpected, ReluHermite.step(s + 2), 1e-12 * Math.abs(stepExpected));
    }

    @Test
    void largeOrdersFollowTheAsymptoticRate() {
        // μ_r² r^{5/2} → √2/(2π^{3/2}) with relative correction O(1/r) (Stirling); no overflow at r = 10^8.
        double c = Math.sqrt(2) / (2 * Math.pow(PI, 1.5));
        for (int r : new int[] {100_000, 100_000_000}) {
            double mu = ReluHermite.relu(r);
            assertEquals(c, mu * mu * Math.pow(r, 2.5), 10.0 / r * c, "r = " + r);
        }
        // sign (−1)^{(r−2)/2}: r = 100 000 gives (r−2)/2 = 49 999 (odd), r = 100 000 002 gives 50 000 000 (even)
        assertTrue(ReluHermite.relu(100_000) < 0);
        assertTrue(ReluHermite.relu(100_000_002) > 0);
    }

    @Test
    void rejectsNegativeOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReluHermite.relu(-1));
        assertTrue(e.getMessage().startsWith("r "));
        e = assertThrows(IllegalArgumentException.class, () -> ReluHermite.step(-2));
        assertTrue(e.getMessage().startsWith("r "));
    }
}
