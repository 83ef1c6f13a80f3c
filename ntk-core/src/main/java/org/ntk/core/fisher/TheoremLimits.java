package org.ntk.core.fisher;

import java.util.List;
import java.util.Objects;

import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.validation.Validate;

/**
 * Factories for the {@link TheoremLimit}s of seed 002 (MATH.md §4) and the mean absolute error of a
 * network's eigenvector output against its limit (the seed's Table 1 quantity).
 *
 * <p>Coordinates are 0-based. Thread-safe (no state).
 */
public final class TheoremLimits {

    private TheoremLimits() {
    }

    /** u ∝ 1: limit ‖x‖/√(2πd) (VAR-1/d). */
    public static TheoremLimit uniform(int d, WeightScale scale) {
        return create(LimitFamily.UNIFORM, d, scale, -1, -1);
    }

    /** u1 ∝ (‖w_j‖) (group 0, Thm 3.1): limit c_d ‖x‖ (VAR-1/d). */
    public static TheoremLimit radial(int d, WeightScale scale) {
        return create(LimitFamily.RADIAL, d, scale, -1, -1);
    }

    /** u ∝ row a of W (group 1, Thm 3.2): limit x_a/(2√d) (VAR-1/d), x_a/2 (VAR-1). */
    public static TheoremLimit row(int d, WeightScale scale, int a) {
        return create(LimitFamily.ROW, d, scale, checkCoordinate(a, d, "a"), -1);
    }

    /** u ∝ (w_ja w_jb) (group 2, Thm 3.5): limit x_a x_b/(√(2πd)‖x‖) (VAR-1/d). Requires a ≠ b. */
    public static TheoremLimit product(int d, WeightScale scale, int a, int b) {
        checkPair(a, b, d);
        return create(LimitFamily.PRODUCT, d, scale, a, b);
    }

    /** u ∝ (w_ja w_jb/‖w_j‖) (exact group-2 eigenvector): limit √(d(d+2)) c_d/(d+1)·x_a x_b/‖x‖. */
    public static TheoremLimit normalisedProduct(int d, WeightScale scale, int a, int b) {
        checkPair(a, b, d);
        return create(LimitFamily.NORMALISED_PRODUCT, d, scale, a, b);
    }

    /** u ∝ (w_ja² − w_jb²) (group 2, Thm 3.4 type): limit (x_a² − x_b²)/(2√(2πd)‖x‖). Requires a ≠ b. */
    public static TheoremLimit difference(int d, WeightScale scale, int a, int b) {
        checkPair(a, b, d);
        return create(LimitFamily.DIFFERENCE, d, scale, a, b);
    }

    /**
     * u ∝ ((w_ja² − w_jb²)/‖w_j‖) (exact group-2 eigenvector; MATH.md's s^g with b = 0): limit
     * √(d(d+2)) c_d/(2(d+1))·(x_a² − x_b²)/‖x‖. Requires a ≠ b.
     */
    public static TheoremLimit normalisedDifference(int d, WeightScale scale, int a, int b) {
        checkPair(a, b, d);
        return create(LimitFamily.NORMALISED_DIFFERENCE, d, scale, a, b);
    }

    /** u ∝ (w_ja² − β̂‖w_j‖) (Lemma 3.3, s_a without its u1 component): limit ∝ x_a²/‖x‖ − ‖x‖/d. */
    public static TheoremLimit centredSquare(int d, WeightScale scale, int a) {
        return create(LimitFamily.CENTRED_SQUARE, d, scale, checkCoordinate(a, d, "a"), -1);
    }

    private static TheoremLimit create(LimitFamily family, int d, WeightScale scale, int a, int b) {
        Validate.positive(d, "d");
        Objects.requireNonNull(scale, "scale");
        return new TheoremLimit(family, d, scale, a, b);
    }

    private static int checkCoordinate(int a, int d, String name) {
        Validate.positive(d, "d");
        return Validate.index(a, d, name);
    }

    private static void checkPair(int a, int b, int d) {
        checkCoordinate(a, d, "a");
        checkCoordinate(b, d, "b");
        if (a == b) {
            throw new IllegalArgumentException("b must differ from a, got a = b = " + a);
        }
    }

