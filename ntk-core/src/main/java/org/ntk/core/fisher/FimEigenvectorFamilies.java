package org.ntk.core.fisher;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ntk.core.network.ReluNetwork;
import org.ntk.core.validation.Validate;

/**
 * The theoretical eigenvector families of the Fisher information matrix J of a two-layer ReLU
 * network (MATH.md §2.3, §3.6): the vectors u ∝ (E_x[φ(w_j·x) F(x)])_j of the eigenfunctions F of
 * degree 0, 1 and 2, which span the three eigenvalue clusters of {@link ClusterPrediction}.
 *
 * <ul>
 *   <li>group 0: u1 ∝ (‖w_1‖, …, ‖w_m‖), the column norms of W (MATH.md's W is d×m; here the rows of
 *       {@link ReluNetwork#hiddenWeights()}) — not the uniform vector (MATH.md §10.5);</li>
 *   <li>group 1: the d rows w^(a) = (w_1a, …, w_ma) of W;</li>
 *   <li>group 2: q^{ab} = (w_ja w_jb/‖w_j‖)_j for a &lt; b, and s^g = ((w_jg² − w_j1²)/‖w_j‖)_j with its
 *       component along u1 removed (g = 2..d), or their Helmert combinations.</li>
 * </ul>
 * Indices are 0-based: MATH.md's w_j1 is {@code hiddenWeights()[j][0]}. A zero weight vector w_j
 * contributes 0 to every family (0/0 := 0).
 *
 * <p>The network's weights are copied once (O(m·d)); every accessor computes a fresh array from them
 * (costs stated per method). Immutable and thread-safe.
 */
public final class FimEigenvectorFamilies {

    private final int d;
    private final int m;
    /** m×d row-major: row j is w_j. */
    private final double[] w;
    private final double[] norms;

    private FimEigenvectorFamilies(int d, int m, double[] w, double[] norms) {
        this.d = d;
        this.m = m;
        this.w = w;
        this.norms = norms;
    }

