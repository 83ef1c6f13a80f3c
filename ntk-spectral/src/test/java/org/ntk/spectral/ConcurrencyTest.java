package org.ntk.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.eigen.CommonsMathEigenSolver;
import org.ntk.spectral.eigen.EigenSolver;
import org.ntk.spectral.eigen.nd4j.LapackEigenSolver;
import org.ntk.spectral.trace.TraceEstimate;
import org.ntk.spectral.trace.XTraceEstimator;

/**
 * Solvers and matrices are safe to share between threads: one LAPACK solver, one pure-Java solver,
 * one trace estimator and the shared matrices are hammered by 36 tasks on 6 threads (released
 * together by a latch; concurrent native LAPACK calls included), and each result is compared bitwise
 * with the one computed sequentially beforehand.
 */
class ConcurrencyTest {

    private static void assertSame(Decomposition a, Decomposition b) {
        assertArrayEquals(a.eigenvalues(), b.eigenvalues());
        assertArrayEquals(a.residuals(), b.residuals());
        for (int i = 0; i < a.count(); i++) {
            assertArrayEquals(a.eigenvector(i), b.eigenvector(i));
        }
    }

    @Test
    void sharedSolversAndMatricesGiveTheSequentialResults() throws Exception {
        KernelMatrix dense = Kernels.deepNtk(2).gram(Gaussians.standardNormal(160, 6, 1), 1);
        KernelMatrix implicit = ImplicitKernelMatrix.of(Kernels.arcCosine(1), Gaussians.standardNormal(200, 4, 2), 2);
        KernelMatrix planted = TestMatrices.planted(new double[] {5, 5, 5, 2, 1, 0.5, 0.25, 0.1, 0.05, 0.01}, 3);
        EigenSolver lapack = new LapackEigenSolver();
        EigenSolver java = new CommonsMathEigenSolver();
        XTraceEstimator xtrace = new XTraceEstimator();
        Decomposition denseAll = lapack.decompose(dense);
        double[] denseValues = lapack.eigenvalues(dense);
        Decomposition implicitTop = Spectra.top(implicit, 6);
        Decomposition plantedJava = java.decompose(planted);
        Decomposition plantedTop = Spectra.top(planted, 4, LanczosOptions.defaults().withBlockSize(1));
        TraceEstimate trace = xtrace.estimate(implicit, 30, 4);

        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < 36; t++) {
            int kind = t % 6;
            tasks.add(() -> {
                switch (kind) {
                    case 0:
                        assertSame(denseAll, lapack.decompose(dense));
                        break;
                    case 1:
                        assertArrayEquals(denseValues, Spectra.eigenvalues(dense));
                        break;
                    case 2:
                        assertSame(implicitTop, Spectra.top(implicit, 6));
                        break;
                    case 3:
                        assertSame(plantedJava, java.decompose(planted));
                        break;
                    case 4:
                        assertSame(plantedTop, Spectra.top(planted, 4, LanczosOptions.defaults().withBlockSize(1)));
                        break;
                    default:
                        assertEquals(trace, xtrace.estimate(implicit, 30, 4));
                        break;
                }
                return true;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Boolean> f : futures) {
                assertTrue(f.get(300, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
