package org.ntk.spectral.density;

import org.ntk.core.validation.Validate;

/**
 * A predicted limiting spectral density on a grid, with the parts of the spectrum that are not in it:
 * the atom at 0 and the outliers (MATH.md §8.3–8.4).
 *
 * <p>{@code density} is the η-smoothed (Cauchy) density of the absolutely continuous part, so its
 * integral over the grid approaches 1 − {@code atom} as the grid covers the bulk and η → 0 (the
 * Cauchy tails put a mass of about (2η/π)(1/gap) outside any window). The outliers are predicted at
 * finite size only: {@code outlierCount} eigenvalues near {@code outlierLocation}, carried by a
 * low-rank part of the matrix, a vanishing fraction of the spectrum, not part of the limiting law; and
 * one more near {@code extraOutlierLocation} (see {@link BenigniPaquetteModel#extraOutlierLocation()}),
 * which stands out from the bulk when it lies above {@code upperEdge}.
 *
 * <p>Immutable; arrays are copied in and out.
 *
 * @param grid the points x, ascending
 * @param density the smoothed density of the continuous part at each grid point
 * @param eta the Cauchy smoothing width η
 * @param atom the mass at 0
 * @param lowerEdge the left edge of the non-zero part of the limiting support
 * @param upperEdge the right edge of the limiting support (the bulk)
 * @param mean the mean of the limiting law (of the bulk, the atom contributing 0)
 * @param outlierCount the predicted number of outliers at the finite size
 * @param outlierLocation their predicted approximate location
 * @param extraOutlierLocation the predicted approximate location of the one further outlier
 */
public record DensityPrediction(double[] grid, double[] density, double eta, double atom, double lowerEdge,
        double upperEdge, double mean, int outlierCount, double outlierLocation, double extraOutlierLocation) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public DensityPrediction {
        Validate.finiteVector(grid, "grid");
        Validate.length(density, grid.length, "density");
        grid = grid.clone();
        density = density.clone();
    }

    /** The grid, as a fresh copy. */
    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** The density values, as a fresh copy. */
    @Override
    public double[] density() {
        return density.clone();
    }

    /** The trapezoid-rule integral of the density over the grid. */
    public double integral() {
        return trapezoid(grid, density);
    }

    /**
     * The trapezoid-rule L1 distance ∫|density − other| over the grid, e.g. to an empirical density
     * smoothed with the same η.
     *
     * @param other values on the same grid. Not modified.
     * @throws IllegalArgumentException if the length differs from the grid's
     */
    public double l1Distance(double[] other) {
        Validate.length(other, grid.length, "other");
        double[] diff = new double[grid.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = Math.abs(density[i] - other[i]);
        }
        return trapezoid(grid, diff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DensityPrediction q && java.util.Arrays.equals(grid, q.grid)
                && java.util.Arrays.equals(density, q.density) && Double.compare(eta, q.eta) == 0
                && Double.compare(atom, q.atom) == 0 && Double.compare(lowerEdge, q.lowerEdge) == 0
                && Double.compare(upperEdge, q.upperEdge) == 0 && Double.compare(mean, q.mean) == 0
                && outlierCount == q.outlierCount && Double.compare(outlierLocation, q.outlierLocation) == 0
                && Double.compare(extraOutlierLocation, q.extraOutlierLocation) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(grid), java.util.Arrays.hashCode(density), eta, atom,
                lowerEdge, upperEdge, mean, outlierCount, outlierLocation, extraOutlierLocation);
    }

    @Override
    public String toString() {
        return "DensityPrediction[points=" + grid.length + ", eta=" + eta + ", atom=" + atom + ", edges=[" + lowerEdge
                + ", " + upperEdge + "], mean=" + mean + ", outliers=" + outlierCount + "@" + outlierLocation
                + " + 1@" + extraOutlierLocation + "]";
    }

    static double trapezoid(double[] x, double[] y) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += 0.5 * (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
        }
        return s;
    }
}