    /**
     * Reads the hidden weights of {@code net}.
     *
     * @throws NullPointerException if net is null
     * @throws IllegalArgumentException if a hidden weight vector has norm ≥ 2^500 (≈ 3e150), where the
     *     families' products of weights would overflow
     */
    public static FimEigenvectorFamilies of(ReluNetwork net) {
        Objects.requireNonNull(net, "net");
        int d = net.inputDimension();
        int m = net.width();
        double[][] rows = net.hiddenWeights();
        double[] w = new double[m * d];
        double[] norms = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int a = 0; a < d; a++) {
                double v = rows[j][a];
                w[j * d + a] = v;
                s += v * v;
            }
            norms[j] = Math.sqrt(s);
            if (!(norms[j] < 0x1p500)) {
                // the families multiply up to three weights: keep w_ja·w_jb·‖w_j‖ far from overflow
                throw new IllegalArgumentException("net hidden weight w_" + j + " must have norm < 2^500, got "
                        + norms[j]);
            }
        }
        return new FimEigenvectorFamilies(d, m, w, norms);
    }

    /** The input dimension d. */
    public int inputDimension() {
        return d;
    }

    /** The width m (the length of every vector). */
    public int width() {
        return m;
    }

    /** The column norms (‖w_1‖, …, ‖w_m‖), a fresh array. O(m). */
    public double[] columnNorms() {
        return norms.clone();
    }

    /** u1 = (‖w_j‖)_j / ‖(‖w_j‖)_j‖, the unit group-0 vector. O(m). */
    public double[] radial() {
        return unit(norms.clone());
    }

    /** The d rows w^(a) ∈ R^m of W (unnormalised), a fresh d × m array. O(m·d). */
    public double[][] rows() {
        double[][] r = new double[d][m];
        for (int j = 0; j < m; j++) {
            for (int a = 0; a < d; a++) {
                r[a][j] = w[j * d + a];
            }
        }
        return r;
    }

    /**
     * The d(d−1)/2 vectors q^{ab} = (w_ja w_jb/‖w_j‖)_j, pairs a &lt; b in lexicographic order
     * (unnormalised). O(m·d²).
     */
    public double[][] products() {
        long count = (long) d * (d - 1) / 2;
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("d must be at most 65536 for the d(d−1)/2 product vectors, got " + d);
        }
        Validate.heapFits(count * m, count + " product vectors of length " + m, "use a smaller input dimension");
        double[][] q = new double[(int) count][m];
        for (int j = 0; j < m; j++) {
            double inv = norms[j] > 0 ? 1 / norms[j] : 0;
            int idx = 0;
            for (int a = 0; a < d; a++) {
                for (int b = a + 1; b < d; b++, idx++) {
                    q[idx][j] = w[j * d + a] * w[j * d + b] * inv;
                }
            }
        }
        return q;
    }

    /** The pairs (a, b) of {@link #products()}, in order, 0-based. */
    public int[][] productPairs() {
        long count = (long) d * (d - 1) / 2;
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("d must be at most 65536 for the d(d−1)/2 pairs, got " + d);
        }
        Validate.heapFits(count * 4, count + " index pairs", "use a smaller input dimension");
        int[][] pairs = new int[(int) count][];
        int idx = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                pairs[idx++] = new int[] {a, b};
            }
        }
        return pairs;
    }

    /**
     * The d − 1 vectors s^g = ((w_jg² − w_j0²)/‖w_j‖)_j minus their component along u1, g = 1..d−1
     * (MATH.md's g = 2..d; unnormalised). They are not mutually orthogonal (their limit Gram matrix is
     * ∝ I + 11ᵀ); see {@link #helmert()}. O(m·d).
     */
    public double[][] diagonals() {
        double[] u1 = radial();
        double[][] s = new double[Math.max(d - 1, 0)][m];
        for (int g = 1; g < d; g++) {
            double[] v = s[g - 1];
            for (int j = 0; j < m; j++) {
                double inv = norms[j] > 0 ? 1 / norms[j] : 0;
                double x0 = w[j * d];
                double xg = w[j * d + g];
                v[j] = (xg * xg - x0 * x0) * inv;
            }
            removeComponent(v, u1);
        }
        return s;
    }

    /**
     * The d − 1 Helmert combinations of h_a = (w_ja²/‖w_j‖)_j: for k = 1..d−1,
     * h_0 + … + h_{k−1} − k h_k, with the component along u1 removed and scaled to unit norm (the
     * vectors of the orthonormal functions Ĥ_k of MATH.md §3.4; orthogonal in the large-m limit).
     * O(m·d).
     */
    public double[][] helmert() {
        double[] u1 = radial();
        double[][] s = new double[Math.max(d - 1, 0)][m];
        for (int j = 0; j < m; j++) {
            double inv = norms[j] > 0 ? 1 / norms[j] : 0;
            double prefix = 0;
            for (int k = 1; k < d; k++) {
                double prev = w[j * d + k - 1];
                prefix += prev * prev;
                double xk = w[j * d + k];
                s[k - 1][j] = (prefix - k * xk * xk) * inv;
            }
        }
        for (double[] v : s) {
            removeComponent(v, u1);
            unit(v);
        }
        return s;
    }

    /**
     * An orthonormal basis (rows, each of length m) of the predicted span of one group, orthogonal to
     * the predicted spans of the lower groups (as the true eigenspaces are): group 0 is {u1}; group 1
     * the span of the rows of W with u1 projected out; group 2 the span of the q^{ab} and the Helmert
     * combinations with u1 and the rows projected out. Without that projection the finite-m leakage
     * of the group-2 vectors into the large eigenvalues of groups 0 and 1 would bias their Rayleigh
     * quotients upwards by several per cent. Modified Gram–Schmidt applied twice, in the order of the
     * families; a vector whose norm falls below 1e−10 of its original norm (linearly dependent, e.g.
     * when m is smaller than the number of vectors) is dropped, so fewer rows than the multiplicity
     * may come back. O(m·n²) for the n vectors of groups 0..group.
     *
     * @param group 0, 1 or 2
     * @throws IllegalArgumentException if group is not 0, 1 or 2
     */
    public double[][] orthonormalBasis(int group) {
        if (group < 0 || group > 2) {
            throw new IllegalArgumentException("group must be 0, 1 or 2, got " + group);
        }
        List<double[]> lower = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        for (int g = 0; g <= group; g++) {
            List<double[]> in = new ArrayList<>();
            if (g == 0) {
                in.add(radial());
            } else if (g == 1) {
                in.addAll(List.of(rows()));
            } else {
                in.addAll(List.of(products()));
                in.addAll(List.of(helmert()));
            }
            out = new ArrayList<>();
            for (double[] v : in) {
                double original = norm(v);
                if (!(original > 0)) {
                    continue;
                }
                for (int pass = 0; pass < 2; pass++) {
                    for (double[] q : lower) {
                        removeComponent(v, q);
                    }
                    for (double[] q : out) {
                        removeComponent(v, q);
                    }
                }
                double n = norm(v);
                if (n > 1e-10 * original) {
                    for (int j = 0; j < v.length; j++) {
                        v[j] /= n;
                    }
                    out.add(v);
                }
            }
            lower.addAll(out);
        }
        return out.toArray(new double[0][]);
    }

    /** v ← v − (v·q) q for a unit q. */
    static void removeComponent(double[] v, double[] q) {
        double dot = 0;
        for (int j = 0; j < v.length; j++) {
            dot += v[j] * q[j];
        }
        for (int j = 0; j < v.length; j++) {
            v[j] -= dot * q[j];
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Scales v to unit norm in place (a zero vector stays zero) and returns it. */
    static double[] unit(double[] v) {
        double n = norm(v);
        if (n > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= n;
            }
        }
        return v;
    }
}
