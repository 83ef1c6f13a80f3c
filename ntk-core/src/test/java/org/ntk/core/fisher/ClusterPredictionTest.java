package org.ntk.core.fisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.network.WeightScale;

class ClusterPredictionTest {

    @Test
    void perUnitLimitsOfMath92() {
        // MATH.md §9.2 (VAR-1/d, per hidden unit): d = 3: 0.1875, 0.083333, 0.0117188; d = 10: 0.167301,
        // 0.025, 0.00138265 (printed to 5–6 significant digits)
        List<ClusterPrediction> d3 = ClusterPrediction.of(3, 1, WeightScale.FAN_IN);
        assertEquals(0.1875, d3.get(0).exactLimit(), 1e-15);
        assertEquals(0.083333, d3.get(1).exactLimit(), 0.5e-6);
        assertEquals(0.0117188, d3.get(2).exactLimit(), 0.5e-7);
        List<ClusterPrediction> d10 = ClusterPrediction.of(10, 1, WeightScale.FAN_IN);
        assertEquals(0.167301, d10.get(0).exactLimit(), 0.5e-6);
        assertEquals(0.025, d10.get(1).exactLimit(), 1e-16);
        assertEquals(0.00138265, d10.get(2).exactLimit(), 0.5e-8);
    }

    @Test
    void clusterTableOfMath23() {
        // MATH.md §2.3, m = 3000: exact limit / papers' value of λ1 and of the cluster-3 mean
        int[] d = {3, 5, 10, 20};
        double[][] lambda1 = {{562.5, 557.0}, {527.3, 525.2}, {501.9, 501.3}, {489.5, 489.4}};
        double[][] cluster3 = {{35.16, 31.83}, {14.65, 13.64}, {4.148, 3.979}, {1.110, 1.085}};
        double[] cluster2 = {250, 150, 75, 37.5};
        for (int i = 0; i < d.length; i++) {
            List<ClusterPrediction> p = ClusterPrediction.of(d[i], 3000, WeightScale.FAN_IN);
            assertEquals(lambda1[i][0], p.get(0).exactLimit(), 0.05);
            assertEquals(lambda1[i][1], p.get(0).papersValue(), 0.05);
            assertEquals(cluster2[i], p.get(1).exactLimit(), 1e-12);
            assertEquals(cluster2[i], p.get(1).papersValue(), 1e-12);
            double unit = cluster3[i][0] < 10 ? 0.0005 : 0.005;
            assertEquals(cluster3[i][0], p.get(2).exactLimit(), unit);
            assertEquals(cluster3[i][1], p.get(2).papersValue(), unit);
            assertEquals(1, p.get(0).multiplicity());
            assertEquals(d[i], p.get(1).multiplicity());
            assertEquals(d[i] * (d[i] + 1) / 2 - 1, p.get(2).multiplicity());
        }
    }

    @Test
    void standardScaleMultipliesByD() {
        for (int d : new int[] {1, 4, 17}) {
            List<ClusterPrediction> fan = ClusterPrediction.of(d, 100, WeightScale.FAN_IN);
            List<ClusterPrediction> std = ClusterPrediction.of(d, 100, WeightScale.STANDARD);
            assertEquals(fan.size(), std.size());
            for (int g = 0; g < fan.size(); g++) {
                assertEquals(d * fan.get(g).exactLimit(), std.get(g).exactLimit(), 1e-12 * std.get(g).exactLimit());
                assertEquals(d * fan.get(g).papersValue(), std.get(g).papersValue(), 1e-12 * std.get(g).papersValue());
            }
            assertEquals(d * ClusterPrediction.expectedTrace(d, 100, WeightScale.FAN_IN),
                    ClusterPrediction.expectedTrace(d, 100, WeightScale.STANDARD), 0);
        }
        assertEquals(2, ClusterPrediction.of(1, 10, WeightScale.FAN_IN).size(), "no degree-2 cluster for d = 1");
        assertEquals(50, ClusterPrediction.expectedTrace(7, 100, WeightScale.FAN_IN), 0);
    }

    @Test
    void traceFractionsOfMath24() {
        // MATH.md §2.4 table (8 decimals)
        int[] d = {1, 2, 3, 5, 10, 20, 50, 100, 1000, 10000};
        double[] frac = {1, 0.99534801, 0.99218750, 0.98828125, 0.98392912, 0.98103618, 0.97898745, 0.97824304,
            0.97754423, 0.97747279};
        for (int i = 0; i < d.length; i++) {
            assertEquals(frac[i], ClusterPrediction.traceFraction(d[i]), 0.5e-8, "d = " + d[i]);
        }
        // strictly decreasing (MATH.md checked d = 1..5000) towards 1/2 + 3/(2π)
        double prev = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 5000; k++) {
            double f = ClusterPrediction.traceFraction(k);
            assertTrue(f < prev && f > ClusterPrediction.PAPERS_TRACE_FRACTION, "d = " + k);
            prev = f;
        }
        assertEquals(0.9774648293, ClusterPrediction.PAPERS_TRACE_FRACTION, 0.5e-10);
    }

    @Test
    void papersValuesHoldTheSameShareForEveryDimension() {
        // MATH.md §2.4: [λ0 + d λ1 + (d(d+1)/2 − 1) λ2]_papers / trace = 1/2 + 3/(2π) for every d
        for (int d = 2; d <= 60; d++) {
            List<ClusterPrediction> p = ClusterPrediction.of(d, 1000, WeightScale.FAN_IN);
            double sum = 0;
            double exact = 0;
            for (ClusterPrediction c : p) {
                sum += c.multiplicity() * c.papersValue();
                exact += c.multiplicity() * c.exactLimit();
            }
            double trace = ClusterPrediction.expectedTrace(d, 1000, WeightScale.FAN_IN);
            assertEquals(ClusterPrediction.PAPERS_TRACE_FRACTION, sum / trace, 1e-14, "d = " + d);
            assertEquals(ClusterPrediction.traceFraction(d), exact / trace, 1e-14, "d = " + d);
        }
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterPrediction.of(0, 10, WeightScale.FAN_IN));
        assertTrue(e.getMessage().startsWith("d "));
        e = assertThrows(IllegalArgumentException.class, () -> ClusterPrediction.of(3, 0, WeightScale.FAN_IN));
        assertTrue(e.getMessage().startsWith("m "));
        assertThrows(NullPointerException.class, () -> ClusterPrediction.of(3, 10, null));
        e = assertThrows(IllegalArgumentException.class, () -> new ClusterPrediction(3, 1, 1, 1));
        assertTrue(e.getMessage().startsWith("group "));
    }
}
