package org.ntk.spectral.kernel.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.InnerProductBackend;
import org.ntk.core.kernel.InnerProductBackends;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.sampling.Gaussians;

/** The OpenBLAS inner-product backend: accuracy, reproducibility across thread counts, discovery, rejections. */
class OpenBlasInnerProductBackendTest {

    private final InnerProductBackend blas = new OpenBlasInnerProductBackend();

    private static double[] flat(double[][] x) {
        int d = x[0].length;
        double[] f = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, f, i * d, d);
        }
        return f;
    }

    /**
     * The dot product in twice the working precision (Ogita, Rump and Oishi's Dot2: error-free
     * products by FMA and error-free sums), rounded once: accurate to about ε relative plus
     * d·ε²·Σ|x_k y_k| — an independent reference for the BLAS sums.
     */
    private static double dot2(double[] x, double[] y) {
        double s = 0;
        double c = 0;
        for (int k = 0; k < x.length; k++) {
            double p = x[k] * y[k];
            double pe = Math.fma(x[k], y[k], -p);
            double t = s + p;
            double z = t - s;
            double se = (s - (t - z)) + (p - z);
            s = t;
            c += pe + se;
        }
        return s + c;
    }

    @Test
    void gramUpperAndCrossMatchExactDotProducts() {
        // n = 600 spans three strips of 256 rows; ny = 4200 spans two column chunks of 4096.
        // Tolerance: a sum of d products in double with FMA has error ≤ d·ε·Σ|x_k y_k| ≤ d·ε·‖x‖‖y‖.
        double[][] x = Gaussians.standardNormal(600, 37, 11);
        double[] g = new double[600 * 600];
        blas.gramUpper(flat(x), 600, 37, g, 1);
        double eps = Math.ulp(1.0);
        for (int i = 0; i < 600; i++) {
            for (int j = i; j < 600; j++) {
                double ref = dot2(x[i], x[j]);
                double bound = 37 * eps * Math.sqrt(dot2(x[i], x[i]) * dot2(x[j], x[j]));
                assertEquals(ref, g[i * 600 + j], bound, "(" + i + "," + j + ")");
            }
        }
        double[][] a = Gaussians.standardNormal(20, 3, 12);
        double[][] b = Gaussians.standardNormal(4200, 3, 13);
        double[] c = new double[20 * 4200];
        blas.cross(flat(a), 20, flat(b), 4200, 3, c, 2);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 4200; j++) {
                double ref = dot2(a[i], b[j]);
                double bound = 3 * eps * Math.sqrt(dot2(a[i], a[i]) * dot2(b[j], b[j]));
                assertEquals(ref, c[i * 4200 + j], bound, "cross (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void longVectorsBeyondTheSingleThreadedBlockFallBackToExactSequentialSums() {
        // d = 5000: even an 8×8 block exceeds OpenBLAS's single-threaded size, so the pure-Java pass
        // (sequential sums, bitwise equal to a naive loop) is used.
        assertEquals(0, OpenBlasInnerProductBackend.blockSize(5000));
        assertEquals(64, OpenBlasInnerProductBackend.blockSize(64));
        double[][] x = Gaussians.standardNormal(9, 5000, 14);
        double[] g = new double[81];
        blas.gramUpper(flat(x), 9, 5000, g, 2);
        for (int i = 0; i < 9; i++) {
            for (int j = i; j < 9; j++) {
                double s = 0;
                for (int k = 0; k < 5000; k++) {
                    s += x[i][k] * x[j][k];
                }
                assertEquals(s, g[i * 9 + j], 0.0, "(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadArgumentNorOnOpenBlasThreads() {
        // The contract of InnerProductBackend: bitwise identical whatever the thread count. OpenBLAS's
        // pool size is process-wide; it is varied here and restored afterwards.
        double[][] x = Gaussians.standardNormal(700, 64, 21);
        double[][] y = Gaussians.standardNormal(300, 64, 22);
        double[] fx = flat(x);
        double[] fy = flat(y);
        int before = openblas.blas_get_num_threads();
        try {
            double[] g0 = null;
            double[] c0 = null;
            for (int poolSize : new int[] {1, 2, 3, 4}) {
                openblas.blas_set_num_threads(poolSize);
                for (int threads : new int[] {1, 7}) {
                    double[] g = new double[700 * 700];
                    blas.gramUpper(fx, 700, 64, g, threads);
                    double[] c = new double[700 * 300];
                    blas.cross(fx, 700, fy, 300, 64, c, threads);
                    upperOnly(g, 700);
                    if (g0 == null) {
                        g0 = g;
                        c0 = c;
                    } else {
                        assertArrayEquals(g0, g, 0.0, "gram, OpenBLAS threads " + poolSize + ", threads " + threads);
                        assertArrayEquals(c0, c, 0.0, "cross, OpenBLAS threads " + poolSize + ", threads " + threads);
                    }
                }
            }
        } finally {
            openblas.blas_set_num_threads(before > 0 ? before : Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void streamedTilesAreBitwiseTheGramUpperPassAndVisitEveryUpperTileOnce() {
        // d = 64 (b = 64) and d = 130 (b = 32): b divides the tile, so every entry comes from the same
        // single-threaded dgemm block as in gramUpper. n = 4300 spans two column chunks of 4096.
        for (int d : new int[] {64, 130}) {
            int n = d == 64 ? 4300 : 333;
            double[] x = flat(Gaussians.standardNormal(n, d, 31 + d));
            double[] g = new double[n * n];
            blas.gramUpper(x, n, d, g, 2);
            for (int threads : new int[] {1, 3}) {
                double[] streamed = streamTiles(blas, x, n, d, 64, threads);
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        if (Double.doubleToRawLongBits(g[i * n + j]) != Double.doubleToRawLongBits(streamed[i * n + j])) {
                            throw new AssertionError("d = " + d + ", threads = " + threads + ", (" + i + "," + j + "): "
                                    + g[i * n + j] + " != " + streamed[i * n + j]);
                        }
                    }
                }
            }
        }
    }

    /**
     * Runs gramUpperTiles and assembles the upper triangle of the tiles it streams; fails if a tile
     * of the upper triangle is missing or comes twice, or a lower one comes at all.
     */
    static double[] streamTiles(InnerProductBackend backend, double[] x, int n, int d, int tile, int threads) {
        double[] out = new double[n * n];
        int tiles = (n + tile - 1) / tile;
        java.util.concurrent.atomic.AtomicIntegerArray seen = new java.util.concurrent.atomic.AtomicIntegerArray(tiles * tiles);
        backend.gramUpperTiles(x, n, d, tile, threads, () -> new InnerProductBackend.TileSink() {
            private final double[] buf = new double[tile * tile];

            @Override
            public double[] buffer() {
                return buf;
            }

            @Override
            public void accept(int i0, int j0) {
                assertEquals(0, i0 % tile);
                assertEquals(0, j0 % tile);
                assertTrue(j0 >= i0, "a tile below the diagonal: " + i0 + ", " + j0);
                seen.incrementAndGet((i0 / tile) * tiles + j0 / tile);
                for (int i = i0; i < Math.min(i0 + tile, n); i++) {
                    for (int j = Math.max(i, j0); j < Math.min(j0 + tile, n); j++) {
                        out[i * n + j] = buf[(i - i0) * tile + (j - j0)];
                    }
                }
            }
        });
        for (int a = 0; a < tiles; a++) {
            for (int b = 0; b < tiles; b++) {
                assertEquals(b >= a ? 1 : 0, seen.get(a * tiles + b), "tile (" + a + ", " + b + ")");
            }
        }
        return out;
    }

    /** Zeroes the strictly lower triangle, which gramUpper leaves unspecified. */
    private static void upperOnly(double[] g, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                g[i * n + j] = 0;
            }
        }
    }

    @Test
    void gramEntriesThroughThisBackendAreWithin1e13OfTheLargestEntry() {
        // Reference (independent computation): cosines from twice-precision dot products (dot2), then
        // the closed forms of MATH.md §1/§3.2 in StrictMath. Entries with
        // |t| ≥ 1 − 1e−6 are excluded for arccos0/ntk2 (√(1 − t) behaviour, as in ntk-core's test).
        double[][] x = Gaussians.standardNormal(300, 64, 31);
        for (int i = 150; i < 300; i += 3) {
            for (int k = 0; k < 64; k++) {
                x[i][k] = x[i - 150][k] * 2.5 + 1e-3 * x[i][k]; // near-parallel pairs
            }
        }
        double[] norm = new double[300];
        for (int i = 0; i < 300; i++) {
            norm[i] = Math.sqrt(dot2(x[i], x[i]));
        }
        double[] cos = new double[300 * 300];
        for (int i = 0; i < 300; i++) {
            for (int j = i; j < 300; j++) {
                cos[i * 300 + j] = i == j ? 1.0 : dot2(x[i], x[j]) / (norm[i] * norm[j]);
            }
        }
        for (HomogeneousKernel k : List.of(Kernels.arcCosine(0), Kernels.arcCosine(1), Kernels.twoLayerNtk())) {
            double[] g = k.gram(x, GramOptions.defaults().withBackend(blas)).toArray();
            double scale = 0;
            for (double v : g) {
                scale = Math.max(scale, Math.abs(v));
            }
            int checked = 0;
            for (int i = 0; i < 300; i++) {
                for (int j = i; j < 300; j++) {
                    double t = cos[i * 300 + j];
                    if (i != j && Math.abs(t) >= 1 - 1e-6 && !k.name().equals("arccos1")) {
                        continue;
                    }
                    double ref = reference(k.name(), t, norm[i], norm[j]);
                    assertEquals(ref, g[i * 300 + j], 1e-13 * scale, k + " (" + i + "," + j + ")");
                    assertEquals(g[i * 300 + j], g[j * 300 + i], 0.0, "symmetric");
                    checked++;
                }
            }
            assertTrue(checked > 40000, "checked " + checked);
        }
    }

    private static double reference(String kernel, double t, double ni, double nj) {
        double c = Math.max(-1, Math.min(1, t));
        double theta = StrictMath.acos(c);
        double k0 = (Math.PI - theta) / (2 * Math.PI);
        double k1 = (StrictMath.sqrt(1 - c * c) + (Math.PI - theta) * c) / (2 * Math.PI);
        switch (kernel) {
            case "arccos0":
                return k0;
            case "arccos1":
                return ni * nj * k1;
            default:
                return ni * nj * (k1 + c * k0);
        }
    }

    @Test
    void gramIsBitwiseIdenticalForEveryGramThreadCount() {
        double[][] x = Gaussians.standardNormal(333, 20, 41);
        GramOptions o = GramOptions.defaults().withBackend(blas);
        double[] one = Kernels.arcCosine(1).gram(x, o.withThreads(1)).toArray();
        assertArrayEquals(one, Kernels.arcCosine(1).gram(x, o.withThreads(2)).toArray(), 0.0);
        assertArrayEquals(one, Kernels.arcCosine(1).gram(x, o.withThreads(5)).toArray(), 0.0);
    }

    @Test
    void isDiscoveredAndPreferredOnlyAboveTheMeasuredCrossover() {
        assertTrue(InnerProductBackends.discovered().stream().anyMatch(b -> b.name().equals("openblas")),
                "discovered: " + InnerProductBackends.discovered());
        assertEquals("openblas", blas.name());
        // The measured crossover: rows·cols·d ≥ 2^22 and d ≥ 32.
        assertEquals(1L << 22, OpenBlasInnerProductBackend.MIN_PREFERRED_WORK);
        assertTrue(blas.prefers(4096, 4096, 64));
        assertTrue(blas.prefers(256, 256, 64));
        assertFalse(blas.prefers(255, 256, 64));
        assertFalse(blas.prefers(8, 8, 8));
        assertFalse(blas.prefers(4096, 4096, 16), "no gain at d = 16");
        assertTrue(blas.prefers(4096, 1024, 32));
        assertFalse(blas.prefers(4096, 4096, 4097), "no single-threaded block fits d = 4097");
        assertEquals("openblas", InnerProductBackends.select(4096, 4096, 64).name());
        assertEquals("java", InnerProductBackends.select(8, 8, 8).name());
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blas.gramUpper(new double[5], 2, 3, new double[4], 1));
        assertTrue(e.getMessage().startsWith("x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> blas.gramUpper(new double[6], 2, 3, new double[3], 1));
        assertTrue(e.getMessage().startsWith("out"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> blas.gramUpper(new double[6], 2, 3, new double[4], 0));
        assertTrue(e.getMessage().startsWith("threads"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> blas.gramUpper(new double[6], 0, 3, new double[4], 1));
        assertTrue(e.getMessage().startsWith("n"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> blas.cross(new double[6], 2, new double[5], 2, 3, new double[4], 1));
        assertTrue(e.getMessage().startsWith("y"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> blas.cross(new double[6], 2, new double[6], 2, 3, new double[3], 1));
        assertTrue(e.getMessage().startsWith("out"), e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> blas.cross(new double[6], 2, null, 2, 3, new double[4], 1));
        assertTrue(npe.getMessage().contains("y"), npe.getMessage());
    }
}
