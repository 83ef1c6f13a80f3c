import java.util.Arrays;
import java.util.Locale;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.LanczosOptions;
import org.ntk.spectral.Spectra;

/**
 * One-off measurements for docs/performance.md that are not JMH benchmarks (a script, run with the
 * shaded jar on the class path; never part of the build or the tests):
 *
 * <pre>
 *   java -cp ntk-bench/target/ntk.jar ntk-bench/scripts/Probes.java roofline
 *       DGEMM GFLOP/s of the OpenBLAS that ND4J loads (n = 2048, its default threads), and the
 *       write bandwidth for n² doubles (n = 4096): Arrays.fill over an existing array, and a fresh
 *       allocation (zeroing and first touch included)
 *   java -Xmx8g -cp ntk-bench/target/ntk.jar ntk-bench/scripts/Probes.java top N COUNT
 *       Spectra.top(COUNT) against Spectra.decompose on the dense N×N arccos1 Gram matrix: times and
 *       the largest relative difference of the COUNT leading eigenvalues
 *   java -Xmx4g -cp ntk-bench/target/ntk.jar ntk-bench/scripts/Probes.java implicit N COUNT
 *       Spectra.top(COUNT) on the matrix-free arccos1 kernel matrix of N points in d = 64: time and
 *       the heap high-water mark (run with -Xmx4g for the 4 GiB target)
 *   java -cp ntk-bench/target/ntk.jar ntk-bench/scripts/Probes.java phases X.npy OUT.npy
 *       the phases of `ntk gram --kernel arccos1` in this fresh JVM: time to main, reading, loading
 *       OpenBLAS, the Gram (cold, then once more warm), writing (temporary file, fsync, rename)
 * </pre>
 *
 * Output: one JSON object per line.
 */
public class Probes {

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        switch (args[0]) {
            case "roofline":
                roofline();
                break;
            case "top":
                top(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                break;
            case "implicit":
                implicit(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                break;
            case "phases":
                phases(java.nio.file.Path.of(args[1]), java.nio.file.Path.of(args[2]));
                break;
            default:
                throw new IllegalArgumentException("unknown probe " + args[0]);
        }
    }

    private static void roofline() {
        Loader.load(openblas.class);
        int n = 2048;
        double[] a = new double[n * n];
        Gaussians g = new Gaussians(3);
        for (int i = 0; i < a.length; i++) {
            a[i] = g.next();
        }
        try (DoublePointer pa = new DoublePointer(a); DoublePointer pb = new DoublePointer(a);
             DoublePointer pc = new DoublePointer((long) n * n)) {
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 6; rep++) {
                long t0 = System.nanoTime();
                openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                        n, n, n, 1.0, pa, n, pb, n, 0.0, pc, n);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("{\"task\": \"dgemm\", \"n\": %d, \"best_s\": %.4f, \"gflops\": %.1f, \"openblas_threads\": %d}%n",
                    n, best, 2.0 * n * n * n / best / 1e9, openblas.blas_get_num_threads());
        }
        int m = 4096;
        double[] buf = new double[m * m];
        Arrays.fill(buf, 1.0);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 6; rep++) {
            long t0 = System.nanoTime();
            Arrays.fill(buf, rep);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("{\"task\": \"write_n2_doubles\", \"n\": %d, \"best_s\": %.4f, \"gbytes_per_s\": %.1f}%n",
                m, best, 8.0 * m * m / best / 1e9);
        best = Double.MAX_VALUE;
        double sink = 0;
        for (int rep = 0; rep < 6; rep++) {
            long t0 = System.nanoTime();
            double[] fresh = new double[m * m];
            Arrays.fill(fresh, rep);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            sink += fresh[rep];
        }
        System.out.printf("{\"task\": \"allocate_and_write_n2_doubles\", \"n\": %d, \"best_s\": %.4f, \"gbytes_per_s\": %.1f, \"sink\": %.1f}%n",
                m, best, 8.0 * m * m / best / 1e9, sink);
    }

    private static void top(int n, int count) {
        KernelMatrix k = Kernels.arcCosine(1).gram(Gaussians.standardNormal(n, 64, 20_241_125L), GramOptions.defaults());
        long t0 = System.nanoTime();
        Decomposition top = Spectra.top(k, count);
        double topS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Decomposition full = Spectra.decompose(k);
        double fullS = (System.nanoTime() - t0) / 1e9;
        double worst = 0;
        for (int i = 0; i < count; i++) {
            worst = Math.max(worst, Math.abs(top.eigenvalue(i) - full.eigenvalue(i)) / Math.abs(full.eigenvalue(i)));
        }
        System.out.printf("{\"task\": \"top_vs_decompose\", \"n\": %d, \"count\": %d, \"top_s\": %.3f, \"decompose_s\": %.3f,"
                + " \"speedup\": %.1f, \"max_rel_eigenvalue_diff\": %.3e, \"top_max_residual\": %.3e, \"lambda_max\": %.6e}%n",
                n, count, topS, fullS, fullS / topS, worst, top.maxResidual(), full.eigenvalue(0));
    }

    private static void phases(java.nio.file.Path in, java.nio.file.Path out) {
        double toMain = (System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        long t0 = System.nanoTime();
        double[][] x = org.ntk.core.io.Npy.read(in).matrix();
        long t1 = System.nanoTime();
        Loader.load(openblas.class);
        long t2 = System.nanoTime();
        KernelMatrix k = Kernels.arcCosine(1).gram(x, GramOptions.defaults());
        long t3 = System.nanoTime();
        Kernels.arcCosine(1).gram(x, GramOptions.defaults());
        long t4 = System.nanoTime();
        org.ntk.core.io.Npy.write(out, k);
        long t5 = System.nanoTime();
        System.out.printf("{\"task\": \"phases\", \"n\": %d, \"to_main_s\": %.3f, \"read_s\": %.3f, \"load_openblas_s\": %.3f,"
                + " \"gram_cold_s\": %.3f, \"gram_warm_s\": %.3f, \"write_s\": %.3f}%n",
                x.length, toMain, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9);
    }

    private static void implicit(int n, int count) {
        long t0 = System.nanoTime();
        KernelMatrix k = ImplicitKernelMatrix.of(Kernels.arcCosine(1), Gaussians.standardNormal(n, 64, 20_241_125L));
        HeapWatch watch = new HeapWatch();
        watch.start();
        long start = System.nanoTime();
        LanczosOptions options = LanczosOptions.defaults().withListener((task, done, total) ->
                System.err.printf("block step %d after %.0f s, heap high-water %d MiB%n", done,
                        (System.nanoTime() - start) / 1e9, watch.high >> 20));
        Decomposition top = Spectra.top(k, count, options);
        double s = (System.nanoTime() - t0) / 1e9;
        watch.interrupt();
        System.out.printf("{\"task\": \"implicit_top\", \"n\": %d, \"count\": %d, \"seconds\": %.1f, \"max_heap_mib\": %d,"
                + " \"heap_used_high_water_mib\": %d, \"lambda_max\": %.6e, \"max_residual\": %.3e}%n",
                n, count, s, Runtime.getRuntime().maxMemory() >> 20, watch.high >> 20, top.eigenvalue(0), top.maxResidual());
    }

    /** Samples the used heap every 50 ms. */
    private static final class HeapWatch extends Thread {
        volatile long high;

        HeapWatch() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime rt = Runtime.getRuntime();
            while (!isInterrupted()) {
                high = Math.max(high, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
