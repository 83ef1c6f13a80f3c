package org.ntk.spectral.kernel.nd4j;

import java.util.Objects;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.ntk.core.kernel.InnerProductBackend;
import org.ntk.core.kernel.InnerProductBackends;
import org.ntk.core.validation.Validate;

/**
 * The inner-product pass X·Xᵀ / X·Yᵀ through OpenBLAS {@code cblas_dgemm}, on the OpenBLAS library that
 * ND4J loads ({@code org.bytedeco.openblas}, no second native library).
 *
 * <p>Work layout: the points are copied once into native memory; the result is cut into square
 * blocks of b rows and columns, b the largest of 128, 64, 32, 16, 8 with b²·d ≤ {@value
 * #SINGLE_THREAD_WORK} (b = 64 for d = 64). Each block is one {@code cblas_dgemm} call; a strip of b
 * rows (the upper-triangle blocks of a Gram pass, all blocks of a cross pass) is one task, computed
 * into a per-thread native buffer of b × at most {@value #CHUNK} columns and copied into the caller's
 * array through a direct buffer. The caller's array is never handed to JNI, which would copy it twice
 * (JavaCPP passes Java arrays with {@code Get/ReleaseDoubleArrayElements}). A Gram pass computes the
 * blocks on and above the diagonal: about n²d/2 + nbd/2 multiply–adds.
 *
 * <p>Threads and reproducibility: OpenBLAS splits a multi-threaded {@code dgemm} over rows of the
 * result at boundaries that depend on its thread count, and its edge kernels round differently from its
 * main kernel, so a multi-threaded call's result depends on {@code OPENBLAS_NUM_THREADS} (measured on
 * OpenBLAS 0.3.19: four rows per thread boundary change in their last bits). OpenBLAS runs a call with
 * m·n·k ≤ 65536·{@code GEMM_MULTITHREAD_THRESHOLD} = {@value #SINGLE_THREAD_WORK} on the calling thread
 * only, so every block here is such a call, and the parallelism comes from {@code threads} Java
 * threads taking whole strips. Each entry is therefore computed by the same single-threaded call
 * whatever the thread count or the OpenBLAS pool size: results are bitwise identical for every
 * {@code threads} and every {@code OPENBLAS_NUM_THREADS} (tested), and depend only on n, d (and the
 * CPU kernel OpenBLAS picks). No process-wide setting is read or changed. Results differ from the
 * pure-Java backend's in the last bits (OpenBLAS uses FMA and its own k-unrolling); Gram entries stay
 * within 1e−13 of the largest entry of the exact value (tested). For d &gt; {@value
 * #SINGLE_THREAD_WORK} no block fits and the pure-Java backend is used.
 *
 * <p>{@link #prefers} is true only where this backend measured faster than the pure-Java pass and the
 * native library can be loaded (see {@link #MIN_PREFERRED_WORK}); if OpenBLAS cannot be loaded,
 * {@code prefers} is false and the two passes throw {@link IllegalStateException} with the fix.
 *
 * <p>Stateless and thread-safe. Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.ntk.core.kernel.InnerProductBackend}.
 */
public final class OpenBlasInnerProductBackend implements InnerProductBackend {

    /**
     * The largest m·n·k that OpenBLAS 0.3.19 runs on the calling thread alone: 65536 (its
     * {@code SMP_THRESHOLD_MIN}) times {@code GEMM_MULTITHREAD_THRESHOLD} = 4 of the bytedeco build.
     */
    static final long SINGLE_THREAD_WORK = 65536L * 4;
    /** Columns per native buffer of a strip. */
    static final int CHUNK = 4096;
    /**
     * The smallest result size × inner dimension (rows·cols·d) at which the automatic choice prefers
     * this backend to the pure-Java pass: the measured crossover (docs/performance.md; arccos1 Gram,
     * CPU time of one thread: 1.2× less at n = 256, d = 64, 1.3–1.4× for n ≥ 1024, d = 64, 1.3–1.8× at
     * d = 256, none at d = 16).
     */
    static final long MIN_PREFERRED_WORK = 1L << 22;
    /**
     * The shortest vectors for which the automatic choice prefers this backend: at d = 16 the
     * inner products are a small part of a Gram assembly and both passes measured the same.
     */
    static final int MIN_PREFERRED_DIMENSION = 32;

    /** A new backend; the native library is loaded on first use. */
    public OpenBlasInnerProductBackend() {
    }

