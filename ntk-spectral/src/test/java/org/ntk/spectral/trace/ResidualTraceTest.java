package org.ntk.spectral.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;

class ResidualTraceTest {

    private static final int N = 300;
    private static final int TOP = 10;

    /** n = 300, λ_i = 0.9^i: the columns of Q are the eigenvectors, in order of decreasing λ. */
    private static final TestMatrices.Planted PLANTED = TestMatrices.planted(TestMatrices.geometric(N, 0.9), 41);

    private static double[][] topVectors() {
        double[][] v = new double[TOP][];
        for (int c = 0; c < TOP; c++) {
            v[c] = PLANTED.eigenvectors()[c].clone();
        }
        return v;
    }

    private static double remainingEigenvalues() {
        double s = 0;
        for (int i = TOP; i < N; i++) {
            s += PLANTED.eigenvalues()[i];
        }
        return s;
    }

    private static void assertRejected(Class<? extends RuntimeException> type, String name, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(name), "message names " + name + ": " + e.getMessage());
    }

    @Test
    void topEigenvectorsLeaveTheRemainingEigenvalues() {
        // planted spectrum: residual = Σ_{i ≥ 10} λ_i, captured = Σ_{i < 10} λ_i
        ResidualTrace r = ResidualTrace.ofOrthonormal(PLANTED.matrix(), topVectors());
        double remaining = remainingEigenvalues();
        assertEquals(remaining, r.residual(), 1e-10);
        assertEquals(PLANTED.trace() - remaining, r.captured(), 1e-10);
        assertEquals(PLANTED.trace(), r.trace(), 1e-10);
        assertEquals(remaining / PLANTED.trace(), r.residualShare(), 1e-12);
        assertEquals(1.0, r.capturedShare() + r.residualShare(), 1e-15);
        assertEquals(TOP, r.dimension());
    }

    @Test
    void spanOfMixedAndRepeatedVectorsGivesTheSameSubspace() {
        // the same subspace given by non-orthonormal combinations, a repeated vector and a zero vector:
        // the Gram–Schmidt basis has dimension 10 and the residual is unchanged
        double[][] top = topVectors();
        double[][] mixed = new double[TOP + 2][N];
        for (int c = 0; c < TOP; c++) {
            for (int i = 0; i < N; i++) {
                mixed[c][i] = 3.0 * top[c][i] + (c + 1 < TOP ? 0.5 * top[c + 1][i] : 0.0) + 0.25 * top[0][i];
            }
        }
        mixed[TOP] = mixed[3].clone();
        double[][] copy = new double[mixed.length][];
        for (int c = 0; c < mixed.length; c++) {
            copy[c] = mixed[c].clone();
        }
        ResidualTrace r = ResidualTrace.ofSpan(PLANTED.matrix(), mixed, 1e-10);
        assertEquals(TOP, r.dimension());
        assertEquals(remainingEigenvalues(), r.residual(), 1e-10);
        for (int c = 0; c < mixed.length; c++) {
            assertArrayEquals(copy[c], mixed[c], "vectors not modified");
        }
    }

    @Test
    void emptySubspaceCapturesNothing() {
        ResidualTrace r = ResidualTrace.ofOrthonormal(PLANTED.matrix(), new double[0][]);
        assertEquals(0.0, r.captured());
        assertEquals(PLANTED.matrix().trace(), r.residual());
        assertEquals(1.0, r.residualShare());
    }

    @Test
    void eigenvaluesOfClusters() {
        double[] top = new double[TOP];
        System.arraycopy(PLANTED.eigenvalues(), 0, top, 0, TOP);
        ResidualTrace r = ResidualTrace.ofEigenvalues(PLANTED.matrix(), top);
        assertEquals(remainingEigenvalues(), r.residual(), 1e-10);
        assertEquals(TOP, r.dimension());
    }

    @Test
    void papersClusterValuesCapture97Point7Percent() {
        // MATH.md §2.4: with trace d/2 and clusters (2d+1)/(4π) ×1, 1/4 ×d, 1/(2π(d+2)) ×(d(d+1)/2 − 1),
        // the captured share is 1/2 + 3/(2π) = 0.9774648293 for every d (closed form)
        for (int d : new int[] {2, 5, 10, 100}) {
            ResidualTrace r = ResidualTrace.ofEigenvalues(d / 2.0,
                    new double[] {(2 * d + 1) / (4 * Math.PI), 0.25, 1 / (2 * Math.PI * (d + 2))},
                    new int[] {1, d, d * (d + 1) / 2 - 1});
            assertEquals(0.5 + 3 / (2 * Math.PI), r.capturedShare(), 1e-14, "d = " + d);
            assertEquals(0.9774648293, r.capturedShare(), 1e-10, "d = " + d);
            assertEquals(1 + d + d * (d + 1) / 2 - 1, r.dimension());
        }
    }

    @Test
    void rejections() {
        KernelMatrix k = PLANTED.matrix();
        double[][] good = topVectors();
        assertRejected(NullPointerException.class, "k", () -> ResidualTrace.ofOrthonormal(null, good));
        assertRejected(NullPointerException.class, "vectors", () -> ResidualTrace.ofOrthonormal(k, null));
        assertRejected(NullPointerException.class, "vectors[1]",
                () -> ResidualTrace.ofOrthonormal(k, new double[][] {good[0], null}));
        assertRejected(IllegalArgumentException.class, "vectors[1]",
                () -> ResidualTrace.ofOrthonormal(k, new double[][] {good[0], new double[N - 1]}));
        double[][] nan = topVectors();
        nan[2][7] = Double.NaN;
        assertRejected(IllegalArgumentException.class, "vectors[2][7]", () -> ResidualTrace.ofOrthonormal(k, nan));
        double[][] notOrthonormal = topVectors();
        notOrthonormal[4][0] += 1e-3;
        assertRejected(IllegalArgumentException.class, "vectors", () -> ResidualTrace.ofOrthonormal(k, notOrthonormal));
        assertRejected(IllegalArgumentException.class, "tolerance", () -> ResidualTrace.ofOrthonormal(k, good, -1));
        assertRejected(IllegalArgumentException.class, "tolerance", () -> ResidualTrace.ofOrthonormal(k, good, Double.NaN));
        assertRejected(IllegalArgumentException.class, "rankTolerance", () -> ResidualTrace.ofSpan(k, good, 0));
        assertRejected(IllegalArgumentException.class, "rankTolerance", () -> ResidualTrace.ofSpan(k, good, 1));
        assertRejected(NullPointerException.class, "eigenvalues", () -> ResidualTrace.ofEigenvalues(k, null));
        assertRejected(IllegalArgumentException.class, "eigenvalues[1]",
                () -> ResidualTrace.ofEigenvalues(k, new double[] {1, Double.POSITIVE_INFINITY}));
        // more eigenvalues than an n×n matrix has: a captured share above the trace, refused
        double[] tooMany = new double[k.size() + 1];
        java.util.Arrays.fill(tooMany, 0.01);
        assertRejected(IllegalArgumentException.class, "eigenvalues has length " + (k.size() + 1)
                + ", expected at most size = " + k.size(), () -> ResidualTrace.ofEigenvalues(k, tooMany));
        assertRejected(IllegalArgumentException.class, "multiplicities",
                () -> ResidualTrace.ofEigenvalues(1.0, new double[] {1, 2}, new int[] {1}));
        assertRejected(IllegalArgumentException.class, "multiplicities[0]",
                () -> ResidualTrace.ofEigenvalues(1.0, new double[] {1}, new int[] {-1}));
        assertRejected(IllegalArgumentException.class, "trace",
                () -> ResidualTrace.ofEigenvalues(0.0, new double[] {1}, new int[] {1}));
        assertRejected(IllegalArgumentException.class, "trace",
                () -> ResidualTrace.ofOrthonormal(DenseKernelMatrix.of(new double[3][3]), new double[0][]));
    }
}
