package org.ntk.spectral.dynamics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of an {@link EigenfunctionDecay} experiment: per eigenfunction direction and per group,
 * the observed decay rate of the gradient-descent residual and its finite-sample and population
 * predictions. Immutable; arrays are copied in and out.
 *
 * @param experiment the parameters that produced it
 * @param population the Mercer eigenvalues λ0, λ1, λ2 (MATH.md §3.4)
 * @param leadingEigenvalues the largest eigenvalues of K/n, non-increasing (the three clusters and one
 *     more)
 * @param directions one entry per eigenfunction direction, in {@link SampleDirections#eigenfunctions}
 *     order
 * @param groups one entry per degree 0, 1, 2
 */
public record EigenfunctionDecayResult(EigenfunctionDecay experiment, PopulationEigenvalues population,
        double[] leadingEigenvalues, List<DirectionDecay> directions, List<GroupDecay> groups) {

    /**
     * Copies.
     *
     * @throws NullPointerException if an argument is null
     */
    public EigenfunctionDecayResult {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(population, "population");
        leadingEigenvalues = leadingEigenvalues.clone();
        directions = List.copyOf(directions);
        groups = List.copyOf(groups);
    }

    @Override
    public double[] leadingEigenvalues() {
        return leadingEigenvalues.clone();
    }

    /** The largest |observed/predicted − 1| over the directions, against the finite-sample prediction. */
    public double maxSampleRelativeError() {
        double e = 0;
        for (DirectionDecay dd : directions) {
            e = Math.max(e, Math.abs(dd.sampleRelativeError()));
        }
        return e;
    }

    /** Value equality: equal parts, the eigenvalues element by element. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EigenfunctionDecayResult r && experiment.equals(r.experiment)
                && population.equals(r.population) && Arrays.equals(leadingEigenvalues, r.leadingEigenvalues)
                && directions.equals(r.directions) && groups.equals(r.groups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(experiment, population, Arrays.hashCode(leadingEigenvalues), directions, groups);
    }

    @Override
    public String toString() {
        return "EigenfunctionDecayResult[" + experiment + ", maxSampleRelativeError=" + maxSampleRelativeError()
                + ", groups=" + groups + "]";
    }
}
