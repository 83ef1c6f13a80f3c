package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class SphericalHarmonicsTest {

    @Test
    void dimensionTwoGivesChebyshevPolynomials() {
        // P_k(t) = cos(k arccos t) for d = 2 (MATH.md §3.3)
        for (int k = 0; k <= 50; k++) {
            for (double t = -1; t <= 1; t += 0.0625) {
                assertEquals(Math.cos(k * Math.acos(t)), SphericalHarmonics.legendre(2, k, t), 1e-12);
            }
        }
    }

    @Test
    void dimensionThreeGivesLegendrePolynomials() {
        for (double t = -1; t <= 1; t += 0.125) {
            assertEquals((3 * t * t - 1) / 2, SphericalHarmonics.legendre(3, 2, t), 1e-15);
            assertEquals((5 * t * t * t - 3 * t) / 2, SphericalHarmonics.legendre(3, 3, t), 1e-15);
            assertEquals((35 * Math.pow(t, 4) - 30 * t * t + 3) / 8, SphericalHarmonics.legendre(3, 4, t), 1e-15);
        }
    }

    @Test
    void normalisedAtOneAndBoundedForLargeDimension() {
        for (int d : new int[] {2, 3, 7, 100, 10_000}) {
            double[] p = new double[51];
            SphericalHarmonics.legendreAll(d, 1, p);
            for (int k = 0; k <= 50; k++) {
                assertEquals(1, p[k], 1e-12);
            }
            SphericalHarmonics.legendreAll(d, 0.3, p);
            for (int k = 0; k <= 50; k++) {
                assertTrue(Math.abs(p[k]) <= 1 + 1e-12, "|P_k| <= 1 on [-1,1], k = " + k);
            }
        }
    }

    @Test
    void gegenbauerClosedFormForDegreeTwo() {
        // P_2(t) = (d t² − 1)/(d − 1): C_2^λ(t) = 2λ(λ+1)t² − λ over C_2^λ(1) = λ(2λ+1), λ = (d−2)/2
        for (int d : new int[] {2, 4, 9, 1000}) {
            for (double t = -1; t <= 1; t += 0.25) {
                assertEquals((d * t * t - 1) / (d - 1), SphericalHarmonics.legendre(d, 2, t), 1e-14);
            }
        }
    }

    @Test
    void multiplicitiesMatchFormulas() {
        for (int d = 2; d <= 40; d++) {
            assertEquals(1, SphericalHarmonics.multiplicity(d, 0));
            assertEquals(d, SphericalHarmonics.multiplicity(d, 1));
            assertEquals(d * (d + 1) / 2 - 1, SphericalHarmonics.multiplicity(d, 2));
        }
        for (int k = 0; k < 30; k++) {
            assertEquals(2 * k + 1, SphericalHarmonics.multiplicity(3, k));
            assertEquals(k == 0 ? 1 : 2, SphericalHarmonics.multiplicity(2, k));
        }
        assertEquals(1, SphericalHarmonics.multiplicity(1, 1));
        assertEquals(0, SphericalHarmonics.multiplicity(1, 2));
        // MATH.md §9.1, λ4 multiplicities and λ2 multiplicity at d = 1000
        assertEquals(9, SphericalHarmonics.multiplicity(3, 4));
        assertEquals(25, SphericalHarmonics.multiplicity(4, 4));
        assertEquals(55, SphericalHarmonics.multiplicity(5, 4));
        assertEquals(660, SphericalHarmonics.multiplicity(10, 4));
        assertEquals(500499, SphericalHarmonics.multiplicity(1000, 2));
    }

    @Test
    void harmonicDimensionsSumToPolynomialDimensions() {
        // Σ_{k≤K} N(d,k) = C(K+d−1, d−1) + C(K+d−2, d−1): harmonics of degree ≤ K = polynomials of
        // degree ≤ K restricted to the sphere (independent identity)
        for (int d = 3; d <= 12; d++) {
            BigInteger sum = BigInteger.ZERO;
            for (int k = 0; k <= 20; k++) {
                sum = sum.add(SphericalHarmonics.multiplicityExact(d, k));
                assertEquals(binomial(k + d - 1, d - 1).add(binomial(k + d - 2, d - 1)), sum);
            }
        }
    }

    @Test
    void largeMultiplicitiesAreConsistentAcrossRepresentations() {
        BigInteger exact = SphericalHarmonics.multiplicityExact(10_000, 50);
        double asDouble = SphericalHarmonics.multiplicity(10_000, 50);
        assertTrue(Double.isFinite(asDouble));
        assertEquals(exact.doubleValue(), asDouble, 1e-13 * asDouble);
        double log = Math.log(exact.doubleValue());
        assertEquals(log, SphericalHarmonics.logMultiplicity(10_000, 50), 1e-13 * log);
        // beyond the double range: log stays finite
        assertEquals(Double.POSITIVE_INFINITY, SphericalHarmonics.multiplicity(1_000_000, 100));
        double logHuge = SphericalHarmonics.logMultiplicity(1_000_000, 100);
        assertTrue(Double.isFinite(logHuge) && logHuge > 709);
        BigInteger huge = SphericalHarmonics.multiplicityExact(1_000_000, 100);
        int shift = huge.bitLength() - 60;
        double logExact = Math.log(huge.shiftRight(shift).doubleValue()) + shift * Math.log(2);
        assertEquals(logExact, logHuge, 1e-12 * logExact);
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SphericalHarmonics.legendre(1, 2, 0.5));
        assertTrue(e.getMessage().startsWith("k "));
        e = assertThrows(IllegalArgumentException.class, () -> SphericalHarmonics.legendre(3, 1, Double.NaN));
        assertTrue(e.getMessage().startsWith("t "));
        e = assertThrows(IllegalArgumentException.class, () -> SphericalHarmonics.multiplicity(0, 1));
        assertTrue(e.getMessage().startsWith("d "));
        e = assertThrows(IllegalArgumentException.class, () -> SphericalHarmonics.multiplicityExact(3, -1));
        assertTrue(e.getMessage().startsWith("k "));
        e = assertThrows(IllegalArgumentException.class, () -> SphericalHarmonics.legendreAll(3, 0.1, new double[0]));
        assertTrue(e.getMessage().startsWith("out "));
        assertThrows(NullPointerException.class, () -> SphericalHarmonics.legendreAll(3, 0.1, null));
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            r = r.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return r;
    }
}
