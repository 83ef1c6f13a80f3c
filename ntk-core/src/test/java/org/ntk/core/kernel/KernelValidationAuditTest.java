package org.ntk.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.progress.ProgressListener;

/**
 * A sweep of the public entry points of {@code org.ntk.core.kernel} with NaN, ∞, empty, ragged,
 * mismatched, null and non-positive arguments: each is refused with the documented exception type
 * and a message that names the argument ({@code <argument> <rule>, got <value>}, STYLE.md "Errors").
 */
class KernelValidationAuditTest {

    static void rejects(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, argument);
        assertTrue(e.getMessage().contains(argument), "message should name " + argument + ": " + e.getMessage());
    }

    static void rejectsNull(String argument, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call, argument);
        assertEquals(argument, e.getMessage());
    }

    private static final double[][] X = {{1, 2, 3}, {0.5, -1, 2}, {-1, 0, 1}};

    private static double[][] with(double value, int i, int j) {
        double[][] x = new double[X.length][];
        for (int r = 0; r < X.length; r++) {
            x[r] = X[r].clone();
        }
        x[i][j] = value;
        return x;
    }

    @Test
    void everyKernelRejectsBadPointsInValueGramAndCross() {
        List<HomogeneousKernel> kernels = List.of(Kernels.arcCosine(0), Kernels.arcCosine(1), Kernels.twoLayerNtk(),
                Kernels.deepNtk(2), Kernels.deepNngp(2));
        for (HomogeneousKernel k : kernels) {
            // value
            rejectsNull("x", () -> k.value(null, X[0]));
            rejectsNull("y", () -> k.value(X[0], null));
            rejects("x must not be empty", () -> k.value(new double[0], new double[0]));
            rejects("x[1] must be finite, got NaN", () -> k.value(new double[] {1, Double.NaN, 0}, X[0]));
            rejects("y[2] must be finite, got Infinity", () -> k.value(X[0], new double[] {1, 0, Double.POSITIVE_INFINITY}));
            rejects("y has length 2, expected 3", () -> k.value(X[0], new double[] {1, 2}));
            // gram
            rejectsNull("x", () -> k.gram(null));
            rejects("x must have at least one row", () -> k.gram(new double[0][]));
            rejectsNull("x[1]", () -> k.gram(new double[][] {{1, 2}, null}));
            rejects("x[0] must have at least one column", () -> k.gram(new double[][] {{}}));
            rejects("x[1] has dimension 2, expected 3", () -> k.gram(new double[][] {{1, 2, 3}, {1, 2}}));
            rejects("x[1][0] must be finite, got NaN", () -> k.gram(with(Double.NaN, 1, 0)));
            rejects("x[2][2] must be finite, got -Infinity", () -> k.gram(with(Double.NEGATIVE_INFINITY, 2, 2)));
            rejects("threads must be >= 1, got 0", () -> k.gram(X, 0));
            rejects("threads must be >= 1, got -2", () -> k.gram(X, -2));
            rejectsNull("options", () -> k.gram(X, (GramOptions) null));
            // cross
            rejects("y has dimension 2, expected 3", () -> k.cross(X, new double[][] {{1, 2}}));
            rejects("y[0][1] must be finite, got NaN", () -> k.cross(X, new double[][] {{1, Double.NaN, 2}}));
            rejects("x must have at least one row", () -> k.cross(new double[0][], X));
            rejectsNull("options", () -> k.cross(X, X, null));
            // the implicit matrix
            rejectsNull("kernel", () -> ImplicitKernelMatrix.of(null, X));
            rejects("threads must be >= 1, got 0", () -> ImplicitKernelMatrix.of(k, X, 0));
            rejects("x[0][0] must be finite, got NaN", () -> ImplicitKernelMatrix.of(k, with(Double.NaN, 0, 0)));
            rejects("x[1] has dimension 1", () -> ImplicitKernelMatrix.of(k, new double[][] {{1, 2}, {1}}));
            // the profile: NaN is refused, never returned; out-of-range cosines are clamped
            rejects("t must be a number, got NaN", () -> k.profile(Double.NaN));
            assertEquals(k.profile(1), k.profile(1.5), 0, k.name());
            assertEquals(k.profile(-1), k.profile(Double.NEGATIVE_INFINITY), 0, k.name());
        }
    }

    @Test
    void factoriesRejectBadOrdersDepthsAndNamesListingTheValidOnes() {
        rejects("order must be 0 or 1, got 2", () -> Kernels.arcCosine(2));
        rejects("hiddenLayers must be >= 1, got 0", () -> Kernels.deepNtk(0));
        rejects("hiddenLayers must be >= 1, got -1", () -> Kernels.deepNngp(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.byName("ntk3", 1));
        assertEquals("name must be one of arccos0, arccos1, ntk2, deep-ntk, deep-nngp, got 'ntk3'", e.getMessage());
        rejects("depth must be >= 1, got 0", () -> Kernels.byName("deep-ntk", 0));
        rejects("depth must be 1 for arccos0", () -> Kernels.byName("arccos0", 2));
        rejectsNull("name", () -> Kernels.byName(null, 1));
        rejects("threads must be >= 1, got 0", () -> new GramOptions(0, ProgressListener.NONE,
                InnerProductBackends.pureJava()));
        rejectsNull("listener", () -> GramOptions.defaults().withListener(null));
        rejectsNull("backend", () -> GramOptions.defaults().withBackend(null));
    }

    @Test
    void denseMatricesRejectNonSquareNonSymmetricAndNonFiniteInputNamingTheTolerance() {
        rejectsNull("matrix", () -> DenseKernelMatrix.of(null));
        rejects("matrix must have at least one row", () -> DenseKernelMatrix.of(new double[0][]));
        rejects("matrix must be square, got 2×3", () -> DenseKernelMatrix.of(new double[][] {{1, 2, 3}, {2, 1, 0}}));
        rejects("matrix[1][0] must be finite, got NaN", () -> DenseKernelMatrix.of(new double[][] {{1, 2}, {Double.NaN, 1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseKernelMatrix.of(new double[][] {{1, 2}, {2.5, 1}}, 1e-3));
        assertEquals("matrix must be symmetric within 0.001·max|a_ij| = 0.0025, got |a[1][0] − a[0][1]| = 0.5",
                e.getMessage());
        rejects("tol must be finite and >= 0, got -1.0", () -> DenseKernelMatrix.of(new double[][] {{1}}, -1));
        rejects("tol must be finite and >= 0, got NaN", () -> DenseKernelMatrix.of(new double[][] {{1}}, Double.NaN));
        rejects("n must be >= 1, got 0", () -> DenseKernelMatrix.wrapSymmetric(0, new double[0]));
        rejects("rowMajor has length 3, expected 4", () -> DenseKernelMatrix.wrapSymmetric(2, new double[3]));
        rejectsNull("rowMajor", () -> DenseKernelMatrix.wrapSymmetric(2, null));

        DenseKernelMatrix k = DenseKernelMatrix.of(new double[][] {{2, 1}, {1, 2}});
        KernelMatrix implicit = ImplicitKernelMatrix.of(Kernels.arcCosine(1), X, 1);
        for (KernelMatrix m : List.of(k, implicit)) {
            int n = m.size();
            rejects("v has length 1, expected " + n, () -> m.multiply(new double[1], new double[n]));
            rejects("out has length 5, expected " + n, () -> m.multiply(new double[n], new double[5]));
            double[] same = new double[n];
            rejects("out must not alias v", () -> m.multiply(same, same));
            rejectsNull("v", () -> m.multiply(null, new double[n]));
            rejects("k must be >= 1, got 0", () -> m.multiply(new double[n], new double[n], 0));
            rejects("v and out must have length n·k = " + 2 * n, () -> m.multiply(new double[n], new double[2 * n], 2));
            rejectsNull("v", () -> m.multiply(null, new double[2 * n], 2));
            rejectsNull("out", () -> m.multiply(new double[2 * n], null, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> m.get(n, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, -1));
        }
    }

    @Test
    void theInnerProductBackendRejectsBadShapes() {
        InnerProductBackend java = InnerProductBackends.pureJava();
        rejectsNull("x", () -> java.gramUpper(null, 1, 1, new double[1], 1));
        rejects("n must be >= 1, got 0", () -> java.gramUpper(new double[1], 0, 1, new double[1], 1));
        rejects("d must be >= 1, got 0", () -> java.gramUpper(new double[1], 1, 0, new double[1], 1));
        rejects("x has length 3, expected at least n·d = 4", () -> java.gramUpper(new double[3], 2, 2, new double[4], 1));
        rejects("out has length 3, expected at least n² = 4", () -> java.gramUpper(new double[4], 2, 2, new double[3], 1));
        rejects("threads must be >= 1, got 0", () -> java.gramUpper(new double[4], 2, 2, new double[4], 0));
        rejects("y has length 1, expected at least ny·d = 2", () -> java.cross(new double[2], 1, new double[1], 1, 2,
                new double[1], 1));
    }
}
