package org.ntk.bench.report;

import java.util.List;
import java.util.Objects;

/**
 * Ready-made {@link Figure}s for the shapes the report draws again and again: an eigenvalue
 * spectrum against theoretical levels, observed values against their limits, and a histogram
 * against a density. Each returns a {@link Figure.Builder} so a section can still add series or
 * change the legend before {@code build()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Plots {

    private Plots() {
    }

    /**
     * A theoretical level drawn as a horizontal line.
     *
     * @param label legend label, e.g. {@code "cluster 2 limit m/(4d) = 50.0"}
     * @param value the level, &gt; 0 (spectra are drawn on a log scale)
     * @param dashed dashed (e.g. the papers' approximations) or solid (exact limits)
     */
    public record Level(String label, double value, boolean dashed) {
        public Level {
            Objects.requireNonNull(label, "label");
            if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("value must be finite and > 0, got " + value);
            }
        }
    }

    /**
     * One group of an observed-versus-limit scatter.
     *
     * @param name legend label
     * @param limit the limit values (x), one per point; copied
     * @param observed the observed values (y), same length; copied
     */
    public record Group(String name, double[] limit, double[] observed) {
        public Group {
            Objects.requireNonNull(name, "name");
            limit = Objects.requireNonNull(limit, "limit").clone();
            observed = Objects.requireNonNull(observed, "observed").clone();
            if (limit.length != observed.length) {
                throw new IllegalArgumentException("observed has length " + observed.length
                        + ", expected " + limit.length + " (the length of limit)");
            }
        }

        @Override
        public double[] limit() {
            return limit.clone();
        }

        @Override
        public double[] observed() {
            return observed.clone();
        }
    }

    /**
     * An eigenvalue spectrum on log–log axes: eigenvalue number k = 1, 2, … (x) against λ_k (y) as
     * points, with each level as a horizontal line across the index range.
     *
     * <p>Eigenvalues ≤ 0 (round-off in a PSD spectrum) cannot be drawn on a log axis: they are
     * left out and the legend says how many, so nothing is dropped silently.
     *
     * @param title the figure title
     * @param yAxisTitle the eigenvalue axis title, with units
     * @param eigenvalues the spectrum (any order; drawn in the given order), not modified
     * @param levels theoretical levels, may be empty
     * @throws IllegalArgumentException if eigenvalues is empty, contains a non-finite value, or has
     *     no positive entry
     */
    public static Figure.Builder spectrum(String title, String yAxisTitle, double[] eigenvalues,
            List<Level> levels) {
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(levels, "levels");
        if (eigenvalues.length == 0) {
            throw new IllegalArgumentException("eigenvalues must be non-empty, got length 0");
        }
        int positive = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            if (!Double.isFinite(eigenvalues[i])) {
                throw new IllegalArgumentException("eigenvalues[" + i + "] must be finite, got "
                        + eigenvalues[i]);
            }
            if (eigenvalues[i] > 0) {
                positive++;
            }
        }
        if (positive == 0) {
            throw new IllegalArgumentException("eigenvalues must have a positive entry to draw on a"
                    + " log scale, got none of " + eigenvalues.length);
        }
        double[] k = new double[positive];
        double[] lambda = new double[positive];
        int j = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            if (eigenvalues[i] > 0) {
                k[j] = i + 1;
                lambda[j] = eigenvalues[i];
                j++;
            }
        }
        int omitted = eigenvalues.length - positive;
        String name = omitted == 0 ? "observed eigenvalues"
                : "observed eigenvalues (" + omitted + " ≤ 0 not shown)";
        Figure.Builder b = Figure.builder(title)
                .xAxis("eigenvalue number k (1 = largest)")
                .yAxis(yAxisTitle)
                .logX().logY()
                .legend(Figure.Legend.INSIDE_SW)
                .points(name, k, lambda);
        for (Level l : levels) {
            b.horizontalLine(l.label(), l.value(), l.dashed());
        }
        return b;
    }

    /**
     * Observed values against their limits: one point series per group and the line y = x, so
     * agreement reads as points on the line.
     *
     * @param title the figure title
     * @param xAxisTitle the limit axis title, with units
     * @param yAxisTitle the observed axis title, with units
     * @param groups at least one group
     */
    public static Figure.Builder observedVsLimit(String title, String xAxisTitle, String yAxisTitle,
            List<Group> groups) {
        Objects.requireNonNull(groups, "groups");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("groups must be non-empty, got 0 groups");
        }
        Figure.Builder b = Figure.builder(title).xAxis(xAxisTitle).yAxis(yAxisTitle)
                .legend(Figure.Legend.INSIDE_NW);
        for (Group g : groups) {
            b.points(g.name(), g.limit, g.observed);
        }
        return b.identityLine("y = x (observed = limit)");
    }

    /**
     * A histogram drawn as points (bin centre, density) against a density curve drawn as a line.
     *
     * @param title the figure title
     * @param xAxisTitle the value axis title, with units
     * @param yAxisTitle the density axis title, with units (1 / unit of x)
     * @param histogram the observed histogram
     * @param curveName legend label of the density
     * @param curveX abscissae of the density curve; copied
     * @param curveY density values; copied
     */
    public static Figure.Builder histogramVsDensity(String title, String xAxisTitle,
            String yAxisTitle, Histogram histogram, String curveName, double[] curveX, double[] curveY) {
        Objects.requireNonNull(histogram, "histogram");
        return Figure.builder(title).xAxis(xAxisTitle).yAxis(yAxisTitle)
                .points("observed (histogram, " + histogram.count() + " values, "
                        + histogram.bins() + " bins)", histogram.centres(), histogram.densities())
                .line(curveName, curveX, curveY);
    }
}
