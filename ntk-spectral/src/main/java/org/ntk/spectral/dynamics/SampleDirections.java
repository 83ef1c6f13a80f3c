package org.ntk.spectral.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ntk.core.basis.BasisFunction;
import org.ntk.core.basis.EigenfunctionBasis;
import org.ntk.core.validation.Validate;

/**
 * An orthonormal set of directions in R^n (functions restricted to a sample of n points), each with a
 * label and a group, on which a gradient-descent residual is projected.
 *
 * <p>Two sources: eigenfunctions evaluated on the sample and orthonormalised there
 * ({@link #eigenfunctions}, {@link #orthonormalised}), or eigenvectors of the sample operator K/n
 * grouped by cluster ({@link #eigenvectors}). Orthonormalisation is modified Gram–Schmidt, applied
 * twice, in the order given: the first direction is the first vector normalised, and so on, so earlier
 * vectors are kept as they are as far as possible.
 *
 * <p>Immutable and thread-safe; arrays in are copied, arrays out are fresh copies. Memory k·n doubles.
 */
public final class SampleDirections {

    /** A vector whose remaining norm after projection falls below this fraction of its own is dependent. */
    private static final double DEPENDENCE_TOLERANCE = 1e-10;

    private final int n;
    private final List<String> labels;
    private final int[] groups;
    /** Direction g at [g·n, (g+1)·n), unit norm, mutually orthogonal. */
    private final double[] vectors;

    private SampleDirections(int n, List<String> labels, int[] groups, double[] vectors) {
        this.n = n;
        this.labels = List.copyOf(labels);
        this.groups = groups;
        this.vectors = vectors;
    }

