package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubspaceOverlapTest {

    @Test
    void plantedAnglesAreRecovered() {
        double t = 0.3;
        // u = e1 and (cos t·e2 + sin t·e4); span V = {e1 + e2, e1 − e2, 5 e3} = span{e1, e2, e3}
        // so cos² is 1 for the first and cos² t for the second: mean (1 + cos² t)/2 (closed form)
        double[][] u = {{1, 0, 0, 0}, {0, Math.cos(t), 0, Math.sin(t)}};
        double[][] v = {{1, 1, 0, 0}, {1, -1, 0, 0}, {0, 0, 5, 0}};
        assertEquals((1 + Math.cos(t) * Math.cos(t)) / 2, SubspaceOverlap.meanSquaredCosine(u, v), 1e-14);
        assertEquals(0.0, SubspaceOverlap.meanSquaredCosine(new double[][] {{0, 0, 0, 1}}, v), 1e-15);
        assertEquals(1.0, SubspaceOverlap.meanSquaredCosine(new double[][] {{0, 0, 1, 0}}, v), 1e-15);
    }

    @Test
    void orthonormalVersionAgreesWithTheGeneralOne() {
        double t = 0.7;
        double[][] u = {{Math.cos(t), 0, Math.sin(t)}, {0, 1, 0}};
        double[][] q = {{1, 0, 0}, {0, 1, 0}};
        // cos² t for the first vector, 1 for the second (closed form)
        double expected = (Math.cos(t) * Math.cos(t) + 1) / 2;
        assertEquals(expected, SubspaceOverlap.meanSquaredCosineOrthonormal(u, q), 1e-15);
        assertEquals(expected, SubspaceOverlap.meanSquaredCosine(u, q), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubspaceOverlap.meanSquaredCosineOrthonormal(u, new double[][] {{1, 0}}));
        assertTrue(e.getMessage().startsWith("q[0] "), e.getMessage());
    }

    @Test
    void rejectsDependentVectorsAndShapeMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubspaceOverlap.meanSquaredCosine(new double[][] {{1, 0}},
                        new double[][] {{1, 1}, {2, 2}}));
        assertTrue(e.getMessage().startsWith("v must"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SubspaceOverlap.meanSquaredCosine(new double[][] {{1, 0, 0}},
                        new double[][] {{1, 1}}));
        assertTrue(e.getMessage().startsWith("u[0] "), e.getMessage());
    }
}
