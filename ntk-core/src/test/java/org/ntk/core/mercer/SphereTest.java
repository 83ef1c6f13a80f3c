package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class SphereTest {

    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.abs(expected));
    }

    @Test
    void reluMeanMatchesMathTable91() {
        // MATH.md §9.1, column c_d (10 decimals: half a unit of the last place)
        int[] d = {1, 2, 3, 4, 5, 10, 20, 50, 100, 1000};
        double[] c = {0.5, 0.3183098862, 0.25, 0.2122065908, 0.1875, 0.1293449696, 0.0903278127,
            0.0567017407, 0.0399940867, 0.0126188169};
        for (int i = 0; i < d.length; i++) {
            assertEquals(c[i], Sphere.reluMean(d[i]), 0.5e-10 + 1e-16);
        }
    }

    @Test
    void reluMeanMatchesClosedFormsAndHighPrecisionValues() {
        // closed forms of MATH.md §0: odd d (d−2)!!/(2^{(d+1)/2}((d−1)/2)!), even d 2^{d/2−1}(d/2−1)!/(π(d−1)!!)
        assertRelative(0.25, Sphere.reluMean(3), 1e-15);
        assertRelative(3.0 / 16, Sphere.reluMean(5), 1e-15);
        assertRelative(15.0 / 96, Sphere.reluMean(7), 1e-15); // 5!!/(2^4·3!) = 15/96
        assertRelative(1 / Math.PI, Sphere.reluMean(2), 1e-15);
        assertRelative(2 / (3 * Math.PI), Sphere.reluMean(4), 1e-15);
        assertRelative(8 / (15 * Math.PI), Sphere.reluMean(6), 1e-15); // 2²·2!/(π·5!!)
        // mpmath, 40 digits: Γ(d/2)/(2√π Γ((d+1)/2)) (mercer_reference.py conventions)
        assertRelative(0.1293449696238895427201087, Sphere.reluMean(10), 1e-14);
        assertRelative(0.03999408671744202991756004, Sphere.reluMean(100), 1e-14);
        assertRelative(0.01261881691949985394104186, Sphere.reluMean(1000), 1e-14);
        assertRelative(0.003989522540830965922906367, Sphere.reluMean(10000), 1e-14);
    }

    @Test
    void reluMeanFollowsTheAsymptoticExpansion() {
        // MATH.md §0: c_d² = (1/(2πd))(1 + 1/(2d) + 1/(8d²) + O(d^−3))
        for (int d : new int[] {1000, 100_000, 10_000_000}) {
            double c = Sphere.reluMean(d);
            double series = (1 + 1.0 / (2 * d) + 1.0 / (8.0 * d * d)) / (2 * Math.PI * d);
            assertRelative(series, c * c, 5.0 / ((double) d * d * d) + 1e-14);
        }
    }

    @Test
    void chiMomentsMatchGammaRatios() {
        // E‖g‖^k = 2^{k/2} Γ((d+k)/2)/Γ(d/2) by log-gamma (fine at small d)
        for (int d = 1; d <= 12; d++) {
            for (int k = 0; k <= 6; k++) {
                double expected = Math.exp(0.5 * k * Math.log(2) + Gamma.logGamma((d + k) / 2.0) - Gamma.logGamma(d / 2.0));
                assertRelative(expected, Sphere.chiMoment(d, k), 1e-13);
            }
        }
        assertEquals(10000.0, Sphere.chiMoment(10000, 2), 0);
        assertEquals(10000.0 * 10002, Sphere.chiMoment(10000, 4), 0);
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sphere.reluMean(0));
        assertTrue(e.getMessage().contains("d"));
        e = assertThrows(IllegalArgumentException.class, () -> Sphere.chiMoment(3, -1));
        assertTrue(e.getMessage().startsWith("k "));
    }
}
