package org.ntk.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.ntk.core.io.AtomicFile;
import org.ntk.core.progress.ProgressListener;

/**
 * Runs the sections of {@code ntk report} in order and writes {@code report.md}, {@code
 * results.json} and the plots: the single entry point the CLI calls.
 *
 * <p><b>All or nothing.</b> Everything is first written into a fresh staging directory created
 * next to the output directory (same parent, so the same file system). Only after every section
 * has succeeded is it published:
 * <ul>
 *   <li>if the output directory does not exist, the staging directory is renamed to it in one
 *       step;</li>
 *   <li>if it exists, each file is renamed into it atomically (replacing a file of the same name):
 *       the plots first, then {@code results.json}, then {@code report.md}, so a {@code report.md}
 *       that is present always refers to plots that are present. Other files in the directory are
 *       left alone (a plot that a previous run wrote and this one does not is not removed).</li>
 * </ul>
 * If a section throws, or writing fails, the staging directory is deleted and the exception
 * propagates: the output directory gets no new file and no partial file.
 *
 * <p><b>Progress.</b> Before section i (from 0) of n the listener receives
 * {@code ("report: " + id, i, n)}, and after it {@code ("report: " + id, i + 1, n)}; the sections
 * pass the same listener to their long library calls, which report under their own task names.
 *
 * <p><b>Results.</b> {@code results.json} has the keys {@code parameters}, then one object per
 * section (key = section id, in section order), then {@code run} (section timings in seconds:
 * the only values that differ between two runs with the same parameters).
 *
 * <p>Stateless and thread-safe; one run uses the calling thread plus whatever the sections' library
 * calls start.
 */
public final class ReportRunner {

    /** The report file's name. */
    public static final String REPORT = "report.md";
    /** The results file's name. */
    public static final String RESULTS = "results.json";

    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Set<String> RESERVED = Set.of("parameters", "run");

    private ReportRunner() {
    }

    /**
     * The sections of {@code ntk report}, in report order: {@link NetworkSection} ({@code network}),
     * {@link FimSection} ({@code fim}), {@link MercerSection} ({@code mercer}),
     * {@link TheoremLimitsSection} ({@code theoremLimits}), {@link SimplicityBiasSection}
     * ({@code simplicityBias}), {@link DeepNtkSection} ({@code deepNtk}) and
     * {@link QuadraticDensitySection} ({@code quadraticDensity}).
     */
    public static List<ReportSection> defaultSections() {
        return List.of(new NetworkSection(), new FimSection(), new MercerSection(),
                new TheoremLimitsSection(), new SimplicityBiasSection(), new DeepNtkSection(),
                new QuadraticDensitySection());
    }

    /**
     * Runs the default sections (see {@link #defaultSections()}).
     *
     * @param parameters the run's parameters
     * @param listener progress, e.g. the CLI's stderr renderer; {@link ProgressListener#NONE} for none
     * @return what was written and the headline numbers
     * @throws IllegalArgumentException if the output path exists and is not a directory
     * @throws UncheckedIOException if the output cannot be written
     * @throws RuntimeException whatever a failing section throws (nothing is then written)
     */
    public static ReportSummary run(ReportParameters parameters, ProgressListener listener) {
        return run(parameters, listener, defaultSections());
    }

