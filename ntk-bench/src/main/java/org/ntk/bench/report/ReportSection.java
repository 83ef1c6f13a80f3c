package org.ntk.bench.report;

/**
 * One section of {@code report.md}: a title, prose, tables and plots, with every number it shows
 * also written to its node of {@code results.json}.
 *
 * <p>A section computes everything live from the {@link ReportContext}'s parameters (never pasted
 * numbers), writes its Markdown and results only through the context, and signals failure by
 * throwing: the {@link ReportRunner} then writes no report at all. Implementations should be
 * stateless so a section object can run more than once.
 */
public interface ReportSection {

    /**
     * The section's key in {@code results.json}, also the prefix of its plot files: a letter
     * followed by letters and digits (camel case, e.g. {@code fim}, {@code theoremLimits}); unique
     * within a report.
     */
    String id();

    /** The section heading in {@code report.md} (one line). */
    String title();

    /**
     * Computes the section and writes it through {@code ctx}.
     *
     * @throws RuntimeException on any failure; the whole report is then abandoned
     */
    void run(ReportContext ctx);
}
