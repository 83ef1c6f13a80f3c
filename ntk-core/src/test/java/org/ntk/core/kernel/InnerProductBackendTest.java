package org.ntk.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.sampling.Gaussians;

/** The inner-product backend SPI, backend selection, and the options of the Gram assembly. */
class InnerProductBackendTest {

    /** A deliberately different backend: naive loops summing k in reverse order. */
    private static final class ReverseBackend implements InnerProductBackend {
        @Override
        public String name() {
            return "reverse";
        }

        @Override
        public boolean prefers(int rows, int cols, int d) {
            return true;
        }

        @Override
        public void gramUpper(double[] x, int n, int d, double[] out, int threads) {
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    out[i * n + j] = reverseDot(x, i, x, j, d);
                }
                for (int j = 0; j < i; j++) {
                    out[i * n + j] = Double.NaN; // the lower triangle is unspecified
                }
            }
        }

        @Override
        public void cross(double[] x, int nx, double[] y, int ny, int d, double[] out, int threads) {
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    out[i * ny + j] = reverseDot(x, i, y, j, d);
                }
            }
        }

        private static double reverseDot(double[] a, int i, double[] b, int j, int d) {
            double s = 0;
            for (int k = d - 1; k >= 0; k--) {
                s += a[i * d + k] * b[j * d + k];
            }
            return s;
        }
    }

    private static double[] flat(double[][] x) {
        int d = x[0].length;
        double[] f = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, f, i * d, d);
        }
        return f;
    }

    @Test
    void pureJavaBackendEqualsNaiveSequentialDotProductsBitwise() {
        // d = 700 spans three k-blocks of 256; n = 67 spans two tiles and a partial 4-row group.
        double[][] x = Gaussians.standardNormal(67, 700, 1);
        double[][] y = Gaussians.standardNormal(30, 700, 2);
        InnerProductBackend java = InnerProductBackends.pureJava();
        assertEquals("java", java.name());
        for (int threads : new int[] {1, 3}) {
            double[] g = new double[67 * 67];
            java.gramUpper(flat(x), 67, 700, g, threads);
            for (int i = 0; i < 67; i++) {
                for (int j = i; j < 67; j++) {
                    assertEquals(ReferenceKernels.dot(x[i], x[j]), g[i * 67 + j], 0.0, "(" + i + "," + j + ")");
                }
            }
            double[] c = new double[67 * 30];
            java.cross(flat(x), 67, flat(y), 30, 700, c, threads);
            for (int i = 0; i < 67; i++) {
                for (int j = 0; j < 30; j++) {
                    assertEquals(ReferenceKernels.dot(x[i], y[j]), c[i * 30 + j], 0.0, "(" + i + "," + j + ")");
                }
            }
        }
    }

    @Test
    void pureJavaBackendRejectsBadShapes() {
        InnerProductBackend java = InnerProductBackends.pureJava();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> java.gramUpper(new double[5], 2, 3, new double[4], 1));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> java.gramUpper(new double[6], 2, 3, new double[3], 1));
        assertTrue(e.getMessage().startsWith("out"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> java.gramUpper(new double[6], 2, 3, new double[4], 0));
        assertTrue(e.getMessage().startsWith("threads"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> java.cross(new double[6], 2, new double[5], 2, 3, new double[4], 1));
        assertTrue(e.getMessage().startsWith("y"), e.getMessage());
    }

    @Test
    void anotherBackendIsUsedThroughOptionsAndGivesTheSameKernelToRounding() {
        // The generic path: raw inner products from the backend, then the map in place.
        double[][] x = GramAssemblyTest.mixedPoints(90, 12, 3);
        InnerProductBackend reverse = new ReverseBackend();
        for (HomogeneousKernel k : List.of(Kernels.arcCosine(0), Kernels.arcCosine(1), Kernels.deepNtk(2))) {
            double[] java = k.gram(x, GramOptions.defaults().withThreads(2)
                    .withBackend(InnerProductBackends.pureJava())).toArray();
            DenseKernelMatrix viaReverse = k.gram(x, GramOptions.defaults().withThreads(2).withBackend(reverse));
            double[] other = viaReverse.toArray();
            double scale = 0;
            for (double v : java) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < 90; i++) {
                for (int j = 0; j < 90; j++) {
                    assertEquals(other[i * 90 + j], other[j * 90 + i], 0.0, "symmetric");
                    if (Math.abs(ReferenceKernels.cosine(x[i], x[j])) < 1 - 1e-6) {
                        assertEquals(java[i * 90 + j], other[i * 90 + j], 1e-13 * scale, k + " (" + i + "," + j + ")");
                    }
                }
            }
            assertArrayEquals(other, k.gram(x, GramOptions.defaults().withThreads(5).withBackend(reverse)).toArray(), 0.0);
            double[][] cr = k.cross(x, x, GramOptions.defaults().withBackend(reverse));
            for (int i = 0; i < 90; i++) {
                for (int j = 0; j < 90; j++) {
                    if (Math.abs(ReferenceKernels.cosine(x[i], x[j])) < 1 - 1e-6) {
                        assertEquals(java[i * 90 + j], cr[i][j], 1e-13 * scale, k + " cross (" + i + "," + j + ")");
                    }
                }
            }
        }
    }

    @Test
    void defaultStreamedTilesEqualTheCrossProductsAndVisitEveryUpperTileOnce() {
        // The default gramUpperTiles (used by backends that do not override it) goes through cross():
        // with the reverse backend each streamed entry must be bitwise its reverse-order dot product.
        // n = 150 with tile 64: three strips, the last one partial.
        int n = 150;
        int d = 7;
        int tile = 64;
        double[][] x = Gaussians.standardNormal(n, d, 41);
        double[] fx = flat(x);
        InnerProductBackend reverse = new ReverseBackend();
        double[] ref = new double[n * n];
        reverse.gramUpper(fx, n, d, ref, 1);
        int tiles = (n + tile - 1) / tile;
        for (int threads : new int[] {1, 4}) {
            double[] out = new double[n * n];
            int[] seen = new int[tiles * tiles];
            reverse.gramUpperTiles(fx, n, d, tile, threads, () -> new InnerProductBackend.TileSink() {
                private final double[] buf = new double[tile * tile];

                @Override
                public double[] buffer() {
                    return buf;
                }

                @Override
                public void accept(int i0, int j0) {
                    synchronized (seen) {
                        seen[(i0 / tile) * tiles + j0 / tile]++;
                    }
                    for (int i = i0; i < Math.min(i0 + tile, n); i++) {
                        for (int j = Math.max(i, j0); j < Math.min(j0 + tile, n); j++) {
                            out[i * n + j] = buf[(i - i0) * tile + (j - j0)];
                        }
                    }
                }
            });
            for (int a = 0; a < tiles; a++) {
                for (int b = 0; b < tiles; b++) {
                    assertEquals(b >= a ? 1 : 0, seen[a * tiles + b], "tile (" + a + ", " + b + ")");
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    assertEquals(ref[i * n + j], out[i * n + j], 0.0, "threads " + threads + " (" + i + "," + j + ")");
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reverse.gramUpperTiles(fx, n, d, 0, 1, () -> null));
        assertTrue(e.getMessage().startsWith("tile"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> reverse.gramUpperTiles(new double[5], n, d, tile, 1, () -> null));
        assertTrue(e.getMessage().startsWith("x has length 5"), e.getMessage());
    }

    @Test
    void anotherBackendOverSeveralStripsKeepsTheDiagonalExactAndTheEntriesToRounding() {
        // n = 530 spans three strips of the backend path (256 rows each) and a partial tile; zero
        // points and duplicates included. Reference: the pure-Java Gram (itself checked against
        // StrictMath in GramAssemblyTest); the diagonal (t = 1 exactly) must agree bitwise.
        double[][] x = GramAssemblyTest.mixedPoints(530, 9, 8);
        x[17] = new double[9];
        x[300] = x[5].clone();
        InnerProductBackend reverse = new ReverseBackend();
        for (HomogeneousKernel k : List.of(Kernels.arcCosine(0), Kernels.arcCosine(1), Kernels.twoLayerNtk())) {
            double[] java = k.gram(x, GramOptions.defaults().withBackend(InnerProductBackends.pureJava())).toArray();
            double[] other = k.gram(x, GramOptions.defaults().withThreads(3).withBackend(reverse)).toArray();
            assertArrayEquals(other, k.gram(x, GramOptions.defaults().withThreads(1).withBackend(reverse)).toArray(), 0.0,
                    k + ": thread count changed the result");
            double scale = 0;
            for (double v : java) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < 530; i++) {
                assertEquals(java[i * 530 + i], other[i * 530 + i], 0.0, k + " diagonal " + i);
                for (int j = 0; j < 530; j++) {
                    assertEquals(other[i * 530 + j], other[j * 530 + i], 0.0, "symmetric");
                    if (i != j && Math.abs(ReferenceKernels.cosine(x[i], x[j])) < 1 - 1e-6) {
                        assertEquals(java[i * 530 + j], other[i * 530 + j], 1e-13 * scale, k + " (" + i + "," + j + ")");
                    }
                }
            }
            assertEquals(0.0, other[17 * 530 + 40], 0.0, "zero point row");
        }
    }

    @Test
    void automaticSelectionFallsBackToPureJavaWithoutProviders() {
        // ntk-core's test class path declares no META-INF/services provider.
        assertEquals("automatic", InnerProductBackends.automatic().name());
        assertTrue(InnerProductBackends.discovered().isEmpty());
        assertSame(InnerProductBackends.pureJava(), InnerProductBackends.select(10_000, 10_000, 1000));
        assertSame(InnerProductBackends.automatic(), GramOptions.defaults().backend());
        double[][] x = Gaussians.standardNormal(9, 4, 5);
        double[] g = new double[81];
        InnerProductBackends.automatic().gramUpper(flat(x), 9, 4, g, 2);
        assertEquals(ReferenceKernels.dot(x[2], x[7]), g[2 * 9 + 7], 0.0);
    }

    @Test
    void customHomogeneousKernelsUseTheSameAssembly() {
        // A user kernel that is not one of the library's: the linear kernel h(t) = t, p = 1, whose
        // Gram matrix is X Xᵀ (closed form).
        HomogeneousKernel linear = new HomogeneousKernel() {
            @Override
            public double profile(double t) {
                return t;
            }

            @Override
            public int radialDegree() {
                return 1;
            }

            @Override
            public String name() {
                return "linear";
            }
        };
        double[][] x = Gaussians.standardNormal(70, 6, 6);
        KernelMatrix k = linear.gram(x, 3);
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 70; j++) {
                double ref = ReferenceKernels.dot(x[i], x[j]);
                assertEquals(ref, k.get(i, j), 1e-14 * 10, "(" + i + "," + j + ")");
            }
        }
        HomogeneousKernel quadratic = new HomogeneousKernel() {
            @Override
            public double profile(double t) {
                return t * t;
            }

            @Override
            public int radialDegree() {
                return 2;
            }

            @Override
            public String name() {
                return "quadratic";
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> quadratic.gram(x));
        assertTrue(e.getMessage().contains("radialDegree"), e.getMessage());
    }

    @Test
    void progressIsReportedUpToTheTotalAndAThrowingListenerIsIgnored() {
        double[][] x = Gaussians.standardNormal(200, 5, 7);
        List<long[]> reports = Collections.synchronizedList(new ArrayList<>());
        List<String> tasks = Collections.synchronizedList(new ArrayList<>());
        ProgressListener record = (task, done, total) -> {
            tasks.add(task);
            reports.add(new long[] {done, total});
        };
        DenseKernelMatrix k = Kernels.arcCosine(1).gram(x, GramOptions.defaults().withThreads(3).withListener(record));
        long total = 200L * 201 / 2;
        assertEquals(4, reports.size()); // one report per row-tile of 64: ⌈200/64⌉ = 4
        long maxDone = 0;
        for (long[] r : reports) {
            assertEquals(total, r[1]);
            assertTrue(r[0] >= 1 && r[0] <= total);
            maxDone = Math.max(maxDone, r[0]);
        }
        assertEquals(total, maxDone);
        assertTrue(tasks.stream().allMatch("gram"::equals));

        ProgressListener throwing = (task, done, total2) -> {
            throw new IllegalStateException("listener failure");
        };
        DenseKernelMatrix again = Kernels.arcCosine(1).gram(x, GramOptions.defaults().withThreads(3).withListener(throwing));
        assertArrayEquals(k.toArray(), again.toArray(), 0.0);

        reports.clear();
        Kernels.arcCosine(0).cross(x, Gaussians.standardNormal(10, 5, 8),
                GramOptions.defaults().withThreads(2).withListener(record));
        assertEquals(2000L, reports.stream().mapToLong(r -> r[0]).max().orElseThrow());
    }

    @Test
    void optionsRejectBadValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GramOptions.defaults().withThreads(0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> GramOptions.defaults().withListener(null));
        assertEquals("listener", npe.getMessage());
        npe = assertThrows(NullPointerException.class, () -> GramOptions.defaults().withBackend(null));
        assertEquals("backend", npe.getMessage());
        assertTrue(GramOptions.defaults().threads() >= 1);
    }
}
