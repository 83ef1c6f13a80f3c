package org.ntk.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArccosTest {

    /** Distance in units in the last place between two finite doubles of the same sign region. */
    private static long ulps(double a, double b) {
        long ia = Double.doubleToLongBits(a);
        long ib = Double.doubleToLongBits(b);
        if (ia < 0) {
            ia = Long.MIN_VALUE - ia;
        }
        if (ib < 0) {
            ib = Long.MIN_VALUE - ib;
        }
        return Math.abs(ia - ib);
    }

    @Test
    void errorAgainstStrictMathOnADenseGridOfTheWholeInterval() {
        // Reference: StrictMath.acos (fdlibm, error < 1 ulp). Requirement: ≤ 1 ulp everywhere.
        int n = 2_000_001;
        long worst = 0;
        double worstAbs = 0;
        for (int i = 0; i < n; i++) {
            double x = -1 + 2.0 * i / (n - 1);
            double a = Arccos.acos(x);
            double r = StrictMath.acos(x);
            worst = Math.max(worst, ulps(a, r));
            worstAbs = Math.max(worstAbs, Math.abs(a - r));
        }
        assertTrue(worst <= 1, "max ulp error " + worst);
        assertTrue(worstAbs <= 1e-15, "max abs error " + worstAbs);
    }

    @Test
    void errorNearTheBranchPointsAndTheEnds() {
        // The algorithm switches at |x| = 0.5 and 2^-57; near ±1 the derivative is unbounded.
        double[] centres = {-1, -0.5, 0, 0.5, 1, 0x1p-57, -0x1p-57};
        long worst = 0;
        for (double c : centres) {
            double x = c;
            double y = c;
            for (int k = 0; k < 2000; k++) {
                x = Math.nextUp(x);
                y = Math.nextDown(y);
                for (double v : new double[] {x, y}) {
                    if (v >= -1 && v <= 1) {
                        worst = Math.max(worst, ulps(Arccos.acos(v), StrictMath.acos(v)));
                    }
                }
            }
        }
        for (double scale = 1e-300; scale < 1; scale *= 10) {
            for (double v : new double[] {scale, -scale, 1 - scale, -1 + scale}) {
                worst = Math.max(worst, ulps(Arccos.acos(v), StrictMath.acos(v)));
            }
        }
        assertTrue(worst <= 1, "max ulp error " + worst);
    }

    @Test
    void exactAtMinusOneZeroAndOne() {
        // Closed forms: acos(1) = 0, acos(0) = π/2, acos(−1) = π, to the nearest double.
        assertEquals(0.0, Arccos.acos(1.0));
        assertEquals(Math.PI / 2, Arccos.acos(0.0));
        assertEquals(Math.PI / 2, Arccos.acos(-0.0));
        assertEquals(Math.PI, Arccos.acos(-1.0));
    }

    @Test
    void outsideTheDomainGivesNaN() {
        assertTrue(Double.isNaN(Arccos.acos(Math.nextUp(1.0))));
        assertTrue(Double.isNaN(Arccos.acos(-1.5)));
        assertTrue(Double.isNaN(Arccos.acos(Double.NaN)));
        assertTrue(Double.isNaN(Arccos.acos(Double.POSITIVE_INFINITY)));
    }
}
