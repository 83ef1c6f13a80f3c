package org.ntk.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.bounds.DeepNtkRecursion;
import org.ntk.spectral.bounds.FiniteWidthComparison;
import org.ntk.spectral.bounds.SmallestEigenvalueBounds;
import org.ntk.spectral.density.DiscreteSpectralMeasure;
import org.ntk.spectral.density.MarchenkoPastur;
import org.ntk.spectral.density.ProbeDistribution;
import org.ntk.spectral.density.SilversteinEquation;
import org.ntk.spectral.density.StochasticLanczosQuadrature;
import org.ntk.spectral.eigen.CommonsMathEigenSolver;
import org.ntk.spectral.eigen.FeatureDuality;
import org.ntk.spectral.trace.HutchPlusPlusEstimator;
import org.ntk.spectral.trace.HutchinsonEstimator;
import org.ntk.spectral.trace.ResidualTrace;
import org.ntk.spectral.trace.TraceEstimator;
import org.ntk.spectral.trace.XTraceEstimator;

/**
 * A sweep of the public entry points of {@code org.ntk.spectral} and its packages with bad arguments:
 * null, NaN, ∞, non-symmetric, mismatched, non-positive, counts larger than the matrix, and requests
 * too large for the heap. Each is refused with the documented exception type and a message that
 * names the argument; the memory guard's message says how much is needed and how to avoid it, and
 * is given before anything large is allocated.
 */
class SpectralValidationAuditTest {

