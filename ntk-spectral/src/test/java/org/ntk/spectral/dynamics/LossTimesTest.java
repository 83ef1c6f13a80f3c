package org.ntk.spectral.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossTimesTest {

    @Test
    void interpolationIsExactForAGeometricCurve() {
        double rho = 0.9;
        double[] curve = new double[40];
        for (int t = 0; t < curve.length; t++) {
            curve[t] = Math.pow(rho, t);
        }
        double exact = Math.log(0.1) / Math.log(rho);   // 21.85…
        assertEquals(exact, LossTimes.crossing(curve, 0.1), 1e-12);
        assertEquals(exact, LossTimes.crossing(t -> Math.pow(rho, t), 0.1, 100), 1e-9);
        assertEquals(0, LossTimes.crossing(curve, 2), 0.0);
        assertEquals(0, LossTimes.crossing(t -> 1.0, 2, 10), 0.0);
        assertTrue(Double.isNaN(LossTimes.crossing(curve, 1e-6)));
        assertTrue(Double.isNaN(LossTimes.crossing(t -> Math.pow(rho, t), 1e-6, 10)));
        assertEquals(3, LossTimes.crossing(new double[] {1, 0.5, 0.3, 0}, 0.1), 0.0);
    }
}