    /** {@code openblas}. */
    @Override
    public String name() {
        return "openblas";
    }

    /**
     * {@inheritDoc}
     *
     * <p>True when rows·cols·d ≥ {@value #MIN_PREFERRED_WORK} and d ≥ {@value #MIN_PREFERRED_DIMENSION}
     * (the measured crossover), d ≤ {@value #SINGLE_THREAD_WORK} / 64 (blocks of at least 8×8) and
     * OpenBLAS can be loaded.
     */
    @Override
    public boolean prefers(int rows, int cols, int d) {
        return (long) rows * cols * d >= MIN_PREFERRED_WORK && d >= MIN_PREFERRED_DIMENSION
                && d <= SINGLE_THREAD_WORK / 64 && Native.FAILURE == null;
    }

    /** The block size for vectors of length d: the largest of 128, 64, …, 8 with b²d ≤ SINGLE_THREAD_WORK; 0 if none. */
    static int blockSize(int d) {
        for (int b = 128; b >= 8; b /= 2) {
            if ((long) b * b * d <= SINGLE_THREAD_WORK) {
                return b;
            }
        }
        return 0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Cost: about n²d/2 multiply–adds on {@code threads} threads, plus 8·(n·d + threads·b·min(n,
     * {@value #CHUNK})) bytes of native memory for the duration of the call.
     *
     * @throws NullPointerException if x or out is null
     * @throws IllegalArgumentException if n, d or threads &lt; 1, or x or out is too short
     * @throws IllegalStateException if OpenBLAS cannot be loaded
     */
    @Override
    public void gramUpper(double[] x, int n, int d, double[] out, int threads) {
        checkShape(x, n, d, "x", "n");
        checkOut(out, (long) n * n, "n²");
        Validate.positive(threads, "threads");
        int b = blockSize(d);
        if (b == 0) {
            InnerProductBackends.pureJava().gramUpper(x, n, d, out, threads);
            return;
        }
        Native.require();
        try (DoublePointer xp = new DoublePointer((long) n * d)) {
            xp.put(x, 0, n * d);
            int strips = (n + b - 1) / b;
            Strips.run(strips, threads, b, Math.min(n, CHUNK), xp, xp, (buf, s) -> {
                int i0 = s * b;
                int p = Math.min(b, n - i0);
                for (int c0 = i0; c0 < n; c0 += CHUNK) {
                    int w = Math.min(CHUNK, n - c0);
                    for (int j0 = c0; j0 < c0 + w; j0 += b) {
                        int q = Math.min(b, c0 + w - j0);
                        buf.gemm(i0, p, j0, q, d, j0 - c0, w);
                    }
                    for (int r = 0; r < p; r++) {
                        int i = i0 + r;
                        int from = Math.max(c0, i); // the upper triangle of this row inside the chunk
                        buf.copyRow(r, from - c0, w, out, i * n + from, c0 + w - from);
                    }
                }
            });
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here each strip of {@code tile} rows is computed chunk by chunk ({@value #CHUNK} columns) into
     * the thread's native buffer with the same single-threaded b×b {@code cblas_dgemm} calls, at the
     * same block positions, as {@link #gramUpper} (blocks of min(b, tile) when b exceeds the tile, or
     * b does not divide it), and each tile is copied from there into the sink's buffer: the raw
     * inner products never go through the caller's n² array. Bitwise identical for every
     * {@code threads} and {@code OPENBLAS_NUM_THREADS}, and to {@link #gramUpper} whenever b divides
     * the tile (d ≥ 32 with tile 64).
     *
     * @throws IllegalStateException if OpenBLAS cannot be loaded
     */
    @Override
    public void gramUpperTiles(double[] x, int n, int d, int tile, int threads,
                               java.util.function.Supplier<TileSink> sinks) {
        checkShape(x, n, d, "x", "n");
        Objects.requireNonNull(sinks, "sinks");
        Validate.positive(tile, "tile");
        Validate.positive(threads, "threads");
        int b = blockSize(d);
        if (b == 0) {
            InnerProductBackends.pureJava().gramUpperTiles(x, n, d, tile, threads, sinks);
            return;
        }
        int bb = b <= tile && tile % b == 0 ? b : Math.min(b, tile);
        Native.require();
        int chunk = Math.max(tile, CHUNK / tile * tile);
        try (DoublePointer xp = new DoublePointer((long) n * d)) {
            xp.put(x, 0, n * d);
            int strips = (n + tile - 1) / tile;
            Strips.run(strips, threads, tile, Math.min(n, chunk), xp, xp, sinks, (buf, sink, s) -> {
                int i0 = s * tile;
                int p = Math.min(tile, n - i0);
                for (int c0 = i0; c0 < n; c0 += chunk) {
                    int w = Math.min(chunk, n - c0);
                    for (int r0 = 0; r0 < p; r0 += bb) {
                        for (int j0 = c0; j0 < c0 + w; j0 += bb) {
                            buf.gemm(i0 + r0, Math.min(bb, p - r0), j0, Math.min(bb, c0 + w - j0), d,
                                    r0 * w + (j0 - c0), w);
                        }
                    }
                    for (int j0 = c0; j0 < c0 + w; j0 += tile) {
                        int q = Math.min(tile, c0 + w - j0);
                        double[] out = sink.buffer();
                        for (int r = 0; r < p; r++) {
                            buf.copyRow(r, j0 - c0, w, out, r * tile, q);
                        }
                        sink.accept(i0, j0);
                    }
                }
            });
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Cost: nx·ny·d multiply–adds on {@code threads} threads, plus 8·((nx + ny)·d + threads·b·min(ny,
     * {@value #CHUNK})) bytes of native memory for the duration of the call.
     *
     * @throws NullPointerException if x, y or out is null
     * @throws IllegalArgumentException if nx, ny, d or threads &lt; 1, or x, y or out is too short
     * @throws IllegalStateException if OpenBLAS cannot be loaded
     */
    @Override
    public void cross(double[] x, int nx, double[] y, int ny, int d, double[] out, int threads) {
        checkShape(x, nx, d, "x", "nx");
        checkShape(y, ny, d, "y", "ny");
        checkOut(out, (long) nx * ny, "nx·ny");
        Validate.positive(threads, "threads");
        int b = blockSize(d);
        if (b == 0) {
            InnerProductBackends.pureJava().cross(x, nx, y, ny, d, out, threads);
            return;
        }
        Native.require();
        try (DoublePointer xp = new DoublePointer((long) nx * d);
             DoublePointer yp = new DoublePointer((long) ny * d)) {
            xp.put(x, 0, nx * d);
            yp.put(y, 0, ny * d);
            int strips = (nx + b - 1) / b;
            Strips.run(strips, threads, b, Math.min(ny, CHUNK), xp, yp, (buf, s) -> {
                int i0 = s * b;
                int p = Math.min(b, nx - i0);
                for (int c0 = 0; c0 < ny; c0 += CHUNK) {
                    int w = Math.min(CHUNK, ny - c0);
                    for (int j0 = c0; j0 < c0 + w; j0 += b) {
                        buf.gemm(i0, p, j0, Math.min(b, c0 + w - j0), d, j0 - c0, w);
                    }
                    for (int r = 0; r < p; r++) {
                        buf.copyRow(r, 0, w, out, (i0 + r) * ny + c0, w);
                    }
                }
            });
        }
    }

    private static void checkShape(double[] x, int n, int d, String name, String countName) {
        Objects.requireNonNull(x, name);
        Validate.positive(n, countName);
        Validate.positive(d, "d");
        if (x.length < (long) n * d) {
            throw new IllegalArgumentException(name + " has length " + x.length + ", expected at least "
                    + countName + "·d = " + ((long) n * d));
        }
    }

    private static void checkOut(double[] out, long need, String what) {
        Objects.requireNonNull(out, "out");
        if (out.length < need) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected at least " + what
                    + " = " + need);
        }
    }

    @Override
    public String toString() {
        return "InnerProductBackend[openblas]";
    }

    /** Lazy holder: loads OpenBLAS on first use and remembers why it failed, if it did. */
    private static final class Native {
        /** Null when loaded; otherwise the message of the IllegalStateException to throw. */
        static final String FAILURE = load();

        static void require() {
            if (FAILURE != null) {
                throw new IllegalStateException(FAILURE);
            }
        }

        private static String load() {
            try {
                Loader.load(openblas.class);
                return null;
            } catch (LinkageError | RuntimeException e) {
                return "the OpenBLAS native library (org.bytedeco:openblas, brought by org.nd4j:nd4j-native-platform)"
                        + " could not be loaded for " + System.getProperty("os.name") + "/"
                        + System.getProperty("os.arch") + ": " + e + ". Put nd4j-native-platform with this"
                        + " platform's native jar on the class path, or use InnerProductBackends.pureJava()";
            }
        }
    }
}