    private static void rejects(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, argument);
        assertTrue(e.getMessage().contains(argument), "message should name " + argument + ": " + e.getMessage());
    }

    private static void rejectsNull(String argument, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call, argument);
        assertEquals(argument, e.getMessage());
    }

    private static final DenseKernelMatrix K = TestMatrices.planted(new double[] {4, 3, 2, 1, 0.5}, 3);

    /** A 3×3 matrix with the given entries, read only through get (a user's KernelMatrix). */
    private static KernelMatrix entries(double[][] a) {
        return new KernelMatrix() {
            @Override
            public int size() {
                return a.length;
            }

            @Override
            public double get(int i, int j) {
                return a[i][j];
            }

            @Override
            public double trace() {
                return a[0][0] + a[1][1] + a[2][2];
            }

            @Override
            public void multiply(double[] v, double[] out) {
                for (int i = 0; i < a.length; i++) {
                    double s = 0;
                    for (int j = 0; j < a.length; j++) {
                        s += a[i][j] * v[j];
                    }
                    out[i] = s;
                }
            }
        };
    }

    @Test
    void eigensolvers() {
        rejectsNull("k", () -> Spectra.decompose(null));
        rejectsNull("k", () -> Spectra.eigenvalues(null));
        rejectsNull("k", () -> Spectra.top(null, 1));
        rejectsNull("k", () -> new CommonsMathEigenSolver().decompose(null));
        rejects("k[1][2] must be finite, got NaN",
                () -> Spectra.decompose(entries(new double[][] {{1, 0, 0}, {0, 1, Double.NaN}, {0, Double.NaN, 1}})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spectra.eigenvalues(entries(new double[][] {{2, 1, 0}, {1.5, 2, 0}, {0, 0, 1}})));
        assertEquals("k must be symmetric within 1.0E-10·max|k_ij| = 2.0E-10, got |k[1][0] − k[0][1]| = 0.5",
                e.getMessage());
        rejects("count must be >= 1, got 0", () -> Spectra.top(K, 0));
        rejects("count must be <= size = 5, got 6", () -> Spectra.top(K, 6));
        rejectsNull("options", () -> Spectra.top(K, 2, null));
        rejects("tolerance must be in (0, 1), got 0.0", () -> LanczosOptions.defaults().withTolerance(0));
        rejects("tolerance must be in (0, 1), got NaN", () -> LanczosOptions.defaults().withTolerance(Double.NaN));
        rejects("maxIterations must be >= 1, got 0", () -> LanczosOptions.defaults().withMaxIterations(0));
        rejects("blockSize must be >= 0", () -> LanczosOptions.defaults().withBlockSize(-1));
        rejectsNull("listener", () -> LanczosOptions.defaults().withListener(null));
        rejects("size must be >= 1, got 0", () -> Decomposition.of(0, new double[0], new double[0], new double[0]));
        rejects("eigenvalues[1] must be finite, got NaN",
                () -> Decomposition.of(2, new double[] {1, Double.NaN}, new double[] {1, 0, 0, 1}, new double[2]));
        rejects("eigenvalues must be non-increasing",
                () -> Decomposition.of(2, new double[] {1, 2}, new double[] {1, 0, 0, 1}, new double[2]));
        rejects("vectors has length 3, expected count·size = 4",
                () -> Decomposition.of(2, new double[] {2, 1}, new double[3], new double[2]));
        rejects("relativeThreshold must be in [0, 1), got 1.0",
                () -> FeatureDuality.decompose(new double[][] {{1, 2}}, 1.0));
        rejects("features[0][1] must be finite, got Infinity",
                () -> FeatureDuality.decompose(new double[][] {{1, Double.POSITIVE_INFINITY}}, 0.1));
        rejectsNull("solver", () -> FeatureDuality.decompose(new double[][] {{1, 2}}, 0.1, null));
    }

    @Test
    void traceEstimatorsAndResidualTrace() {
        for (TraceEstimator t : new TraceEstimator[] {new HutchinsonEstimator(), new HutchPlusPlusEstimator(),
            new XTraceEstimator()}) {
            rejectsNull("k", () -> t.estimate(null, 10, 1));
            rejects("budget must be >= " + t.minimumBudget() + ", got 1", () -> t.estimate(K, 1, 1));
            rejects("budget must be >= " + t.minimumBudget() + ", got -5", () -> t.estimate(K, -5, 1));
        }
        rejectsNull("vectors", () -> ResidualTrace.ofOrthonormal(K, null));
        rejects("vectors[0] has length 2, expected 5", () -> ResidualTrace.ofOrthonormal(K, new double[][] {{1, 0}}));
        rejects("vectors must be orthonormal within", () -> ResidualTrace.ofOrthonormal(K,
                new double[][] {{1, 0, 0, 0, 0}, {1, 0, 0, 0, 0}}));
        rejects("vectors[0][0] must be finite, got NaN",
                () -> ResidualTrace.ofSpan(K, new double[][] {{Double.NaN, 0, 0, 0, 0}}, 1e-8));
        rejects("rankTolerance must be in (0, 1), got 0.0", () -> ResidualTrace.ofSpan(K, new double[0][], 0));
        rejects("trace must be finite and > 0, got 0.0",
                () -> ResidualTrace.ofEigenvalues(0.0, new double[] {1}, new int[] {1}));
        rejects("multiplicities has length 2, expected 1",
                () -> ResidualTrace.ofEigenvalues(1.0, new double[] {1}, new int[] {1, 2}));
    }

    @Test
    void densitiesAndBounds() {
        rejectsNull("k", () -> StochasticLanczosQuadrature.estimate(null, 2, 3, ProbeDistribution.RADEMACHER, 1));
        rejects("probes must be >= 1, got 0",
                () -> StochasticLanczosQuadrature.estimate(K, 0, 3, ProbeDistribution.RADEMACHER, 1));
        rejects("steps must be >= 1, got 0",
                () -> StochasticLanczosQuadrature.estimate(K, 2, 0, ProbeDistribution.RADEMACHER, 1));
        rejectsNull("distribution", () -> StochasticLanczosQuadrature.estimate(K, 2, 3, null, 1));
        rejects("threads must be >= 1, got 0", () -> StochasticLanczosQuadrature.estimate(K, 2, 3,
                ProbeDistribution.RADEMACHER, 1, 0, ProgressListener.NONE));
        rejects("ratio must be finite and > 0, got NaN", () -> MarchenkoPastur.of(Double.NaN));
        rejects("variance must be finite and > 0, got -1.0", () -> MarchenkoPastur.of(1, -1));
        rejects("weights[0] must be >= 0, got -1.0",
                () -> new DiscreteSpectralMeasure(new double[] {1}, new double[] {-1}));
        rejects("nodes must not be empty", () -> new DiscreteSpectralMeasure(new double[0], new double[0]));
        rejects("gamma1 must be finite and > 0, got 0.0",
                () -> new SilversteinEquation(DiscreteSpectralMeasure.ofEigenvalues(new double[] {1}), 0));
        double[][] x = Gaussians.standardNormal(6, 3, 4);
        rejects("layers must be >= 1, got 0", () -> DeepNtkRecursion.of(x, 0));
        rejects("x[1] has dimension 2, expected 3", () -> DeepNtkRecursion.of(new double[][] {{1, 2, 3}, {1, 2}}, 2));
        rejects("layers must be >= 2, got 1", () -> SmallestEigenvalueBounds.of(x, 1, 2));
        rejects("evenOrders[0] must be even and >= 2, got 3", () -> SmallestEigenvalueBounds.of(x, 2, 3));
        double[][] withZero = {{1, 2, 3}, {0, 0, 0}};
        rejects("x[1] must be a non-zero vector", () -> SmallestEigenvalueBounds.of(withZero, 2));
        rejects("empirical has size 5, expected 6", () -> FiniteWidthComparison.of(K, x, 2));
    }

    private static final Pattern NEEDS = Pattern.compile("needs (\\d+) MiB but only (\\d+) MiB of heap is available");

    /**
     * Requests that cannot fit in the 4 GiB surefire heap: the dense solvers on a matrix-free operator
     * of size 50 000 (beyond a Java array), the recursion of 2^30 layers (the copies no longer wrap
     * around an int), and a Lanczos basis of 200 000 × 3164 doubles (4.8 GiB).
     */
    @Test
    void requestsTooLargeForTheHeapAreRefusedWithTheNeedAndARemedy() {
        KernelMatrix big = ImplicitKernelMatrix.of(Kernels.arcCosine(1), Gaussians.standardNormal(50_000, 2, 1), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spectra.decompose(big));
        assertTrue(e.getMessage().startsWith("k of size 50000×50000"), e.getMessage());
        assertTrue(e.getMessage().contains("Spectra.top / --top K"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DeepNtkRecursion.of(Gaussians.standardNormal(2000, 2, 1), 1 << 30));
        Matcher m = NEEDS.matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        // 2000² doubles · 8 bytes · 3·2^30 copies / 2^20 bytes per MiB = 98 304 000 000 MiB
        assertEquals(98_304_000_000L, Long.parseLong(m.group(1)), e.getMessage());
        KernelMatrix tall = ImplicitKernelMatrix.of(Kernels.arcCosine(1), Gaussians.standardNormal(200_000, 2, 2), 1);
        e = assertThrows(IllegalArgumentException.class, () -> Spectra.top(tall, 1500));
        assertTrue(e.getMessage().startsWith("count = 1500 with block size 64 (a Lanczos basis of 200000×3164"),
                e.getMessage());
        assertTrue(NEEDS.matcher(e.getMessage()).find() && e.getMessage().contains("ask for fewer pairs"),
                e.getMessage());
    }
}
