package org.ntk.spectral.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationDerivativeTest {

    @Test
    void stepConstantsAreTheClosedForms() {
        // MATH.md §8.3 table: a0 = 1/2, a1 = 1/√(2π), E φ² = 1/2, c⊥ = 1/4 − 1/(2π) = 0.0908450569.
        ActivationDerivative s = ActivationDerivative.STEP;
        assertEquals(0.5, s.a0(), 0.0);
        assertEquals(0.3989422804, s.a1(), 1e-10);
        assertEquals(0.5, s.secondMoment(), 0.0);
        assertEquals(0.25 - 1 / (2 * Math.PI), s.orthogonalVariance(), 1e-16);
        assertEquals(0.0908450569, s.orthogonalVariance(), 1e-10);
        assertEquals(0.0, s.value(0), 0.0);
        assertEquals(1.0, s.value(1e-300), 0.0);
    }

    @Test
    void logisticConstantsMatchTheTable() {
        // MATH.md §8.3 table (10 decimals): a1 = 0.2066209641, E φ² = 0.2933790359, c⊥ = 0.0006868130.
        ActivationDerivative l = ActivationDerivative.LOGISTIC;
        assertEquals(0.5, l.a0(), 1e-15);
        assertEquals(0.2066209641, l.a1(), 1e-9);
        assertEquals(0.2933790359, l.secondMoment(), 1e-9);
        assertEquals(0.0006868130, l.orthogonalVariance(), 1e-9);
    }

    @Test
    void logisticSatisfiesSteinsIdentity() {
        // a1 = E[Gφ(G)] = E[φ'(G)] = E[φ(1 − φ)] = a0 − E φ² (closed-form identity, independent of the table).
        ActivationDerivative l = ActivationDerivative.LOGISTIC;
        assertEquals(l.a0() - l.secondMoment(), l.a1(), 1e-14);
    }

    @Test
    void gaussHermiteRuleIntegratesPolynomialsAndTheStepMoments() {
        // N(0,1) moments E G^{2k} = (2k−1)!! exactly for 2k ≤ 2n − 1; and the rule applied to a smooth function
        // with a known Gaussian expectation: E[cos G] = e^{−1/2}.
        double[][] rule = ActivationDerivative.gaussHermite(200);
        double m0 = 0;
        double m2 = 0;
        double m4 = 0;
        double m6 = 0;
        double cos = 0;
        for (int k = 0; k < 200; k++) {
            double g = rule[0][k];
            double w = rule[1][k];
            m0 += w;
            m2 += w * g * g;
            m4 += w * g * g * g * g;
            m6 += w * Math.pow(g, 6);
            cos += w * Math.cos(g);
        }
        assertEquals(1.0, m0, 1e-13);
        assertEquals(1.0, m2, 1e-12);
        assertEquals(3.0, m4, 1e-11);
        assertEquals(15.0, m6, 1e-10);
        assertEquals(Math.exp(-0.5), cos, 1e-13);
    }

    @Test
    void cliNames() {
        assertEquals("step", ActivationDerivative.STEP.cliName());
        assertEquals("logistic", ActivationDerivative.LOGISTIC.cliName());
        assertEquals(ActivationDerivative.STEP, ActivationDerivative.parse("Step"));
        assertEquals(ActivationDerivative.LOGISTIC, ActivationDerivative.parse(" logistic"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationDerivative.parse("relu"));
        assertTrue(e.getMessage().startsWith("activation "));
    }
}
