package org.ntk.spectral.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenigniPaquetteSimulationTest {

    @Test
    void predictionMatchesSimulationAtDimensionForty() {
        // MATH.md §8.4 numerical check: step, D = I, d = p = 40, γ1 = 2 (n = 3200): L1 distance 0.023 between the
        // η = 0.01 Cauchy-smoothed densities; acceptance here L1 ≤ 0.06 (issue), one seeded draw.
        BenigniPaquetteModel model = BenigniPaquetteModel.of(ActivationDerivative.STEP, ScaleLaw.identity(), 2, 1, 40);
        DensityPrediction pred = model.predict(400, 0.01);
        BenigniPaquetteSimulation sim = model.simulate(2025);
        assertEquals(3200, sim.n());
        double[] ev = sim.eigenvalues();
        double l1 = pred.l1Distance(sim.density(pred.grid(), 0.01));
        assertTrue(l1 <= 0.06, () -> "L1 " + l1);

        // Atom: rank K ≤ dp = 1600 (MATH.md §8.2), so the 1600 smallest eigenvalues vanish to rounding
        // (|λ| ≤ n·ε·λ_max·10) and the limit's atom is (1 − 1/γ1) = 1/2 = the finite-size fraction.
        assertEquals(1600, sim.structuralZeros());
        assertEquals(pred.atom(), sim.atom(), 0.0);
        double zeroTol = 10 * sim.n() * Math.ulp(1.0) * ev[0];
        for (int i = 1600; i < 3200; i++) {
            assertTrue(Math.abs(ev[i]) <= zeroTol, "eigenvalue " + i + " = " + ev[i]);
        }
        assertTrue(ev[1599] > 100 * zeroTol);

        // Outliers (MATH.md §8.3–8.4): d + 1 = 41 eigenvalues stand clear of the bulk; d of them near
        // γ1 p a0² = 20 and one near γ1 p a1² = 80/(2π) ≈ 12.7 (derived in BenigniPaquetteModel).
        double threshold = 1.5 * pred.upperEdge();
        double[] outliers = sim.eigenvaluesAbove(threshold);
        assertEquals(model.outlierCount() + 1, outliers.length);
        double top = 0;
        for (int i = 0; i < model.outlierCount(); i++) {
            top += outliers[i] / model.outlierCount();
        }
        assertEquals(pred.outlierLocation(), top, 0.15 * pred.outlierLocation());
        assertEquals(pred.extraOutlierLocation(), outliers[model.outlierCount()], 0.1 * pred.extraOutlierLocation());
        // the bulk ends near the predicted edge (finite-size fluctuations of the largest bulk eigenvalue)
        assertEquals(pred.upperEdge(), ev[outliers.length], 0.1 * pred.upperEdge());
    }

    @Test
    void surrogatePredictionMatchesSimulationForUniformScales() {
        // MATH.md §8.4 numerical check: logistic, D ~ U[0.5, 1.5], γ1 = 1, p = d/2: L1 0.032 at d = 50 (3 draws),
        // with H from the surrogate covariance. Here d = 40 (n = 800), default surrogate (d = 40, 3 draws), one
        // seeded draw; acceptance L1 ≤ 0.06 as for the identity case; d + 1 outliers above 1.5× the bulk edge.
        BenigniPaquetteModel model = BenigniPaquetteModel.of(ActivationDerivative.LOGISTIC, ScaleLaw.uniform(0.5, 1.5),
                1, 0.5, 40);
        DensityPrediction pred = model.predict(400, 0.01);
        assertEquals(0.0, pred.atom(), 0.0);
        BenigniPaquetteSimulation sim = model.simulate(7);
        double l1 = pred.l1Distance(sim.density(pred.grid(), 0.01));
        assertTrue(l1 <= 0.06, () -> "L1 " + l1);
        assertEquals(model.outlierCount() + 1, sim.eigenvaluesAbove(1.5 * pred.upperEdge()).length);
    }

    @Test
    void densityLeavesOutTheStructuralZeros() {
        double[] ev = {3, 1, 0, 0};
        BenigniPaquetteSimulation sim = new BenigniPaquetteSimulation(4, 1, 2, 0, ev);
        assertEquals(2, sim.structuralZeros());
        assertEquals(0.5, sim.atom(), 0.0);
        double eta = 0.1;
        double x = 0.5;
        double expected = (eta / ((3 - x) * (3 - x) + eta * eta) + eta / ((1 - x) * (1 - x) + eta * eta)) / (4 * Math.PI);
        assertEquals(expected, sim.density(new double[] {x}, eta)[0], 1e-15);
        assertArrayEquals(new double[] {3}, sim.eigenvaluesAbove(2), 0.0);
        assertArrayEquals(new double[0], sim.eigenvaluesAbove(5), 0.0);
    }

    @Test
    void rejections() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BenigniPaquetteSimulation(3, 1, 1, 0, new double[] {1, 2}));
        assertTrue(e.getMessage().startsWith("eigenvalues "));
        BenigniPaquetteSimulation sim = new BenigniPaquetteSimulation(1, 1, 1, 0, new double[] {1});
        e = assertThrows(IllegalArgumentException.class, () -> sim.density(new double[] {0}, 0));
        assertTrue(e.getMessage().startsWith("eta "));
        e = assertThrows(IllegalArgumentException.class, () -> sim.eigenvaluesAbove(Double.NaN));
        assertTrue(e.getMessage().startsWith("threshold "));
    }
}
