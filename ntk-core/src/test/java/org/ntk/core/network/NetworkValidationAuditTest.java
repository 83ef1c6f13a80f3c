package org.ntk.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A sweep of the public entry points of {@code org.ntk.core.network} with NaN, ∞, empty, ragged,
 * mismatched, null and non-positive arguments, and with inputs so large that an activation or an
 * NTK entry overflows: each is refused with the documented exception type and a message that names
 * the argument — never a result holding ∞, or a NaN silently turned into 0 by the ReLU.
 */
class NetworkValidationAuditTest {

    private static void rejects(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, argument);
        assertTrue(e.getMessage().contains(argument), "message should name " + argument + ": " + e.getMessage());
    }

    private static void rejectsNull(String argument, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call, argument);
        assertEquals(argument, e.getMessage());
    }

    private static final double[][] W = {{1, 0.5}, {-0.3, 2}, {0.7, -1}};
    private static final double[] V = {1, -2, 0.5};

    @Test
    void twoLayerNetworkFactoriesAndMethods() {
        rejects("d must be >= 1, got 0", () -> ReluNetwork.random(0, 5, WeightScale.FAN_IN, 1));
        rejects("m must be >= 1, got -1", () -> ReluNetwork.random(3, -1, WeightScale.FAN_IN, 1));
        rejectsNull("scale", () -> ReluNetwork.random(3, 5, null, 1));
        for (WeightScale scale : WeightScale.values()) {
            // FAN_IN's 1/d was ∞ at d = 0 and negative below
            rejects("d must be >= 1, got 0", () -> scale.variance(0));
            rejects("d must be >= 1, got -4", () -> scale.variance(-4));
        }
        rejects("m·d must fit in a Java array", () -> ReluNetwork.random(1 << 16, 1 << 16, WeightScale.FAN_IN, 1));
        rejectsNull("hiddenWeights", () -> ReluNetwork.of(null, V));
        rejects("hiddenWeights must have at least one row", () -> ReluNetwork.of(new double[0][], new double[0]));
        rejects("hiddenWeights[1] has dimension 1, expected 2", () -> ReluNetwork.of(new double[][] {{1, 2}, {3}}, V));
        rejects("hiddenWeights[2][1] must be finite, got NaN",
                () -> ReluNetwork.of(new double[][] {{1, 2}, {3, 4}, {5, Double.NaN}}, V));
        rejectsNull("outputWeights", () -> ReluNetwork.of(W, null));
        rejects("outputWeights[1] must be finite, got Infinity",
                () -> ReluNetwork.of(W, new double[] {1, Double.POSITIVE_INFINITY, 0}));
        rejects("outputWeights has length 2, expected 3", () -> ReluNetwork.of(W, new double[] {1, 2}));
        ReluNetwork net = ReluNetwork.of(W, V);
        rejects("x has dimension 3, expected 2", () -> net.features(new double[][] {{1, 2, 3}}));
        rejects("x[0][0] must be finite, got NaN", () -> net.predict(new double[][] {{Double.NaN, 1}}));
        rejects("x must have at least one row", () -> net.features(new double[0][]));
        rejectsNull("x", () -> net.predict(null));
        rejectsNull("net", () -> TwoLayerEmpiricalNtk.outputLayer(null, W));
        rejects("threads must be >= 1, got 0", () -> TwoLayerEmpiricalNtk.bothLayers(net, W, 0));
        rejects("x has dimension 1, expected 2", () -> TwoLayerEmpiricalNtk.bothLayers(net, new double[][] {{1}}));
        rejects("x[1][1] must be finite, got -Infinity",
                () -> TwoLayerEmpiricalNtk.outputLayer(net, new double[][] {{1, 1}, {1, Double.NEGATIVE_INFINITY}}));
    }

    /**
     * Weights and inputs of 1e200 are finite, but the pre-activation w·x ≈ 1e400 is not: features,
     * predictions and empirical NTKs refuse them naming x, where a plain loop would return ∞ (or turn
     * the NaN of ∞ − ∞ into 0 through the ReLU).
     */
    @Test
    void overflowingActivationsAreRefusedNamingTheInput() {
        ReluNetwork net = ReluNetwork.of(new double[][] {{1e200, -1e200}, {1e200, 1e200}}, new double[] {1, 1});
        double[][] huge = {{1e200, 1e200}};
        for (Executable call : new Executable[] {() -> net.features(huge), () -> net.predict(huge),
            () -> TwoLayerEmpiricalNtk.outputLayer(net, huge), () -> TwoLayerEmpiricalNtk.bothLayers(net, huge)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().startsWith("x too large: "), e.getMessage());
            assertTrue(e.getMessage().contains("overflows the double range"), e.getMessage());
        }
        // ∞ − ∞: a NaN pre-activation that the ReLU would have turned into 0
        ReluNetwork cancel = ReluNetwork.of(new double[][] {{1e300, 1e300}}, new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cancel.features(new double[][] {{1e300, -1e300}}));
        assertTrue(e.getMessage().contains("got NaN"), e.getMessage());
        // a large negative pre-activation is a legitimate 0, not an error
        assertEquals(0.0, cancel.features(new double[][] {{-1e300, -1e300}})[0][0]);

        // a deep network whose activations grow past the range: 1e100 per layer, three layers
        double[][] layer = {{1e100, 0}, {0, 1e100}};
        DeepReluNetwork deep = DeepReluNetwork.of(new double[][][] {layer, layer, layer, layer}, new double[] {1, 1});
        double[][] x = {{1, 2}, {3, 1}};
        for (Executable call : new Executable[] {() -> deep.features(x), () -> deep.predict(x),
            () -> deep.empiricalNtk(x), () -> deep.empiricalNtkTerms(x)}) {
            IllegalArgumentException d = assertThrows(IllegalArgumentException.class, call);
            assertTrue(d.getMessage().startsWith("x too large: "), d.getMessage());
        }
    }

    @Test
    void deepNetworkFactoriesAndMethods() {
        rejects("d must be >= 1, got 0", () -> DeepReluNetwork.random(0, new int[] {3}, 1));
        rejectsNull("widths", () -> DeepReluNetwork.random(2, null, 1));
        rejects("widths must not be empty", () -> DeepReluNetwork.random(2, new int[0], 1));
        rejects("widths[1] must be >= 1, got 0", () -> DeepReluNetwork.random(2, new int[] {3, 0}, 1));
        rejectsNull("hiddenLayers", () -> DeepReluNetwork.of(null, V));
        rejects("hiddenLayers must have at least one layer", () -> DeepReluNetwork.of(new double[0][][], V));
        rejects("hiddenLayers[1] has 3 columns, expected 2",
                () -> DeepReluNetwork.of(new double[][][] {{{1, 2}, {3, 4}}, {{1, 2, 3}}}, new double[] {1}));
        rejects("hiddenLayers[0][0][1] must be finite, got NaN",
                () -> DeepReluNetwork.of(new double[][][] {{{1, Double.NaN}}}, new double[] {1}));
        rejects("outputWeights has length 3, expected 1", () -> DeepReluNetwork.of(new double[][][] {{{1, 2}}}, V));
        DeepReluNetwork net = DeepReluNetwork.random(2, new int[] {4, 3}, 5);
        rejects("threads must be >= 1, got 0", () -> net.empiricalNtk(W, 0));
        rejects("threads must be >= 1, got 0", () -> net.empiricalNtkTerms(W, 0));
        rejects("x has dimension 3, expected 2", () -> net.empiricalNtk(new double[][] {{1, 2, 3}}));
        rejects("x[0][0] must be finite, got NaN", () -> net.features(new double[][] {{Double.NaN, 2}}));
        rejects("l must be in [0, 2), got 2", () -> net.layer(2));
        rejectsNull("x", () -> net.empiricalNtk(null));
    }
}