    /**
     * Runs the given sections in order (see the class comment for the guarantees).
     *
     * @param sections at least one section; ids must be unique, match {@code [a-z][A-Za-z0-9]*} and
     *     not be {@code parameters} or {@code run}
     * @throws IllegalArgumentException if the sections are empty or their ids are invalid, or the
     *     output path exists and is not a directory
     */
    public static ReportSummary run(ReportParameters parameters, ProgressListener listener,
            List<ReportSection> sections) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(sections, "sections");
        checkSections(sections);
        long start = System.nanoTime();
        Path out = parameters.outputDirectory().toAbsolutePath().normalize();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("outputDirectory exists and is not a directory, got "
                    + out);
        }
        Path parent = out.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("outputDirectory must not be a file-system root, got "
                    + out);
        }
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = StagingDirectory.create(parent, "." + out.getFileName() + ".staging-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory in " + parent + ": "
                    + e.getMessage() + " (check that it is writable)", e);
        }
        try {
            Staged staged = runStaged(parameters, listener, sections, staging);
            List<Path> plots = publish(staging, out, staged.plotNames);
            double total = (System.nanoTime() - start) * 1e-9;
            return new ReportSummary(out, out.resolve(REPORT), out.resolve(RESULTS), plots,
                    staged.timings, staged.keyNumbers, total);
        } finally {
            StagingDirectory.deleteRecursively(staging);
        }
    }

    private record Staged(List<String> plotNames, List<ReportSummary.SectionTiming> timings,
            Map<String, Double> keyNumbers) {
    }

    private static Staged runStaged(ReportParameters p, ProgressListener listener,
            List<ReportSection> sections, Path staging) {
        ResultNode root = ResultNode.root();
        ResultNode params = root.object("parameters");
        params.put("d", p.d()).put("m", p.m()).put("seed", p.seed()).put("threads", p.threads());

        MarkdownReport md = new MarkdownReport("ntk report");
        md.introduction().paragraph("Spectra of the Fisher information and neural tangent kernels of"
                + " ReLU networks, checked against what the seed papers claim and against the exact"
                + " theory of MATH.md. Every number below was computed by this run of"
                + " `" + command(p) + "` (after `mvn -B -q -DskipTests package`), which regenerates"
                + " them all; only the timings and the last bits of a few floating-point results may"
                + " differ between machines and thread counts. `results.json` beside this file holds"
                + " each of them unrounded. Plots draw observations as points and theory as lines.");
        md.introduction().table(Table.builder()
                .text("parameter", "parameter").text("value", "value").text("meaning", "meaning")
                .row("d", Integer.toString(p.d()), "input dimension")
                .row("m", Integer.toString(p.m()), "hidden units (the FIM is m×m)")
                .row("seed", Long.toString(p.seed()), "random seed (network weights and derived streams)")
                .row("threads", Integer.toString(p.threads()), "worker threads")
                .build());

        PlotWriter plots = new PlotWriter(staging);
        Map<String, Double> keyNumbers = new LinkedHashMap<>();
        List<ReportSummary.SectionTiming> timings = new ArrayList<>();
        int n = sections.size();
        for (int i = 0; i < n; i++) {
            ReportSection s = sections.get(i);
            String task = "report: " + s.id();
            listener.progress(task, i, n);
            long t0 = System.nanoTime();
            ReportContext ctx = new ReportContext(p, listener, s.id(), root.object(s.id()),
                    md.section(s.title()), plots, keyNumbers);
            s.run(ctx);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            timings.add(new ReportSummary.SectionTiming(s.id(), s.title(), seconds));
            listener.progress(task, i + 1, n);
        }

        ResultNode run = root.object("run");
        ResultNode.ResultList list = run.list("sections");
        Table.Builder tb = Table.builder().text("id", "section").number("seconds", "wall-clock s", 3);
        for (ReportSummary.SectionTiming t : timings) {
            tb.row(t.id(), t.seconds());
        }
        Table timingTable = tb.build();
        timingTable.writeTo(list);
        md.section("Run").paragraph("Wall-clock time of each section on this machine (JDK "
                + Runtime.version().feature() + ", " + Runtime.getRuntime().availableProcessors()
                + " processors).").table(timingTable);

        byte[] json = root.toJsonBytes();
        byte[] text = md.render().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(staging.resolve(RESULTS), o -> o.write(json));
        AtomicFile.write(staging.resolve(REPORT), o -> o.write(text));
        List<String> names = new ArrayList<>();
        for (Path f : plots.written()) {
            names.add(f.getFileName().toString());
        }
        return new Staged(names, timings, keyNumbers);
    }

    /** The command line that reproduces a run with these parameters (threads omitted: results do not depend on them). */
    static String command(ReportParameters p) {
        StringBuilder sb = new StringBuilder("java -jar ntk-bench/target/ntk.jar report");
        sb.append(" --d ").append(p.d()).append(" --m ").append(p.m()).append(" --seed ").append(p.seed());
        String out = p.outputDirectory().toString().replace('\\', '/');
        if (out.matches("[A-Za-z0-9._/-]+")) {
            sb.append(" --out ").append(out);
        } else {
            sb.append(" --out '").append(out.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    private static List<Path> publish(Path staging, Path out, List<String> plotNames) {
        List<Path> published = new ArrayList<>();
        for (String name : plotNames) {
            published.add(out.resolve(name));
        }
        try {
            if (!Files.exists(out)) {
                try {
                    StagingDirectory.move(staging, out);
                    return published;
                } catch (IOException e) {
                    // someone created the directory meanwhile, or directories cannot be renamed
                    // here: fall back to moving the files one by one
                    Files.createDirectories(out);
                }
            }
            for (String name : plotNames) {
                StagingDirectory.move(staging.resolve(name), out.resolve(name));
            }
            StagingDirectory.move(staging.resolve(RESULTS), out.resolve(RESULTS));
            StagingDirectory.move(staging.resolve(REPORT), out.resolve(REPORT));
            return published;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the report into " + out + ": "
                    + e.getMessage() + " (check that it is writable)", e);
        }
    }

    private static void checkSections(List<ReportSection> sections) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("sections must be non-empty, got 0 sections");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            ReportSection s = Objects.requireNonNull(sections.get(i), "sections[" + i + "]");
            String id = Objects.requireNonNull(s.id(), "sections[" + i + "].id()");
            Objects.requireNonNull(s.title(), "sections[" + i + "].title()");
            if (!ID.matcher(id).matches() || RESERVED.contains(id)) {
                throw new IllegalArgumentException("sections[" + i + "].id() must match"
                        + " [a-z][A-Za-z0-9]* and not be parameters or run, got \"" + id + "\"");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("sections[" + i + "].id() must be unique, got \""
                        + id + "\" twice");
            }
        }
    }
}
