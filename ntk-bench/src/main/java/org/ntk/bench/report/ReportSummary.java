package org.ntk.bench.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a finished {@code ntk report} run wrote and its headline numbers.
 *
 * @param directory the output directory
 * @param report the {@code report.md} file
 * @param results the {@code results.json} file
 * @param plots the PNG files, in the order written
 * @param sections each section's id, title and wall-clock seconds, in order
 * @param keyNumbers headline numbers keyed {@code <section id>.<name>} (e.g.
 *     {@code fim.topClusterTraceShare}), in the order reported
 * @param totalSeconds wall-clock seconds of the whole run, writing included
 */
public record ReportSummary(Path directory, Path report, Path results, List<Path> plots,
        List<SectionTiming> sections, Map<String, Double> keyNumbers, double totalSeconds) {

    /** Copies the collections; the map keeps its order. */
    public ReportSummary {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(results, "results");
        plots = List.copyOf(plots);
        sections = List.copyOf(sections);
        keyNumbers = Collections.unmodifiableMap(new LinkedHashMap<>(keyNumbers));
    }

    /**
     * The timing of one section.
     *
     * @param id the section id
     * @param title the section title
     * @param seconds wall-clock seconds spent in {@link ReportSection#run}
     */
    public record SectionTiming(String id, String title, double seconds) {
    }
}
