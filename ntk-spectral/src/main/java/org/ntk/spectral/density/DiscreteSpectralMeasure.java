package org.ntk.spectral.density;

import java.util.Arrays;
import java.util.Objects;

import org.ntk.core.validation.Validate;

/**
 * A finite measure Σ_i w_i δ_{λ_i} on the real line: the eigenvalue distribution of a matrix, a
 * stochastic-Lanczos estimate of one, or a discretised population law H (MATH.md §8.3).
 *
 * <p>Nodes need not be sorted or distinct; weights are non-negative. {@link #ofEigenvalues} gives the
 * empirical spectral distribution (1/n) Σ δ_{λ_i} of total weight 1. Smoothed densities are
 * Σ_i w_i k_w(x − λ_i) for a {@link Broadening} kernel k of width w; with {@link Broadening#CAUCHY} and
 * width η this is Im m(x + iη)/π, m(z) = Σ w_i/(λ_i − z).
 *
 * <p>Immutable: arrays are copied in and out. Densities cost O(grid · nodes).
 *
 * @param nodes the atoms λ_i, finite, at least one
 * @param weights the weights w_i ≥ 0, finite, one per node
 */
public record DiscreteSpectralMeasure(double[] nodes, double[] weights) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if nodes is empty, the lengths differ, or an entry is not
     *     finite or a weight is negative
     */
    public DiscreteSpectralMeasure {
        Validate.finiteVector(nodes, "nodes");
        Validate.finiteVector(weights, "weights");
        if (weights.length != nodes.length) {
            throw new IllegalArgumentException("weights has length " + weights.length + ", expected "
                    + nodes.length + " (the number of nodes)");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weights[" + i + "] must be >= 0, got " + weights[i]);
            }
        }
        nodes = nodes.clone();
        weights = weights.clone();
    }

    /**
     * The empirical spectral distribution (1/n) Σ_i δ_{λ_i} of n eigenvalues.
     *
     * @param eigenvalues n ≥ 1 finite values. Not modified.
     * @throws IllegalArgumentException if empty or not finite
     */
    public static DiscreteSpectralMeasure ofEigenvalues(double[] eigenvalues) {
        Validate.finiteVector(eigenvalues, "eigenvalues");
        double[] w = new double[eigenvalues.length];
        Arrays.fill(w, 1.0 / eigenvalues.length);
        return new DiscreteSpectralMeasure(eigenvalues, w);
    }

    /** The atoms, as a fresh copy. */
    @Override
    public double[] nodes() {
        return nodes.clone();
    }

    /** The weights, as a fresh copy. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The number of atoms. */
    public int size() {
        return nodes.length;
    }

    /** Σ_i w_i. */
    public double totalWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /**
     * The j-th moment Σ_i w_i λ_i^j.
     *
     * @param j the order, ≥ 0
     * @throws IllegalArgumentException if j &lt; 0
     */
    public double moment(int j) {
        Validate.nonNegative(j, "j");
        double s = 0;
        for (int i = 0; i < nodes.length; i++) {
            s += weights[i] * pow(nodes[i], j);
        }
        return s;
    }

    /** The smallest node. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double x : nodes) {
            m = Math.min(m, x);
        }
        return m;
    }

    /** The largest node. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : nodes) {
            m = Math.max(m, x);
        }
        return m;
    }

    /**
     * The smoothed density Σ_i w_i k(x − λ_i) at every grid point.
     *
     * @param grid the points x, finite, any order. Not modified.
     * @param broadening the kernel k
     * @param width its width (σ or η), finite and &gt; 0
     * @return a fresh array, one value per grid point
     * @throws IllegalArgumentException if the grid is empty or not finite, or width is not finite and &gt; 0
     */
    public double[] density(double[] grid, Broadening broadening, double width) {
        Validate.finiteVector(grid, "grid");
        Objects.requireNonNull(broadening, "broadening");
        Validate.positive(width, "width");
        double[] out = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double x = grid[g];
            double s = 0;
            for (int i = 0; i < nodes.length; i++) {
                s += weights[i] * broadening.kernel(x - nodes[i], width);
            }
            out[g] = s;
        }
        return out;
    }

    static double pow(double x, int j) {
        double r = 1;
        for (int k = 0; k < j; k++) {
            r *= x;
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscreteSpectralMeasure m && Arrays.equals(nodes, m.nodes)
                && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nodes) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "DiscreteSpectralMeasure[size=" + nodes.length + ", totalWeight=" + totalWeight() + "]";
    }
}
