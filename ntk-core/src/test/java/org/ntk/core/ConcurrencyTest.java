package org.ntk.core;

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
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.mercer.MercerSpectra;
import org.ntk.core.mercer.MercerSpectrum;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.sampling.Gaussians;

/**
 * Kernels, matrices and Mercer spectra are safe to share between threads: one instance of each is
 * hammered by 48 tasks on 6 threads (released together by a latch), and every task's result is
 * compared bitwise with the result computed sequentially beforehand.
 */
class ConcurrencyTest {

    private static final int THREADS = 6;
    private static final int TASKS = 48;

    /** Runs the tasks on a fixed pool, all starting together, and returns their results in order. */
    private static <T> List<T> hammer(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sharedKernelsAndMatricesGiveTheSequentialResults() throws Exception {
        double[][] x = Gaussians.standardNormal(90, 5, 31);
        HomogeneousKernel[] kernels = {Kernels.arcCosine(0), Kernels.arcCosine(1), Kernels.twoLayerNtk(),
            Kernels.deepNtk(3), Kernels.deepNngp(5), Kernels.deepNtk(2)};
        KernelMatrix[] grams = new KernelMatrix[kernels.length];
        ImplicitKernelMatrix[] implicit = new ImplicitKernelMatrix[kernels.length];
        double[][] gramArrays = new double[kernels.length][];
        double[][] products = new double[kernels.length][];
        double[][] blockProducts = new double[kernels.length][];
        double[] v = Gaussians.standardNormal(1, 90, 32)[0];
        double[] block = Gaussians.standardNormal(1, 90 * 3, 33)[0];
        for (int i = 0; i < kernels.length; i++) {
            grams[i] = kernels[i].gram(x, 1);
            gramArrays[i] = grams[i].toArray();
            implicit[i] = ImplicitKernelMatrix.of(kernels[i], x, 2);
            products[i] = new double[90];
            grams[i].multiply(v, products[i]);
            blockProducts[i] = new double[90 * 3];
            grams[i].multiply(block, blockProducts[i], 3);
        }
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            int i = t % kernels.length;
            int kind = (t / kernels.length) % 4;
            tasks.add(() -> {
                switch (kind) {
                    case 0: // the shared kernel assembles a Gram matrix with its own worker threads
                        assertArrayEquals(gramArrays[i], kernels[i].gram(x, 2).toArray());
                        break;
                    case 1: { // the shared dense matrix: products and entries
                        double[] out = new double[90];
                        grams[i].multiply(v, out);
                        assertArrayEquals(products[i], out);
                        double[] outBlock = new double[90 * 3];
                        grams[i].multiply(block, outBlock, 3);
                        assertArrayEquals(blockProducts[i], outBlock);
                        break;
                    }
                    case 2: { // the shared implicit matrix: products (with inner threads) and entries
                        double[] out = new double[90];
                        implicit[i].multiply(v, out);
                        assertArrayEquals(products[i], out);
                        double[] outBlock = new double[90 * 3];
                        implicit[i].multiply(block, outBlock, 3);
                        assertArrayEquals(blockProducts[i], outBlock);
                        assertEquals(gramArrays[i][7 * 90 + 40], implicit[i].get(7, 40));
                        break;
                    }
                    default: // single values
                        for (int a = 0; a < 90; a += 7) {
                            assertEquals(gramArrays[i][a * 90 + (89 - a)], kernels[i].value(x[a], x[89 - a]));
                        }
                        break;
                }
                return true;
            });
        }
        for (boolean ok : hammer(tasks)) {
            assertTrue(ok);
        }
    }

    @Test
    void mercerSpectraAndFisherMatricesGiveTheSequentialResults() throws Exception {
        HomogeneousKernel[] kernels = {Kernels.arcCosine(1), Kernels.twoLayerNtk(), Kernels.deepNtk(3),
            Kernels.deepNngp(2)};
        int[] dims = {3, 20, 300};
        double[][] reference = new double[kernels.length * dims.length][];
        for (int i = 0; i < kernels.length; i++) {
            for (int j = 0; j < dims.length; j++) {
                reference[i * dims.length + j] = MercerSpectra.of(kernels[i], dims[j], 6).eigenvalues();
            }
        }
        ReluNetwork net = ReluNetwork.random(8, 120, WeightScale.FAN_IN, 5);
        double[] fim = FisherInformation.analytic(net, 1).toArray();
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            int c = t % (reference.length + 1);
            tasks.add(() -> {
                if (c == reference.length) {
                    assertArrayEquals(fim, FisherInformation.analytic(net, 2).toArray());
                } else {
                    MercerSpectrum s = MercerSpectra.of(kernels[c / dims.length], dims[c % dims.length], 6);
                    assertArrayEquals(reference[c], s.eigenvalues());
                }
                return true;
            });
        }
        for (boolean ok : hammer(tasks)) {
            assertTrue(ok);
        }
    }
}
