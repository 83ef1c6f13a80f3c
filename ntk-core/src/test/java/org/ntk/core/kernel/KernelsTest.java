package org.ntk.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The factories, names and argument rejections of the kernels. */
class KernelsTest {

    private static void assertRejected(Executable call, String argument) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(argument), "message should name " + argument + ": " + e.getMessage());
    }

    @Test
    void namesAndFactoriesAgree() {
        assertEquals(List.of("arccos0", "arccos1", "ntk2", "deep-ntk", "deep-nngp"), Kernels.names());
        assertEquals(Kernels.arcCosine(0), Kernels.byName("arccos0", 1));
        assertEquals(Kernels.arcCosine(1), Kernels.byName("arccos1", 1));
        assertEquals(Kernels.twoLayerNtk(), Kernels.byName("ntk2", 1));
        assertEquals(Kernels.deepNtk(4), Kernels.byName("deep-ntk", 4));
        assertEquals(Kernels.deepNngp(3), Kernels.byName("deep-nngp", 3));
        assertNotEquals(Kernels.deepNtk(4), Kernels.deepNtk(3));
        assertNotEquals(Kernels.deepNtk(3), Kernels.deepNngp(3));
        for (String name : Kernels.names()) {
            assertEquals(name, Kernels.byName(name, 1).name());
        }
        assertEquals(0, Kernels.arcCosine(0).radialDegree());
        assertEquals(1, Kernels.arcCosine(1).radialDegree());
        assertEquals(1, Kernels.twoLayerNtk().radialDegree());
        assertEquals(1, Kernels.deepNtk(2).radialDegree());
        assertEquals(1, Kernels.deepNngp(2).radialDegree());
        assertEquals(5, Kernels.deepNtk(5).hiddenLayers());
        assertEquals(1, Kernels.arcCosine(1).order());
    }

    @Test
    void badFactoryArgumentsAreRejected() {
        assertRejected(() -> Kernels.arcCosine(2), "order");
        assertRejected(() -> Kernels.arcCosine(-1), "order");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.deepNtk(0));
        assertEquals("hiddenLayers must be >= 1, got 0", e.getMessage());
        assertRejected(() -> Kernels.deepNngp(-3), "hiddenLayers");
        e = assertThrows(IllegalArgumentException.class, () -> Kernels.byName("rbf", 1));
        assertTrue(e.getMessage().startsWith("name"), e.getMessage());
        assertTrue(e.getMessage().contains("arccos0, arccos1, ntk2, deep-ntk, deep-nngp"), e.getMessage());
        assertTrue(e.getMessage().contains("rbf"), e.getMessage());
        assertRejected(() -> Kernels.byName("deep-ntk", 0), "depth");
        assertRejected(() -> Kernels.byName("deep-nngp", -1), "depth");
        assertRejected(() -> Kernels.byName("arccos1", 3), "depth");
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Kernels.byName(null, 1));
        assertEquals("name", npe.getMessage());
    }

    @Test
    void badPointsAreRejectedWithTheArgumentNamed() {
        HomogeneousKernel k = Kernels.arcCosine(1);
        double[][] good = {{1, 2}, {3, 4}};
        assertRejected(() -> k.gram(new double[][] {{1, 2}, {Double.NaN, 0}}), "x[1][0]");
        assertRejected(() -> k.gram(new double[][] {{1, 2}, {0, Double.POSITIVE_INFINITY}}), "x[1][1]");
        assertRejected(() -> k.gram(new double[][] {{1, 2}, {1, 2, 3}}), "x[1]");
        assertRejected(() -> k.gram(new double[0][]), "x");
        assertRejected(() -> k.gram(new double[][] {{}}), "x[0]");
        assertRejected(() -> k.gram(good, 0), "threads");
        assertThrows(NullPointerException.class, () -> k.gram(null));
        assertThrows(NullPointerException.class, () -> k.gram(new double[][] {{1}, null}));
        assertRejected(() -> k.cross(good, new double[][] {{1, 2, 3}}), "y");
        assertRejected(() -> k.cross(good, new double[][] {{1, Double.NaN}}), "y[0][1]");
        assertRejected(() -> k.cross(new double[0][], good), "x");
        assertRejected(() -> k.value(new double[] {1, 2}, new double[] {1}), "y");
        assertRejected(() -> k.value(new double[] {Double.NaN}, new double[] {1}), "x[0]");
        assertRejected(() -> k.value(new double[0], new double[0]), "x");
        assertRejected(() -> ImplicitKernelMatrix.of(k, good, 0), "threads");
        assertRejected(() -> ImplicitKernelMatrix.of(k, new double[][] {{1}, {2, 3}}), "x[1]");
    }

    @Test
    void inputsAreNotModified() {
        double[][] x = GramAssemblyTest.mixedPoints(20, 3, 1);
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        Kernels.deepNtk(2).gram(x, 2);
        Kernels.arcCosine(0).cross(x, x);
        ImplicitKernelMatrix.of(Kernels.twoLayerNtk(), x, 2).multiply(new double[20], new double[20]);
        for (int i = 0; i < x.length; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(copy[i], x[i], 0.0);
        }
    }
}
