package org.ntk.spectral.density;

import org.ntk.core.validation.Validate;

/**
 * The spectrum of one simulated Benigni–Paquette matrix K (MATH.md §8), with its empirical smoothed
 * density and outliers.
 *
 * <p>K has rank at most d·p (MATH.md §8.2), so when n &gt; dp its n − dp smallest eigenvalues are
 * zero up to rounding: the {@linkplain #structuralZeros() structural zeros}, the finite-size
 * counterpart of the atom (1 − 1/γ1)_+. The {@linkplain #density empirical density} leaves them out
 * so that it compares with {@link DensityPrediction#density()}, the continuous part of the limit.
 *
 * <p>Immutable; arrays are copied in and out.
 *
 * @param n the number of samples (rows of X)
 * @param d the input dimension
 * @param p the number of hidden units
 * @param seed the seed the matrix was drawn with
 * @param eigenvalues all n eigenvalues of K, non-increasing
 */
public record BenigniPaquetteSimulation(int n, int d, int p, long seed, double[] eigenvalues) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if there are not n finite eigenvalues
     */
    public BenigniPaquetteSimulation {
        Validate.finiteVector(eigenvalues, "eigenvalues");
        Validate.length(eigenvalues, n, "eigenvalues");
        eigenvalues = eigenvalues.clone();
    }

    /** All n eigenvalues, non-increasing, as a fresh copy. */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** max(0, n − dp), the number of eigenvalues that are zero because rank K ≤ dp. */
    public int structuralZeros() {
        return (int) Math.max(0L, n - (long) d * p);
    }

    /** structuralZeros()/n, the finite-size atom at 0. */
    public double atom() {
        return (double) structuralZeros() / n;
    }

    /**
     * The η-smoothed empirical density (1/n) Σ_i Im 1/(λ_i − x − iη)/π over every eigenvalue except the
     * structural zeros (outliers included).
     *
     * @param grid the points, finite. Not modified.
     * @param eta η, finite and &gt; 0
     * @return a fresh array, one value per grid point
     * @throws IllegalArgumentException if the grid is empty or not finite, or eta is not finite and &gt; 0
     */
    public double[] density(double[] grid, double eta) {
        Validate.finiteVector(grid, "grid");
        Validate.positive(eta, "eta");
        int kept = n - structuralZeros();
        double[] out = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double x = grid[g];
            double s = 0;
            for (int i = 0; i < kept; i++) {
                double e = eigenvalues[i] - x;
                s += eta / (e * e + eta * eta);
            }
            out[g] = s / (Math.PI * n);
        }
        return out;
    }

    /**
     * The eigenvalues strictly above a threshold (the outliers when the threshold lies in the gap above
     * the bulk), non-increasing.
     *
     * @param threshold the cut, finite
     * @return a fresh array
     * @throws IllegalArgumentException if threshold is not finite
     */
    public double[] eigenvaluesAbove(double threshold) {
        Validate.finite(threshold, "threshold");
        int k = 0;
        while (k < n && eigenvalues[k] > threshold) {
            k++;
        }
        return java.util.Arrays.copyOf(eigenvalues, k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BenigniPaquetteSimulation q && n == q.n && d == q.d && p == q.p && seed == q.seed
                && java.util.Arrays.equals(eigenvalues, q.eigenvalues);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(n, d, p, seed, java.util.Arrays.hashCode(eigenvalues));
    }

    @Override
    public String toString() {
        return "BenigniPaquetteSimulation[n=" + n + ", d=" + d + ", p=" + p + ", seed=" + seed + ", max="
                + eigenvalues[0] + "]";
    }
}
