package org.ntk.core.fisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;

/**
 * A sweep of the public entry points of {@code org.ntk.core.fisher} with bad arguments and with
 * weights or inputs so large that an entry would overflow: each is refused with the documented
 * exception type and a message that names the argument.
 */
class FisherValidationAuditTest {

    private static void rejects(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, argument);
        assertTrue(e.getMessage().contains(argument), "message should name " + argument + ": " + e.getMessage());
    }

    private static void rejectsNull(String argument, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call, argument);
        assertEquals(argument, e.getMessage());
    }

    private static final ReluNetwork NET = ReluNetwork.random(3, 8, WeightScale.FAN_IN, 4);

    @Test
    void fisherInformation() {
        rejectsNull("net", () -> FisherInformation.analytic(null));
        rejects("threads must be >= 1, got 0", () -> FisherInformation.analytic(NET, 0));
        rejectsNull("net", () -> FisherInformation.empirical(null, new double[][] {{1, 2, 3}}));
        rejectsNull("x", () -> FisherInformation.empirical(NET, null));
        rejects("x has dimension 2, expected 3", () -> FisherInformation.empirical(NET, new double[][] {{1, 2}}));
        rejects("x[0][2] must be finite, got NaN",
                () -> FisherInformation.empirical(NET, new double[][] {{1, 2, Double.NaN}}));
        rejects("x must have at least one row", () -> FisherInformation.empirical(NET, new double[0][]));
        rejects("threads must be >= 1, got -1", () -> FisherInformation.empirical(NET, new double[][] {{1, 2, 3}}, -1));
        // ‖w_0‖²/2 = 1e400: refused naming the network instead of an ∞ entry
        ReluNetwork huge = ReluNetwork.of(new double[][] {{1e200, 1e200}, {1, 0}}, new double[] {1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FisherInformation.analytic(huge));
        assertTrue(e.getMessage().startsWith("net too large: J_00"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FisherInformation.empirical(huge, new double[][] {{1e200, 1e200}}));
        assertTrue(e.getMessage().startsWith("x too large"), e.getMessage());
        // the largest weights that still fit give a finite matrix
        ReluNetwork big = ReluNetwork.of(new double[][] {{1e150, 1e150}, {1, 0}}, new double[] {1, 1});
        assertEquals(1e300, FisherInformation.analytic(big).get(0, 0), 1e286);
    }

    @Test
    void clusterPredictionsFamiliesAndLimits() {
        rejects("d must be >= 1, got 0", () -> ClusterPrediction.of(0, 10, WeightScale.FAN_IN));
        rejects("m must be >= 1, got 0", () -> ClusterPrediction.of(3, 0, WeightScale.FAN_IN));
        rejectsNull("scale", () -> ClusterPrediction.of(3, 10, null));
        rejects("group must be 0, 1 or 2, got 3", () -> new ClusterPrediction(3, 1, 1, 1));
        rejects("d must be >= 1, got 0", () -> ClusterPrediction.traceFraction(0));
        rejects("d must be >= 1, got -2", () -> ClusterPrediction.expectedTrace(-2, 5, WeightScale.STANDARD));
        rejectsNull("net", () -> FimEigenvectorFamilies.of(null));
        rejects("group must be 0, 1 or 2, got -1", () -> FimEigenvectorFamilies.of(NET).orthonormalBasis(-1));
        rejects("net hidden weight w_0 must have norm < 2^500",
                () -> FimEigenvectorFamilies.of(ReluNetwork.of(new double[][] {{1e200, 1e200}}, new double[] {1})));

        rejects("d must be >= 1, got 0", () -> TheoremLimits.uniform(0, WeightScale.FAN_IN));
        rejectsNull("scale", () -> TheoremLimits.radial(3, null));
        rejects("a must be in [0, 3), got 3", () -> TheoremLimits.row(3, WeightScale.FAN_IN, 3));
        rejects("b must differ from a, got a = b = 1", () -> TheoremLimits.product(3, WeightScale.FAN_IN, 1, 1));
        rejects("b must be in [0, 3), got -1", () -> TheoremLimits.difference(3, WeightScale.FAN_IN, 0, -1));
        TheoremLimit limit = TheoremLimits.row(3, WeightScale.FAN_IN, 0);
        rejects("x has dimension 2, expected 3", () -> limit.limit(new double[] {1, 2}));
        rejects("x[1] must be finite, got NaN", () -> limit.limit(new double[] {1, Double.NaN, 2}));
        rejects("w[1] must be finite, got Infinity", () -> limit.weight(new double[] {1, Double.POSITIVE_INFINITY, 2}));
        rejects("net has input dimension 2, expected 3",
                () -> limit.vector(ReluNetwork.random(2, 5, WeightScale.FAN_IN, 1)));
        double[][] test = {{1, 2, 3}, {0, 1, 0}};
        rejects("u has length 3, expected 8", () -> TheoremLimits.scaledOutputs(NET, new double[3], test));
        rejects("testPoints has dimension 2, expected 3",
                () -> TheoremLimits.scaledOutputs(NET, new double[8], new double[][] {{1, 2}}));
        rejects("u must be non-zero", () -> TheoremLimits.meanAbsoluteError(NET, new double[8], limit, test));
        rejects("limits has 1 entries, expected 2", () -> TheoremLimits.meanAbsoluteErrors(NET,
                new double[][] {new double[8], new double[8]}, List.of(limit), test));
        rejects("u[3] must be finite, got NaN", () -> {
            double[] u = new double[8];
            u[3] = Double.NaN;
            TheoremLimits.meanAbsoluteError(NET, u, limit, test);
        });
    }
}
