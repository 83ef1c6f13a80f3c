package org.ntk.spectral.density;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of stochastic Lanczos quadrature: one Gauss quadrature measure per probe, and their
 * average, an estimate of the spectral distribution (1/n) Σ_i δ_{λ_i} of the matrix.
 *
 * <p>Probe p with unit start vector q_p gives a measure Σ_k w_k δ_{τ_k} (weights summing to 1) whose
 * moments equal q_pᵀ K^j q_p exactly for j ≤ 2m − 1 (m the Lanczos steps taken); the average over
 * probes is an unbiased estimate of tr(K^j)/n (Hutchinson). The {@linkplain #momentStandardError
 * standard error} is the sample standard deviation over probes divided by √probes.
 *
 * <p>Immutable.
 *
 * @param size n, the size of the matrix
 * @param probeMeasures one quadrature measure per probe, in probe order
 */
public record SlqEstimate(int size, List<DiscreteSpectralMeasure> probeMeasures) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if size &lt; 1 or there are no probes
     */
    public SlqEstimate {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        probeMeasures = List.copyOf(Objects.requireNonNull(probeMeasures, "probeMeasures"));
        if (probeMeasures.isEmpty()) {
            throw new IllegalArgumentException("probeMeasures must not be empty, got 0 probes");
        }
    }

    /** The number of probes. */
    public int probes() {
        return probeMeasures.size();
    }

    /** The averaged measure: every probe's nodes with its weights divided by the number of probes. */
    public DiscreteSpectralMeasure measure() {
        int total = 0;
        for (DiscreteSpectralMeasure m : probeMeasures) {
            total += m.size();
        }
        double[] nodes = new double[total];
        double[] weights = new double[total];
        int at = 0;
        double scale = 1.0 / probeMeasures.size();
        for (DiscreteSpectralMeasure m : probeMeasures) {
            double[] x = m.nodes();
            double[] w = m.weights();
            for (int k = 0; k < x.length; k++) {
                nodes[at] = x[k];
                weights[at] = w[k] * scale;
                at++;
            }
        }
        return new DiscreteSpectralMeasure(nodes, weights);
    }

    /**
     * The estimate of tr(K^j)/n: the mean over probes of Σ_k w_k τ_k^j.
     *
     * @param j the order, ≥ 0
     * @throws IllegalArgumentException if j &lt; 0
     */
    public double moment(int j) {
        double s = 0;
        for (DiscreteSpectralMeasure m : probeMeasures) {
            s += m.moment(j);
        }
        return s / probeMeasures.size();
    }

    /**
     * The Monte Carlo standard error of {@link #moment(int)}: the sample standard deviation of the
     * per-probe moments over √probes; NaN with a single probe.
     *
     * @param j the order, ≥ 0
     * @throws IllegalArgumentException if j &lt; 0
     */
    public double momentStandardError(int j) {
        int p = probeMeasures.size();
        if (p < 2) {
            return Double.NaN;
        }
        double mean = moment(j);
        double ss = 0;
        for (DiscreteSpectralMeasure m : probeMeasures) {
            double e = m.moment(j) - mean;
            ss += e * e;
        }
        return Math.sqrt(ss / (p - 1) / p);
    }

    /**
     * The smoothed density estimate on a grid: {@link #measure()} convolved with the broadening kernel.
     *
     * @param grid the points, finite. Not modified.
     * @param broadening Gaussian (σ) or Cauchy (η)
     * @param width σ or η, finite and &gt; 0
     * @return a fresh array, one value per grid point
     * @throws IllegalArgumentException if the grid is empty or not finite or width is not &gt; 0
     */
    public double[] density(double[] grid, Broadening broadening, double width) {
        return measure().density(grid, broadening, width);
    }

    /** The nodes of every probe, in probe order (for plotting the raw quadrature). */
    public List<double[]> probeNodes() {
        List<double[]> out = new ArrayList<>();
        for (DiscreteSpectralMeasure m : probeMeasures) {
            out.add(m.nodes());
        }
        return out;
    }
}
