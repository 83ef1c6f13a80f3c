package org.ntk.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.ntk.core.sampling.Gaussians;

/** The blocked products against direct triple loops, on shapes that straddle every block edge. */
class BlockedProductsTest {

    private static double[] random(int n, int p, long seed) {
        double[][] a = Gaussians.standardNormal(n, p, seed);
        double[] f = new double[n * p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, f, i * p, p);
        }
        // zero a quarter of the entries, as ReLU masks do
        for (int i = 0; i < f.length; i += 4) {
            f[i] = 0;
        }
        return f;
    }

    // sizes: n straddles TILE (48) and ROW_BLOCK (64); p straddles K_CHUNK (512) and COL_BLOCK (128)
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 1, 5}, {49, 513, 129}, {97, 1100, 65}, {130, 7, 300}};

    @Test
    void lowerGramMatchesDirectLoop() {
        for (int[] s : SHAPES) {
            int n = s[0];
            int p = s[1];
            double[] a = random(n, p, n + 31L * p);
            double[] c = BlockedProducts.lowerGram(a, n, p, 3);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double e = 0;
                    double abs = 0;
                    for (int k = 0; k < p; k++) {
                        e += a[i * p + k] * a[j * p + k];
                        abs += Math.abs(a[i * p + k] * a[j * p + k]);
                    }
                    // summation orders differ (chunked vs sequential): bound by p·ε·Σ|terms|
                    double expected = j <= i ? e : 0;
                    assertEquals(expected, c[i * n + j], p * 1.2e-16 * abs, "n=" + n + " p=" + p + " (" + i + "," + j + ")");
                }
            }
            assertArrayEquals(c, BlockedProducts.lowerGram(a, n, p, 1), 0.0);
        }
    }

    @Test
    void timesTransposeMatchesDirectLoopBitwise() {
        for (int[] s : SHAPES) {
            int n = s[0];
            int p = s[1];
            int q = s[2];
            double[] a = random(n, p, 1);
            double[] b = random(q, p, 2);
            double[] c = BlockedProducts.timesTranspose(a, n, p, b, q, 3);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < q; j++) {
                    double e = 0;
                    for (int k = 0; k < p; k++) {
                        e += a[i * p + k] * b[j * p + k];
                    }
                    // same summation order as a direct loop: exact
                    assertEquals(e, c[i * q + j], 0.0);
                }
            }
            assertArrayEquals(c, BlockedProducts.timesTranspose(a, n, p, b, q, 1), 0.0);
        }
    }

    @Test
    void timesMatchesDirectLoopBitwise() {
        for (int[] s : SHAPES) {
            int n = s[0];
            int q = s[1];
            int p = s[2];
            double[] a = random(n, q, 3);
            double[] b = random(q, p, 4);
            double[] c = BlockedProducts.times(a, n, q, b, p, 3);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < p; k++) {
                    double e = 0;
                    for (int j = 0; j < q; j++) {
                        e += a[i * q + j] * b[j * p + k];
                    }
                    assertEquals(e, c[i * p + k], 0.0);
                }
            }
            assertArrayEquals(c, BlockedProducts.times(a, n, q, b, p, 1), 0.0);
        }
    }

    @Test
    void runExecutesEveryTaskOnceAndRethrowsFailures() {
        AtomicIntegerArray count = new AtomicIntegerArray(37);
        BlockedProducts.run(37, 4, Long.MAX_VALUE, count::incrementAndGet);
        for (int i = 0; i < 37; i++) {
            assertEquals(1, count.get(i), "task " + i);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BlockedProducts.run(20, 3,
                Long.MAX_VALUE, t -> {
                    if (t == 11) {
                        throw new IllegalStateException("task 11");
                    }
                }));
        assertEquals("task 11", e.getMessage());
    }
}