    /**
     * Orthonormalises the given vectors on the sample (modified Gram–Schmidt, twice, in order).
     *
     * <p>Cost O(k²·n).
     *
     * @param labels one label per vector. Not modified.
     * @param groups one group index (≥ 0) per vector, e.g. the eigenfunction degree. Not modified.
     * @param vectors k vectors of equal length n ≥ k, finite. Not modified.
     * @return the orthonormal directions
     * @throws NullPointerException if an argument, label or vector is null
     * @throws IllegalArgumentException if the counts disagree, a group is negative, a vector is not
     *     finite or of the wrong length, or a vector is linearly dependent on the preceding ones (its
     *     remaining norm ≤ 1e-10 of its own norm)
     */
    public static SampleDirections orthonormalised(List<String> labels, int[] groups, double[][] vectors) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(groups, "groups");
        int n = Validate.finiteMatrix(vectors, "vectors");
        int k = vectors.length;
        if (labels.size() != k) {
            throw new IllegalArgumentException("labels has " + labels.size() + " entries, expected " + k
                    + " (one per vector)");
        }
        if (groups.length != k) {
            throw new IllegalArgumentException("groups has length " + groups.length + ", expected " + k
                    + " (one per vector)");
        }
        for (int g = 0; g < k; g++) {
            Objects.requireNonNull(labels.get(g), "labels[" + g + "]");
            if (groups[g] < 0) {
                throw new IllegalArgumentException("groups[" + g + "] must be >= 0, got " + groups[g]);
            }
        }
        if (k > n) {
            throw new IllegalArgumentException("vectors must number at most their length n = " + n + ", got " + k);
        }
        double[] q = new double[k * n];
        for (int g = 0; g < k; g++) {
            double[] v = vectors[g].clone();
            double norm0 = norm(v, 0, n);
            if (!(norm0 > 0)) {
                throw new IllegalArgumentException("vectors[" + g + "] must be non-zero, got norm 0");
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int h = 0; h < g; h++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[h * n + i] * v[i];
                    }
                    for (int i = 0; i < n; i++) {
                        v[i] -= dot * q[h * n + i];
                    }
                }
            }
            double rest = norm(v, 0, n);
            if (!(rest > DEPENDENCE_TOLERANCE * norm0)) {
                throw new IllegalArgumentException("vectors[" + g + "] (" + labels.get(g) + ") must be linearly"
                        + " independent of the preceding vectors, got remaining norm " + rest + " of " + norm0);
            }
            for (int i = 0; i < n; i++) {
                q[g * n + i] = v[i] / rest;
            }
        }
        return new SampleDirections(n, labels, groups.clone(), q);
    }

    /**
     * The degree-0, 1 and 2 eigenfunctions of the random-feature ({@code arccos1}) kernel under
     * x ~ N(0, I_d) (MATH.md §3.4), evaluated on the sample and orthonormalised there, in this order
     * and with these groups (the degree) and labels (1-based indices as in MATH.md):
     * <pre>
     *   group 0:  "|x|"                                  F0 = ‖x‖
     *   group 1:  "x1", …, "xd"                          F_l = x_l
     *   group 2:  "x1x2/|x|", …  (a &lt; b, lexicographic)   F_ab = x_a x_b/‖x‖
     *             "H1", …, "H(d−1)"                      Helmert Ĥ_k ∝ (x_1² + … + x_k² − k x_{k+1}²)/‖x‖
     * </pre>
     * 1 + d + d(d+1)/2 − 1 directions in all. The population functions are orthogonal in
     * L²(N(0, I_d)); on a finite sample they are only nearly so (inner products O(n^{-1/2})), and
     * Gram–Schmidt in this order removes the overlap from the later (lower-eigenvalue) ones. A zero
     * input gives 0 in every function. Values from {@link EigenfunctionBasis#orthonormal} (p = 1).
     *
     * <p>Cost O(n·d² + n·d⁴).
     *
     * @param x n inputs of dimension d ≥ 1 (rows), n ≥ (d+1)(d+2)/2 − 1. Not modified.
     * @return the directions
     * @throws NullPointerException if x or a row is null
     * @throws IllegalArgumentException if x is empty, ragged or not finite, n is too small, or the
     *     functions are linearly dependent on the sample
     */
    public static SampleDirections eigenfunctions(double[][] x) {
        int d = Validate.finiteMatrix(x, "x");
        int n = x.length;
        EigenfunctionBasis basis = EigenfunctionBasis.orthonormal(d, 1);
        int k = basis.size();
        if (n < k) {
            throw new IllegalArgumentException("x must have at least " + k + " rows (the number of degree ≤ 2"
                    + " eigenfunctions for d = " + d + "), got " + n);
        }
        double[][] values = basis.evaluate(x);
        List<String> labels = new ArrayList<>(k);
        int[] groups = new int[k];
        double[][] v = new double[k][n];
        for (int g = 0; g < k; g++) {
            BasisFunction f = basis.functions().get(g);
            labels.add(label(f));
            groups[g] = f.degree();
            for (int i = 0; i < n; i++) {
                v[g][i] = values[i][g];
            }
        }
        return orthonormalised(labels, groups, v);
    }

    /** "|x|", "x1", "x1x2/|x|", "H1" (1-based, as in MATH.md). */
    private static String label(BasisFunction f) {
        switch (f.family()) {
            case RADIAL:
                return "|x|";
            case LINEAR:
                return "x" + (f.a() + 1);
            case PRODUCT:
                return "x" + (f.a() + 1) + "x" + (f.b() + 1) + "/|x|";
            default:
                return "H" + f.a();
        }
    }

    /**
     * The leading eigenvectors of the sample operator K/n, grouped by cluster: the first
     * {@code clusterSizes[0]} eigenvectors form group 0, the next {@code clusterSizes[1]} group 1, and
     * so on; labels are "u0", "u1", …. For the random-feature kernel the clusters are 1, d and
     * d(d+1)/2 − 1 (MATH.md §3.4).
     *
     * @param spectrum the spectrum of K/n
     * @param clusterSizes the sizes, each ≥ 1, summing to at most n. Not modified.
     * @return the directions (the eigenvectors are already orthonormal)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a size is &lt; 1 or the sizes sum to more than n
     */
    public static SampleDirections eigenvectors(SampleSpectrum spectrum, int[] clusterSizes) {
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(clusterSizes, "clusterSizes");
        int n = spectrum.size();
        long total = 0;
        for (int c = 0; c < clusterSizes.length; c++) {
            if (clusterSizes[c] < 1) {
                throw new IllegalArgumentException("clusterSizes[" + c + "] must be >= 1, got " + clusterSizes[c]);
            }
            total += clusterSizes[c];
        }
        if (total < 1 || total > n) {
            throw new IllegalArgumentException("clusterSizes must sum to between 1 and n = " + n + ", got " + total);
        }
        int k = (int) total;
        List<String> labels = new ArrayList<>(k);
        int[] groups = new int[k];
        double[] q = new double[k * n];
        int g = 0;
        for (int c = 0; c < clusterSizes.length; c++) {
            for (int j = 0; j < clusterSizes[c]; j++, g++) {
                labels.add("u" + g);
                groups[g] = c;
                System.arraycopy(spectrum.eigenvector(g), 0, q, g * n, n);
            }
        }
        return new SampleDirections(n, labels, groups, q);
    }

    private static double norm(double[] v, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[off + i] * v[off + i];
        }
        return Math.sqrt(s);
    }

    /** The number of directions k. */
    public int count() {
        return groups.length;
    }

    /** The length n of each direction (the sample size). */
    public int length() {
        return n;
    }

    /** The label of direction g. */
    public String label(int g) {
        return labels.get(Objects.checkIndex(g, groups.length));
    }

    /** The labels, in order (an unmodifiable list). */
    public List<String> labels() {
        return labels;
    }

    /** The group of direction g. */
    public int group(int g) {
        return groups[Objects.checkIndex(g, groups.length)];
    }

    /** Returns a fresh copy of the groups. */
    public int[] groups() {
        return groups.clone();
    }

    /** Returns a fresh copy of unit direction g. */
    public double[] vector(int g) {
        Objects.checkIndex(g, groups.length);
        double[] v = new double[n];
        System.arraycopy(vectors, g * n, v, 0, n);
        return v;
    }

    /**
     * Returns the projections q_g·r of a vector on every direction. Cost O(k·n).
     *
     * @param r a vector of length n. Not modified.
     * @throws NullPointerException if r is null
     * @throws IllegalArgumentException if r has the wrong length or is not finite
     */
    public double[] project(double[] r) {
        Validate.finiteVector(r, "r");
        if (r.length != n) {
            throw new IllegalArgumentException("r has length " + r.length + ", expected " + n);
        }
        return projectTrusted(r);
    }

    /** Projections without validation (r may be non-finite; the result then is too). */
    double[] projectTrusted(double[] r) {
        int k = groups.length;
        double[] p = new double[k];
        for (int g = 0; g < k; g++) {
            double s = 0;
            int off = g * n;
            for (int i = 0; i < n; i++) {
                s += vectors[off + i] * r[i];
            }
            p[g] = s;
        }
        return p;
    }
}
