package org.ntk.bench.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.ntk.core.progress.ProgressListener;

/**
 * What a {@link ReportSection} sees while it runs: the parameters, a progress listener, its own
 * node of {@code results.json}, its part of {@code report.md}, and a plot writer.
 *
 * <p>Everything a section writes goes into the runner's staging directory; nothing reaches the
 * output directory until every section has succeeded (see {@link ReportRunner}).
 *
 * <p>Not thread-safe: a section calls its context from one thread (library calls it makes may use
 * {@link #threads()} workers internally).
 */
public final class ReportContext {

    private final ReportParameters parameters;
    private final ProgressListener progress;
    private final String sectionId;
    private final ResultNode results;
    private final MarkdownReport.Section markdown;
    private final PlotWriter plots;
    private final Map<String, Double> keyNumbers;

    ReportContext(ReportParameters parameters, ProgressListener progress, String sectionId,
            ResultNode results, MarkdownReport.Section markdown, PlotWriter plots,
            Map<String, Double> keyNumbers) {
        this.parameters = parameters;
        this.progress = progress;
        this.sectionId = sectionId;
        this.results = results;
        this.markdown = markdown;
        this.plots = plots;
        this.keyNumbers = keyNumbers;
    }

    /** All parameters of the run. */
    public ReportParameters parameters() {
        return parameters;
    }

    /** The input dimension d. */
    public int d() {
        return parameters.d();
    }

    /** The number of hidden units m. */
    public int m() {
        return parameters.m();
    }

    /** The run's seed. */
    public long seed() {
        return parameters.seed();
    }

    /** The worker-thread count for library calls. */
    public int threads() {
        return parameters.threads();
    }

    /**
     * The final output directory (for prose that names it). Files must be written through {@link
     * #figure} or {@link #plots()}, never directly here.
     */
    public Path outputDirectory() {
        return parameters.outputDirectory();
    }

    /** The listener to pass to long library calls; never null. */
    public ProgressListener progress() {
        return progress;
    }

    /** This section's object in {@code results.json} (key = the section id). */
    public ResultNode results() {
        return results;
    }

    /** This section's part of {@code report.md}, for blocks beyond those the helpers below add. */
    public MarkdownReport.Section markdown() {
        return markdown;
    }

    /** The plot writer (files land in the staging directory, linked relative to the report). */
    public PlotWriter plots() {
        return plots;
    }

    /**
     * A seed for an independent random stream of this run, derived from the run's seed and a
     * stream number by the SplitMix64 finaliser: deterministic, and different streams (or seeds)
     * give unrelated values.
     */
    public long derivedSeed(long stream) {
        return derivedSeed(parameters.seed(), stream);
    }

    /** The derived seed of {@link #derivedSeed(long)} for a given run seed. */
    public static long derivedSeed(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Appends a paragraph of Markdown prose to the section. */
    public void paragraph(String text) {
        markdown.paragraph(text);
    }

    /**
     * Appends {@code table} to the section and writes its rows, unrounded, as an array of objects
     * under {@code key} in this section's results.
     *
     * @throws IllegalArgumentException if key is already used in this section's results
     */
    public void table(String key, Table table) {
        Objects.requireNonNull(table, "table");
        ResultNode.ResultList list = results.list(key);
        table.writeTo(list);
        markdown.table(table);
    }

    /**
     * Writes {@code figure} as {@code <section-id>-<name>.png} (the id turned to lower-case
     * hyphenated words, e.g. {@code theorem-limits-scatter.png}) and appends an image link to the
     * section, with the figure's title as the alternative text.
     *
     * @param name the plot's name within the section: lower-case letters, digits and hyphens
     * @return the file written (in the staging directory)
     */
    public Path figure(String name, Figure figure) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(figure, "figure");
        Path file = plots.write(fileStem(sectionId) + "-" + name, figure);
        markdown.image(figure.title(), file.getFileName().toString());
        return file;
    }

    /**
     * Records a headline number, reported in the run's {@link ReportSummary#keyNumbers()} under
     * {@code <section id>.<name>}. The number should also be in the section's results.
     *
     * @throws IllegalArgumentException if the value is not finite or the name is already used
     */
    public void keyNumber(String name, double value) {
        Objects.requireNonNull(name, "name");
        String key = sectionId + "." + name;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be finite, got " + value);
        }
        if (keyNumbers.containsKey(key)) {
            throw new IllegalArgumentException("name must be new, got " + key + " twice");
        }
        keyNumbers.put(key, value);
    }

    /** {@code theoremLimits} → {@code theorem-limits}. */
    static String fileStem(String id) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
