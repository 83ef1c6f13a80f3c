package org.ntk.spectral.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiscreteSpectralMeasureTest {

    @Test
    void momentsAndEmpiricalWeights() {
        DiscreteSpectralMeasure m = DiscreteSpectralMeasure.ofEigenvalues(new double[] {1, 2, 3, 4});
        assertEquals(1.0, m.totalWeight(), 0.0);
        assertEquals(2.5, m.moment(1), 1e-15);
        assertEquals(7.5, m.moment(2), 1e-15); // (1 + 4 + 9 + 16)/4
        assertEquals(1.0, m.min(), 0.0);
        assertEquals(4.0, m.max(), 0.0);
    }

    @Test
    void cauchyDensityIsTheImaginaryPartOfTheStieltjesTransform() {
        // Closed form: Σ w_i η/(π((x−λ_i)² + η²)) = Im Σ w_i/(λ_i − x − iη)/π.
        DiscreteSpectralMeasure m = new DiscreteSpectralMeasure(new double[] {0.5, 2}, new double[] {0.25, 0.75});
        double eta = 0.1;
        double x = 1.3;
        double expected = 0;
        double[] l = {0.5, 2};
        double[] w = {0.25, 0.75};
        for (int i = 0; i < 2; i++) {
            double re = l[i] - x;
            expected += w[i] * eta / (re * re + eta * eta) / Math.PI;
        }
        assertEquals(expected, m.density(new double[] {x}, Broadening.CAUCHY, eta)[0], 1e-15);
    }

    @Test
    void arraysAreCopies() {
        double[] nodes = {1, 2};
        DiscreteSpectralMeasure m = new DiscreteSpectralMeasure(nodes, new double[] {0.5, 0.5});
        nodes[0] = 9;
        assertEquals(1.0, m.nodes()[0], 0.0);
        m.nodes()[0] = 9;
        assertEquals(1.0, m.nodes()[0], 0.0);
    }

    @Test
    void rejections() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DiscreteSpectralMeasure(new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("weights "));
        e = assertThrows(IllegalArgumentException.class,
                () -> new DiscreteSpectralMeasure(new double[] {1}, new double[] {-1}));
        assertTrue(e.getMessage().startsWith("weights[0] "));
        e = assertThrows(IllegalArgumentException.class,
                () -> new DiscreteSpectralMeasure(new double[] {Double.NaN}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("nodes[0] "));
        e = assertThrows(IllegalArgumentException.class, () -> new DiscreteSpectralMeasure(new double[0], new double[0]));
        assertTrue(e.getMessage().startsWith("nodes "));
        DiscreteSpectralMeasure m = DiscreteSpectralMeasure.ofEigenvalues(new double[] {1});
        e = assertThrows(IllegalArgumentException.class, () -> m.density(new double[] {0}, Broadening.CAUCHY, 0));
        assertTrue(e.getMessage().startsWith("width "));
        e = assertThrows(IllegalArgumentException.class, () -> m.moment(-1));
        assertTrue(e.getMessage().startsWith("j "));
    }
}