    /**
     * Returns g_u(x_i)/√m = φ(Wᵀx_i)·u/√m for each test point, with u as given (not normalised).
     * Cost O(n·m·d), memory O(m·d).
     *
     * @param net the network (its hidden weights W)
     * @param u a vector of length m. Not modified.
     * @param testPoints n points of dimension d (rows). Not modified.
     * @return a fresh array of length n
     * @throws IllegalArgumentException if the shapes disagree or an entry is not finite
     */
    public static double[] scaledOutputs(ReluNetwork net, double[] u, double[][] testPoints) {
        Objects.requireNonNull(u, "u");
        double[][] g = scaledOutputs(net, new double[][] {u}, testPoints);
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i][0];
        }
        return out;
    }

    /**
     * Returns g_{u_k}(x_i)/√m for several vectors at once (the features φ(Wᵀx_i) are computed once per
     * point): entry [i][k]. Cost O(n·m·(d + K)), memory O(m·d).
     *
     * @param net the network
     * @param vectors K vectors of length m (rows). Not modified.
     * @param testPoints n points of dimension d (rows). Not modified.
     * @return a fresh n × K array
     * @throws IllegalArgumentException if the shapes disagree or an entry is not finite
     */
    public static double[][] scaledOutputs(ReluNetwork net, double[][] vectors, double[][] testPoints) {
        Objects.requireNonNull(net, "net");
        int m = net.width();
        int d = net.inputDimension();
        int cols = Validate.finiteMatrix(vectors, "u");
        if (cols != m) {
            throw new IllegalArgumentException("u has length " + cols + ", expected " + m + " (the width)");
        }
        int dx = Validate.finiteMatrix(testPoints, "testPoints");
        if (dx != d) {
            throw new IllegalArgumentException("testPoints has dimension " + dx + ", expected " + d);
        }
        double[][] w = net.hiddenWeights();
        int k = vectors.length;
        double root = Math.sqrt(m);
        double[][] out = new double[testPoints.length][k];
        double[] phi = new double[m];
        for (int i = 0; i < testPoints.length; i++) {
            double[] x = testPoints[i];
            for (int j = 0; j < m; j++) {
                double[] wj = w[j];
                double z = 0;
                for (int a = 0; a < d; a++) {
                    z += wj[a] * x[a];
                }
                if (z != z || z == Double.POSITIVE_INFINITY) {
                    Validate.finiteResult(z, "testPoints", "the pre-activation w_" + j + "·testPoints[" + i + "]");
                }
                phi[j] = z > 0 ? z : 0;
            }
            for (int v = 0; v < k; v++) {
                double[] u = vectors[v];
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += u[j] * phi[j];
                }
                out[i][v] = Validate.finiteResult(s / root, "testPoints", "g_u(testPoints[" + i + "])/√m");
            }
        }
        return out;
    }

    /**
     * Returns the mean absolute error (1/n) Σ_i |σ·g_u(x_i)/√m − limit(x_i)| of a network eigenvector
     * against its theorem limit, the quantity of seed 002's Table 1 (MATH.md §4).
     *
     * <p>u is first scaled to unit norm, and its sign σ ∈ {+1, −1} is chosen so that
     * Σ_i σ g_u(x_i) limit(x_i) ≥ 0 (eigenvectors have no intrinsic sign). The network must have the
     * weight scale the limit was built for (the network does not record it). The error decays like
     * m^{−1/2}. Cost O(n·m·d).
     *
     * @param net the network
     * @param u the eigenvector (any non-zero vector of length m), e.g. {@code limit.vector(net)} or an
     *     eigenvector of J. Not modified.
     * @param limit the limit to compare with; its dimension must be the network's
     * @param testPoints n test inputs (rows), typically drawn from N(0, I_d). Not modified.
     * @return the mean absolute error
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the shapes disagree, an entry is not finite, or u is zero
     */
    public static double meanAbsoluteError(ReluNetwork net, double[] u, TheoremLimit limit, double[][] testPoints) {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(limit, "limit");
        return meanAbsoluteErrors(net, new double[][] {u}, List.of(limit), testPoints)[0];
    }

    /**
     * The {@link #meanAbsoluteError} of several (vector, limit) pairs on one network, computing the
     * features once per test point. Cost O(n·m·(d + K)).
     *
     * @param net the network
     * @param vectors K non-zero vectors of length m (rows). Not modified.
     * @param limits K limits, one per vector, of the network's dimension
     * @param testPoints n test inputs (rows). Not modified.
     * @return a fresh array of K errors
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the counts or shapes disagree, an entry is not finite, or a
     *     vector is zero
     */
    public static double[] meanAbsoluteErrors(ReluNetwork net, double[][] vectors, List<TheoremLimit> limits,
            double[][] testPoints) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(vectors, "u");
        Objects.requireNonNull(limits, "limits");
        if (limits.size() != vectors.length) {
            throw new IllegalArgumentException("limits has " + limits.size() + " entries, expected " + vectors.length
                    + " (one per vector)");
        }
        double[][] unit = new double[vectors.length][];
        for (int k = 0; k < vectors.length; k++) {
            TheoremLimit limit = Objects.requireNonNull(limits.get(k), "limits[" + k + "]");
            if (limit.dimension() != net.inputDimension()) {
                throw new IllegalArgumentException("limit has dimension " + limit.dimension() + ", expected "
                        + net.inputDimension() + " (the network's input dimension)");
            }
            double[] u = Validate.finiteVector(vectors[k], "u");
            double n = Validate.finiteResult(FimEigenvectorFamilies.norm(u), "u", "‖u[" + k + "]‖");
            if (!(n > 0)) {
                throw new IllegalArgumentException("u must be non-zero, got the zero vector");
            }
            unit[k] = u.clone();
            for (int j = 0; j < u.length; j++) {
                unit[k][j] /= n;
            }
        }
        double[][] g = scaledOutputs(net, unit, testPoints);
        double[] errors = new double[vectors.length];
        for (int k = 0; k < vectors.length; k++) {
            double[] target = limits.get(k).limits(testPoints);
            double dot = 0;
            for (int i = 0; i < target.length; i++) {
                dot += g[i][k] * target[i];
            }
            double sign = dot >= 0 ? 1 : -1;
            double sum = 0;
            for (int i = 0; i < target.length; i++) {
                sum += Math.abs(sign * g[i][k] - target[i]);
            }
            errors[k] = sum / target.length;
        }
        return errors;
    }
}
