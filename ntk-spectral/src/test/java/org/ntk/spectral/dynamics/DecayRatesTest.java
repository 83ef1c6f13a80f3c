package org.ntk.spectral.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ntk.spectral.dynamics.OutputLayerDescentTest.rejects;

import org.junit.jupiter.api.Test;

class DecayRatesTest {

    @Test
    void fitsAGeometricSequenceExactly() {
        int[] steps = {0, 1, 2, 5, 9};
        double[] p = new double[steps.length];
        double[] alt = new double[steps.length];
        for (int j = 0; j < steps.length; j++) {
            p[j] = 3.5 * Math.pow(0.8, steps[j]);
            alt[j] = -2 * Math.pow(-0.6, steps[j]);   // sign-alternating: |ρ| = 0.6
        }
        assertEquals(-Math.log(0.8), DecayRates.fitted(steps, p), 1e-13);
        assertEquals(-Math.log(0.6), DecayRates.fitted(steps, alt), 1e-13);
        // a growing sequence has a negative rate
        assertEquals(-Math.log(1.1), DecayRates.fitted(new int[] {0, 1}, new double[] {1, 1.1}), 1e-13);
    }

    @Test
    void leastSquaresOfANoisyLine() {
        // ln p = 1 − 0.1 t + e_t with e = (+δ, −δ, −δ, +δ) at t = 0..3. The residuals are orthogonal to
        // t − 1.5: (−1.5)(δ) + (−0.5)(−δ) + (0.5)(−δ) + (1.5)(δ) = 0, so the least-squares slope is −0.1.
        double delta = 0.05;
        double[] e = {delta, -delta, -delta, delta};
        double[] p = new double[4];
        for (int t = 0; t < 4; t++) {
            p[t] = Math.exp(1 - 0.1 * t + e[t]);
        }
        assertEquals(0.1, DecayRates.fitted(new int[] {0, 1, 2, 3}, p), 1e-13);
    }

    @Test
    void predictedRates() {
        assertEquals(-Math.log(0.5), DecayRates.discrete(0.25, 2), 1e-15);
        assertEquals(0.5, DecayRates.flow(0.25, 2), 1e-15);
        // discrete → flow as η → 0: −ln(1 − x) = x + x²/2 + x³/3 + O(x⁴)
        double x = 1e-4;
        assertEquals(x + x * x / 2 + x * x * x / 3, DecayRates.discrete(x, 1), 1e-16);
        assertTrue(Double.isInfinite(DecayRates.discrete(0.5, 2)));
        assertTrue(DecayRates.discrete(1.5, 2) < 0, "unstable: |1 − ηΛ| > 1");
    }

    @Test
    void rejectsBadArguments() {
        rejects(IllegalArgumentException.class, "values", () -> DecayRates.fitted(new int[] {0, 1}, new double[] {1}));
        rejects(IllegalArgumentException.class, "values[1]",
                () -> DecayRates.fitted(new int[] {0, 1}, new double[] {1, 0}));
        rejects(IllegalArgumentException.class, "values[0]",
                () -> DecayRates.fitted(new int[] {0, 1}, new double[] {Double.NaN, 1}));
        rejects(IllegalArgumentException.class, "steps", () -> DecayRates.fitted(new int[] {3, 3}, new double[] {1, 2}));
        rejects(NullPointerException.class, "steps", () -> DecayRates.fitted(null, new double[] {1}));
        rejects(IllegalArgumentException.class, "eigenvalue", () -> DecayRates.discrete(Double.NaN, 1));
        rejects(IllegalArgumentException.class, "learningRate", () -> DecayRates.flow(1, 0));
    }
}
