package org.ntk.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.sampling.Gaussians;

/** The matrix-free kernel matrix against the dense Gram matrix. */
class ImplicitKernelMatrixTest {

    private static final List<HomogeneousKernel> KERNELS = List.of(Kernels.arcCosine(0), Kernels.arcCosine(1),
            Kernels.twoLayerNtk(), Kernels.deepNtk(3), Kernels.deepNngp(2));

    private static double[] vector(int n, long seed) {
        return Gaussians.standardNormal(1, n, seed)[0];
    }

    @Test
    void entriesTraceAndProductsEqualTheDenseGramMatrix() {
        // Same entry arithmetic and the same column order of summation as DenseKernelMatrix.multiply,
        // hence equal bitwise; the requirement is 1e−12 relative, asserted first.
        double[][] x = GramAssemblyTest.mixedPoints(157, 11, 21);
        double[] v = vector(157, 22);
        for (HomogeneousKernel k : KERNELS) {
            DenseKernelMatrix dense = GramAssemblyTest.dense(k, x, 2);
            ImplicitKernelMatrix implicit = ImplicitKernelMatrix.of(k, x, 2);
            assertEquals(157, implicit.size());
            assertFalse(implicit.isDense());
            assertEquals(dense.trace(), implicit.trace(), 0.0, k + " trace");
            assertArrayEquals(dense.toArray(), implicit.toArray(), 0.0, k + " toArray");
            for (int i = 0; i < 157; i += 13) {
                for (int j = 0; j < 157; j += 7) {
                    assertEquals(dense.get(i, j), implicit.get(i, j), 0.0, k + " (" + i + "," + j + ")");
                }
            }
            double[] a = new double[157];
            double[] b = new double[157];
            dense.multiply(v, a);
            implicit.multiply(v, b);
            double scale = 0;
            for (double q : a) {
                scale = Math.max(scale, Math.abs(q));
            }
            assertArrayEquals(a, b, 1e-12 * scale, k + " multiply");
            assertArrayEquals(a, b, 0.0, k + " multiply bitwise");
        }
    }

    @Test
    void blockMultiplyEqualsColumnByColumnAndIsIdenticalForAnyThreadCount() {
        double[][] x = Gaussians.standardNormal(203, 9, 31);
        int k = 5;
        double[] v = vector(203 * k, 32);
        for (HomogeneousKernel kernel : KERNELS) {
            ImplicitKernelMatrix one = ImplicitKernelMatrix.of(kernel, x, 1);
            double[] block = new double[203 * k];
            one.multiply(v, block, k);
            double[] col = new double[203];
            double[] res = new double[203];
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < 203; i++) {
                    col[i] = v[i * k + c];
                }
                one.multiply(col, res);
                for (int i = 0; i < 203; i++) {
                    assertEquals(res[i], block[i * k + c], 0.0, kernel + " column " + c + " row " + i);
                }
            }
            double[] single = new double[203];
            one.multiply(col, single);
            for (int threads : new int[] {2, 3, 7}) {
                ImplicitKernelMatrix m = ImplicitKernelMatrix.of(kernel, x, threads);
                double[] other = new double[203 * k];
                m.multiply(v, other, k);
                assertArrayEquals(block, other, 0.0, kernel + " block, threads " + threads);
                double[] s = new double[203];
                m.multiply(col, s);
                assertArrayEquals(single, s, 0.0, kernel + " single, threads " + threads);
            }
            // The interface's default block multiply (column by column over the dense matrix) agrees.
            DenseKernelMatrix dense = GramAssemblyTest.dense(kernel, x, 2);
            double[] viaDense = new double[203 * k];
            dense.multiply(v, viaDense, k);
            assertArrayEquals(viaDense, block, 0.0, kernel + " block vs dense");
        }
    }

    @Test
    void holdsOneHundredThousandPointsInLinearMemory() {
        // n = 100 000, d = 64: the points take 51 MB; an n×n matrix would take 80 GB. The trace is
        // exact: Σ_i ‖x_i‖² kappa1(1) = Σ_i ‖x_i‖²/2 (closed form).
        int n = 100_000;
        double[][] x = Gaussians.standardNormal(n, 64, 41);
        ImplicitKernelMatrix m = ImplicitKernelMatrix.of(Kernels.arcCosine(1), x, 2);
        assertEquals(n, m.size());
        assertEquals(64, m.dimension());
        double expected = 0;
        for (double[] row : x) {
            expected += ReferenceKernels.dot(row, row) / 2;
        }
        assertEquals(expected, m.trace(), 1e-12 * expected);
        for (int[] ij : new int[][] {{0, 99_999}, {12_345, 67_890}, {50_000, 50_000}}) {
            assertEquals(Kernels.arcCosine(1).value(x[ij[0]], x[ij[1]]), m.get(ij[0], ij[1]), 0.0);
        }
    }

    @Test
    void rejectsBadArguments() {
        ImplicitKernelMatrix m = ImplicitKernelMatrix.of(Kernels.arcCosine(1), Gaussians.standardNormal(10, 3, 1), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.multiply(new double[9], new double[10]));
        assertTrue(e.getMessage().startsWith("v"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.multiply(new double[10], new double[11]));
        assertTrue(e.getMessage().startsWith("out"), e.getMessage());
        double[] same = new double[10];
        e = assertThrows(IllegalArgumentException.class, () -> m.multiply(same, same));
        assertTrue(e.getMessage().startsWith("out"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.multiply(new double[20], new double[20], 0));
        assertEquals("k must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.multiply(new double[20], new double[30], 2));
        assertTrue(e.getMessage().contains("v and out"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(10, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, -1));
        assertThrows(NullPointerException.class, () -> ImplicitKernelMatrix.of(null, new double[][] {{1}}, 1));
    }
}
