package org.ntk.core.network;

import java.util.Objects;

import org.ntk.core.sampling.Gaussians;
import org.ntk.core.validation.Validate;

/**
 * A two-layer bias-free ReLU network f(x) = Σ_j v_j ReLU(w_j·x) with m hidden units on R^d
 * (MATH.md §0, seed 002 eq. 1; no m^{-1/2} prefactor).
 *
 * <p>Immutable and thread-safe. The hidden weights are stored m×d: row j is w_j (the transpose of
 * MATH.md's d×m matrix W, whose columns are the w_j).
 */
public final class ReluNetwork {

    private final int d;
    private final int m;
    /** m×d, row j = w_j, flattened row-major. */
    private final double[] w;
    private final double[] v;

    private ReluNetwork(int d, int m, double[] w, double[] v) {
        this.d = d;
        this.m = m;
        this.w = w;
        this.v = v;
    }

    /**
     * A network with i.i.d. Gaussian hidden weights of the given scale and i.i.d. N(0, 1) output
     * weights, all drawn from one seeded stream: first the m×d hidden weights row by row, then the m
     * output weights. The same seed gives a bitwise-identical network.
     *
     * @param d input dimension, ≥ 1
     * @param m number of hidden units, ≥ 1
     * @param scale hidden-weight variance: 1 ({@link WeightScale#STANDARD}) or 1/d ({@link WeightScale#FAN_IN})
     * @param seed the random seed
     * @throws IllegalArgumentException if d or m &lt; 1, or m·d exceeds a Java array or the heap
     */
    public static ReluNetwork random(int d, int m, WeightScale scale, long seed) {
        Validate.positive(d, "d");
        Validate.positive(m, "m");
        Objects.requireNonNull(scale, "scale");
        if ((long) m * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("m·d must fit in a Java array, got " + ((long) m * d));
        }
        Validate.heapFits((long) m * d + m, "network of width " + m + " and input dimension " + d,
                "use a smaller width");
        double sd = Math.sqrt(scale.variance(d));
        Gaussians g = new Gaussians(seed);
        double[] w = new double[m * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = sd * g.next();
        }
        double[] v = new double[m];
        for (int j = 0; j < m; j++) {
            v[j] = g.next();
        }
        return new ReluNetwork(d, m, w, v);
    }

    /**
     * A network with the given weights (copied).
     *
     * @param hiddenWeights m×d: row j is w_j. Not modified or retained.
     * @param outputWeights length m. Not modified or retained.
     * @throws IllegalArgumentException if shapes disagree or an entry is NaN or infinite
     */
    public static ReluNetwork of(double[][] hiddenWeights, double[] outputWeights) {
        int d = Validate.finiteMatrix(hiddenWeights, "hiddenWeights");
        int m = hiddenWeights.length;
        Validate.finiteVector(outputWeights, "outputWeights");
        if (outputWeights.length != m) {
            throw new IllegalArgumentException("outputWeights has length " + outputWeights.length
                    + ", expected " + m + " (the number of rows of hiddenWeights)");
        }
        if ((long) m * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("hiddenWeights must have at most " + (Integer.MAX_VALUE - 8)
                    + " entries in all, got " + ((long) m * d));
        }
        double[] w = new double[m * d];
        for (int j = 0; j < m; j++) {
            System.arraycopy(hiddenWeights[j], 0, w, j * d, d);
        }
        return new ReluNetwork(d, m, w, outputWeights.clone());
    }

    /** Input dimension d. */
    public int inputDimension() {
        return d;
    }

    /** Number of hidden units m. */
    public int width() {
        return m;
    }

    /** Returns a fresh m×d copy of the hidden weights (row j is w_j). */
    public double[][] hiddenWeights() {
        double[][] r = new double[m][d];
        for (int j = 0; j < m; j++) {
            System.arraycopy(w, j * d, r[j], 0, d);
        }
        return r;
    }

    /** Returns a fresh copy of the output weights v. */
    public double[] outputWeights() {
        return v.clone();
    }

    /**
     * Returns the hidden features Φ_ij = ReLU(w_j·x_i), an n×m array. Cost O(n·m·d).
     *
     * @param x n inputs of dimension d (rows). Not modified.
     * @throws IllegalArgumentException if x is empty, ragged, of the wrong dimension, or not finite, or
     *     a pre-activation w_j·x_i overflows the double range (never ∞, nor a NaN turned into 0)
     */
    public double[][] features(double[][] x) {
        checkInputs(x);
        double[][] phi = new double[x.length][m];
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double[] row = phi[i];
            for (int j = 0; j < m; j++) {
                double s = 0;
                int off = j * d;
                for (int k = 0; k < d; k++) {
                    s += w[off + k] * xi[k];
                }
                if (s != s || s == Double.POSITIVE_INFINITY) {
                    // −∞ is a huge negative pre-activation, and ReLU of it is exactly 0
                    Validate.finiteResult(s, "x", "the pre-activation w_" + j + "·x[" + i + "]");
                }
                row[j] = s > 0 ? s : 0;
            }
        }
        return phi;
    }

    /**
     * Returns f(x_i) = Σ_j v_j ReLU(w_j·x_i) for each row. Cost O(n·m·d).
     *
     * @param x n inputs of dimension d (rows). Not modified.
     * @throws IllegalArgumentException as {@link #features}, or if an output overflows the double range
     */
    public double[] predict(double[][] x) {
        double[][] phi = features(x);
        double[] f = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += v[j] * phi[i][j];
            }
            f[i] = s;
        }
        return Validate.finiteResult(f, "x", "f(x)");
    }

    private void checkInputs(double[][] x) {
        int dx = Validate.finiteMatrix(x, "x");
        if (dx != d) {
            throw new IllegalArgumentException("x has dimension " + dx + ", expected " + d
                    + " (the network's input dimension)");
        }
    }
}
