package org.ntk.core.sampling;

import java.util.SplittableRandom;

import org.ntk.core.validation.Validate;

/**
 * Seeded standard-normal samples, reproducible bit for bit across runs, JDK versions and thread
 * counts: a {@link SplittableRandom} seeded once, drawn sequentially in row-major order, turned into
 * normals by the Marsaglia polar method (which uses only {@code nextDouble}, {@code Math.log} and
 * {@code Math.sqrt}, whose results are fixed by the JDK specification up to 1 ulp).
 */
public final class Gaussians {

    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    /** A new generator for the given seed. */
    public Gaussians(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next N(0, 1) draw. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    /**
     * Returns an n×d array of i.i.d. N(0, variance) entries drawn from {@code seed}.
     *
     * @throws IllegalArgumentException if n or d &lt; 1, variance is not finite and &gt; 0, or the n×d
     *     array does not fit in the heap
     */
    public static double[][] matrix(int n, int d, double variance, long seed) {
        Validate.positive(n, "n");
        Validate.positive(d, "d");
        Validate.positive(variance, "variance");
        Validate.heapFits((long) n * d, "Gaussian matrix of size " + n + "×" + d, "draw fewer points");
        double sd = Math.sqrt(variance);
        Gaussians g = new Gaussians(seed);
        double[][] a = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = sd * g.next();
            }
        }
        return a;
    }

    /** Returns n points of N(0, I_d), one per row. */
    public static double[][] standardNormal(int n, int d, long seed) {
        return matrix(n, d, 1.0, seed);
    }
}
