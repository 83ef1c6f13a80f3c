package org.ntk.spectral.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ntk.spectral.dynamics.OutputLayerDescentTest.rejects;

import org.junit.jupiter.api.Test;
import org.ntk.core.network.WeightScale;

class PopulationEigenvaluesTest {

    @Test
    void matchesTheReferenceTable() {
        // MATH.md §9.1 (deterministic values, 1e-10 relative)
        double[][] table = {
            {2, 0.4052847346, 4.5031637174e-2},
            {3, 0.5625, 3.515625e-2},
            {4, 0.7205061948, 2.8820247792e-2},
            {5, 0.87890625, 2.44140625e-2},
            {10, 1.6730121167, 1.3826546419e-2},
            {100, 15.9952697236, 1.5680099719e-3},
            {1000, 159.2345404480, 1.5891654843e-4},
        };
        for (double[] row : table) {
            int d = (int) row[0];
            PopulationEigenvalues p = PopulationEigenvalues.of(d, WeightScale.STANDARD);
            assertEquals(row[1], p.lambda0(), 1e-10 * row[1], "λ0, d = " + d);
            assertEquals(0.25, p.lambda1(), 0.0);
            assertEquals(row[2], p.lambda2(), 1e-9 * row[2], "λ2, d = " + d);
            assertEquals(p.lambda0(), p.eigenvalue(0), 0.0);
            assertEquals(p.lambda2(), p.eigenvalue(2), 0.0);
        }
        // d = 1 (MATH.md §9.1): λ0 = λ1 = 1/4, no degree 2
        PopulationEigenvalues one = PopulationEigenvalues.of(1, WeightScale.STANDARD);
        assertEquals(0.25, one.lambda0(), 1e-15);
        assertEquals(0.25, one.lambda1(), 1e-15);
        assertEquals(0, one.lambda2(), 0.0);
        assertEquals(0, one.multiplicity(2));
    }

    @Test
    void fanInDividesByD() {
        PopulationEigenvalues s = PopulationEigenvalues.of(10, WeightScale.STANDARD);
        PopulationEigenvalues f = PopulationEigenvalues.of(10, WeightScale.FAN_IN);
        assertEquals(s.lambda0() / 10, f.lambda0(), 1e-15);
        assertEquals(0.025, f.lambda1(), 1e-15);
        assertEquals(s.lambda2() / 10, f.lambda2(), 1e-17);
    }

    @Test
    void multiplicitiesAndClusters() {
        PopulationEigenvalues p = PopulationEigenvalues.of(5, WeightScale.STANDARD);
        assertEquals(1, p.multiplicity(0));
        assertEquals(5, p.multiplicity(1));
        assertEquals(14, p.multiplicity(2));
        assertEquals(0, p.clusterStart(0));
        assertEquals(1, p.clusterStart(1));
        assertEquals(6, p.clusterStart(2));
    }

    @Test
    void rejectsBadArguments() {
        rejects(IllegalArgumentException.class, "d", () -> PopulationEigenvalues.of(0, WeightScale.STANDARD));
        rejects(NullPointerException.class, "scale", () -> PopulationEigenvalues.of(3, null));
        PopulationEigenvalues p = PopulationEigenvalues.of(3, WeightScale.STANDARD);
        rejects(IllegalArgumentException.class, "degree", () -> p.eigenvalue(3));
        rejects(IllegalArgumentException.class, "degree", () -> p.multiplicity(-1));
        rejects(IllegalArgumentException.class, "degree", () -> p.clusterStart(4));
        rejects(IllegalArgumentException.class, "lambda1",
                () -> new PopulationEigenvalues(3, WeightScale.STANDARD, 1, Double.NaN, 1));
    }
}
