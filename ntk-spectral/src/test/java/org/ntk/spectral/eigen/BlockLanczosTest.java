package org.ntk.spectral.eigen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.ConvergenceException;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.LanczosOptions;
import org.ntk.spectral.Spectra;
import org.ntk.spectral.TestMatrices;

/**
 * Tests of the matrix-free top-k solver. References: planted spectra (exact eigenvalues known) and the
 * dense decomposition of the same matrix by the pure-Java {@link CommonsMathEigenSolver} (an
 * independent algorithm).
 */
class BlockLanczosTest {

    private static final double TOL = LanczosOptions.DEFAULT_TOLERANCE;

    /** Spectrum 10·0.97^i: smoothly decaying, like a kernel's, relative gaps of 3 %. */
    private static double[] geometric(int n) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = 10 * Math.pow(0.97, i);
        }
        return l;
    }

    @Test
    void topPairsOfAPlantedSpectrumMatchTheDenseDecomposition() {
        int n = 300;
        int count = 10;
        DenseKernelMatrix k = TestMatrices.planted(geometric(n), 31);
        Decomposition dense = new CommonsMathEigenSolver().decompose(k);
        Decomposition top = Spectra.top(k, count);
        assertEquals(n, top.size());
        assertEquals(count, top.count());
        double lmax = dense.eigenvalue(0);
        for (int i = 0; i < count; i++) {
            assertEquals(dense.eigenvalue(i), top.eigenvalue(i), TOL * lmax, "eigenvalue " + i);
            // gap ≥ 0.03·λ_i ≥ 0.2, residual ≤ 1e-9, so the angle is ≤ 5e-9 and 1 − |cos| ≤ 1.3e-17
            double c = TestMatrices.dot(dense.eigenvector(i), top.eigenvector(i));
            assertEquals(1.0, c, 1e-12, "cos between dense and Lanczos vector " + i + " (same canonical sign)");
            double independent = TestMatrices.residual(k, top.eigenvalue(i), top.eigenvector(i));
            assertTrue(independent <= TOL * lmax, "true residual " + independent);
            assertEquals(independent, top.residuals()[i], 1e-13 * lmax);
            assertTrue(TestMatrices.canonicalSign(top.eigenvector(i)));
        }
        assertTrue(TestMatrices.orthogonalityError(top) <= 1e-12);
    }

    @Test
    void aWellSeparatedTopEigenvalueStopsLongBeforeTheBasisIsFull() {
        // K = diag(a) + 100·u uᵀ with a in [0.5, 1], ‖u‖ = 1, n = 20 000, applied matrix-free: one
        // eigenvalue near 100.5, the rest in [0.5, 1]. Gap ratio γ = (λ_0 − λ_1)/(λ_1 − λ_min) ≥ 199.
        // Kaniel–Paige: tan∠(v_0, K_k) ≤ tan∠(v_0, start)/T_{k−1}(1 + 2γ), T_{k−1}(399) ≥ 399^{k−1}, and
        // the start vector's tangent is about √n ≈ 141, so the residual is below 1e-10·λ_0 after k = 6
        // products. With count 1 the basis holds 32 columns: checking convergence only when it is
        // full took 32 block products plus one to verify. Allowed here: 6 + 1 for the true-residual
        // check + 3 of slack for the bound's constants. Reference eigenvalue: the secular equation
        // 1 = 100·Σ u_i²/(λ − a_i), solved by bisection (an independent computation).
        int n = 20_000;
        double[] a = new double[n];
        double[] u = new double[n];
        Gaussians g = new Gaussians(5);
        double norm = 0;
        for (int i = 0; i < n; i++) {
            a[i] = 1.0 - 0.5 * i / n;
            u[i] = g.next();
            norm += u[i] * u[i];
        }
        for (int i = 0; i < n; i++) {
            u[i] /= Math.sqrt(norm);
        }
        AtomicLong products = new AtomicLong();
        KernelMatrix op = new KernelMatrix() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public double get(int i, int j) {
                return (i == j ? a[i] : 0) + 100 * u[i] * u[j];
            }

            @Override
            public double trace() {
                double t = 0;
                for (int i = 0; i < n; i++) {
                    t += a[i] + 100 * u[i] * u[i];
                }
                return t;
            }

            @Override
            public void multiply(double[] v, double[] out) {
                products.incrementAndGet();
                double s = 100 * TestMatrices.dot(u, v);
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] * v[i] + u[i] * s;
                }
            }
        };
        Decomposition top = Spectra.top(op, 1);
        double lo = 100;
        double hi = 102;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double f = 0;
            for (int i = 0; i < n; i++) {
                f += u[i] * u[i] / (mid - a[i]);
            }
            if (100 * f > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(0.5 * (lo + hi), top.eigenvalue(0), TOL * 101);
        assertTrue(top.residuals()[0] <= TOL * 101, "residual " + top.residuals()[0]);
        assertTrue(products.get() <= 10, "block products: " + products.get());
    }

    @Test
    void tenfoldRepeatedTopEigenvalueComesOutWhole() {
        int n = 200;
        int d = 10;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < d ? 5.0 : 3.0 * Math.pow(0.98, i - d);
        }
        double[][] q = TestMatrices.orthogonal(n, 41);
        KernelMatrix k = TestMatrices.planted(q, lambda);
        double[][] planted = new double[d][];
        for (int i = 0; i < d; i++) {
            planted[i] = TestMatrices.column(q, i);
        }
        // count = d (automatic block size d) and count > d with an explicit block size equal to d
        for (LanczosOptions options : new LanczosOptions[] {LanczosOptions.defaults(),
            LanczosOptions.defaults().withBlockSize(d)}) {
            int count = options.blockSize() == 0 ? d : d + 5;
            Decomposition top = Spectra.top(k, count, options);
            double[][] found = new double[d][];
            for (int i = 0; i < d; i++) {
                assertEquals(5.0, top.eigenvalue(i), TOL * 5, "eigenvalue " + i);
                found[i] = top.eigenvector(i);
            }
            // gap 2 and residual ≤ 5e-10: each vector within 2.5e-10 rad of the eigenspace, so the gap
            // is ≤ 10·(2.5e-10)² plus the rounding of the 100 products (about 1e-14)
            assertTrue(TestMatrices.subspaceGap(planted, found) <= 1e-12,
                    "subspace gap " + TestMatrices.subspaceGap(planted, found));
            for (int i = d; i < count; i++) {
                assertEquals(lambda[i], top.eigenvalue(i), TOL * 5, "eigenvalue " + i);
            }
        }
    }

    @Test
    void worksOnAMatrixFreeOperatorWithoutReadingEntries() {
        // K = diag(a) + u uᵀ, applied in O(n); only multiply/size/trace are implemented for real.
        int n = 400;
        double[] a = new double[n];
        double[] u = new double[n];
        Gaussians g = new Gaussians(77);
        for (int i = 0; i < n; i++) {
            a[i] = 1.0 + i * (3.0 / n);
            u[i] = g.next() * 0.2;
        }
        AtomicLong entryReads = new AtomicLong();
        KernelMatrix op = new KernelMatrix() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public double get(int i, int j) {
                entryReads.incrementAndGet();
                return (i == j ? a[i] : 0) + u[i] * u[j];
            }

            @Override
            public double trace() {
                double t = 0;
                for (int i = 0; i < n; i++) {
                    t += a[i] + u[i] * u[i];
                }
                return t;
            }

            @Override
            public void multiply(double[] v, double[] out) {
                double s = TestMatrices.dot(u, v);
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] * v[i] + u[i] * s;
                }
            }
        };
        Decomposition top = Spectra.top(op, 6);
        assertEquals(0, entryReads.get(), "the solver must not read entries");
        double[][] dense = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dense[i][j] = (i == j ? a[i] : 0) + u[i] * u[j];
            }
        }
        Decomposition ref = new CommonsMathEigenSolver().decompose(DenseKernelMatrix.of(dense));
        double lmax = ref.eigenvalue(0);
        for (int i = 0; i < 6; i++) {
            assertEquals(ref.eigenvalue(i), top.eigenvalue(i), TOL * lmax, "eigenvalue " + i);
            assertTrue(top.residuals()[i] <= TOL * lmax);
        }
    }

    @Test
    void nonConvergenceThrowsWithIterationsAndResidual() {
        KernelMatrix k = TestMatrices.planted(geometric(300), 51);
        LanczosOptions one = LanczosOptions.defaults().withMaxIterations(1);
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> Spectra.top(k, 5, one));
        assertEquals(1, e.iterations());
        assertTrue(e.residual() > TOL && Double.isFinite(e.residual()), "residual " + e.residual());
        assertTrue(e.getMessage().contains("maxIterations"), e.getMessage());
        // the message carries the same details as the accessors: steps done, worst residual, tolerance
        assertTrue(e.getMessage().contains("in 1 block steps"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(e.residual())), e.getMessage());
        assertTrue(e.getMessage().contains("tolerance " + LanczosOptions.DEFAULT_TOLERANCE), e.getMessage());
        assertTrue(e instanceof ArithmeticException);
    }

    @Test
    void progressListenerIsCalledAfterEveryBlockStep() {
        List<long[]> calls = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        LanczosOptions options = LanczosOptions.defaults().withListener((task, done, total) -> {
            tasks.add(task);
            calls.add(new long[] {done, total});
        });
        Spectra.top(TestMatrices.planted(geometric(120), 61), 4, options);
        assertTrue(!calls.isEmpty());
        for (int i = 0; i < calls.size(); i++) {
            assertEquals("lanczos", tasks.get(i));
            assertEquals(i + 1, calls.get(i)[0]);
            assertEquals(LanczosOptions.DEFAULT_MAX_ITERATIONS, calls.get(i)[1]);
        }
    }

    @Test
    void smallMatricesRankDeficiencyAndCountEqualToSize() {
        // 1×1
        Decomposition one = Spectra.top(DenseKernelMatrix.of(new double[][] {{3.5}}), 1);
        assertArrayEquals(new double[] {3.5}, one.eigenvalues(), 0.0);
        assertArrayEquals(new double[] {1.0}, one.eigenvector(0), 0.0);
        // count = n: the Krylov space fills R^n and every pair is returned
        double[] lambda = {4, 3, 2, 1, 0.5};
        Decomposition all = Spectra.top(TestMatrices.planted(lambda, 3), 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(lambda[i], all.eigenvalue(i), TOL * 4);
        }
        // rank 2 in R^30: the Krylov space becomes invariant after one step and fresh directions are needed
        double[] rank2 = new double[30];
        rank2[0] = 2;
        rank2[1] = 1;
        KernelMatrix k = TestMatrices.planted(rank2, 4);
        Decomposition top = Spectra.top(k, 4, LanczosOptions.defaults().withBlockSize(1));
        assertEquals(2, top.eigenvalue(0), TOL * 2);
        assertEquals(1, top.eigenvalue(1), TOL * 2);
        assertEquals(0, top.eigenvalue(2), TOL * 2);
        assertEquals(0, top.eigenvalue(3), TOL * 2);
        assertTrue(TestMatrices.orthogonalityError(top) <= 1e-12);
        // the zero matrix
        Decomposition zero = Spectra.top(DenseKernelMatrix.of(new double[6][6]), 3);
        assertArrayEquals(new double[3], zero.eigenvalues(), 0.0);
        assertTrue(TestMatrices.orthogonalityError(zero) <= 1e-12);
    }

    @Test
    void resultIsReproducibleForASeedAndIndependentOfItToTolerance() {
        KernelMatrix k = TestMatrices.planted(geometric(150), 71);
        Decomposition a = Spectra.top(k, 5, LanczosOptions.defaults().withSeed(9));
        Decomposition b = Spectra.top(k, 5, LanczosOptions.defaults().withSeed(9));
        Decomposition c = Spectra.top(k, 5, LanczosOptions.defaults().withSeed(10).withBlockSize(2));
        assertArrayEquals(a.eigenvalues(), b.eigenvalues(), 0.0);
        assertArrayEquals(a.eigenvector(4), b.eigenvector(4), 0.0);
        assertArrayEquals(a.eigenvalues(), c.eigenvalues(), TOL * 10);
    }

    @Test
    void rejectsBadArguments() {
        KernelMatrix k = TestMatrices.planted(geometric(10), 1);
        IllegalArgumentException e0 = assertThrows(IllegalArgumentException.class, () -> Spectra.top(k, 0));
        assertTrue(e0.getMessage().startsWith("count"), e0.getMessage());
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> Spectra.top(k, 11));
        assertTrue(e1.getMessage().startsWith("count must be <= size"), e1.getMessage());
        NullPointerException n0 = assertThrows(NullPointerException.class, () -> Spectra.top(null, 1));
        assertEquals("k", n0.getMessage());
        NullPointerException n1 = assertThrows(NullPointerException.class, () -> Spectra.top(k, 1, null));
        assertEquals("options", n1.getMessage());
        LanczosOptions d = LanczosOptions.defaults();
        for (double bad : new double[] {0, -1e-10, 1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withTolerance(bad));
            assertTrue(e.getMessage().startsWith("tolerance"), e.getMessage());
        }
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> d.withMaxIterations(0));
        assertTrue(e2.getMessage().startsWith("maxIterations"), e2.getMessage());
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class, () -> d.withBlockSize(-1));
        assertTrue(e3.getMessage().startsWith("blockSize"), e3.getMessage());
        NullPointerException n2 = assertThrows(NullPointerException.class, () -> d.withListener(null));
        assertEquals("listener", n2.getMessage());
    }
}
