package org.ntk.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ntk.bench.report.ReportParameters;
import org.ntk.bench.report.ReportRunner;
import org.ntk.bench.report.ReportSection;
import org.ntk.bench.report.ReportSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ntk report}: the main job. Runs every section of {@link ReportRunner#defaultSections()} and
 * writes {@code report.md}, {@code results.json} and the PNG plots into the output directory, all or
 * nothing ({@link ReportRunner}); prints the files written, the headline numbers and the wall-clock
 * time on stdout. Progress goes to stderr only when stderr is a terminal.
 *
 * <p>Parameters are checked before any computation, each against the range of
 * {@link ReportParameters}, with a one-line message naming the option (exit code 2).
 */
@Command(name = "report", sortOptions = false,
        description = {"Runs the main job: reproduces (and corrects where needed) the seed papers' claims about the"
                + " spectra of the Fisher information and the NTK of ReLU networks, and writes OUT/report.md,"
                + " OUT/results.json (every number in the report's tables, unrounded) and PNG plots.",
            "Sections: the random network; FIM spectrum and clusters (d, m, seed); the exact Mercer spectrum;"
                + " seed 002's theorem limits (d); simplicity bias; deep-NTK smallest-eigenvalue bounds;"
                + " quadratic-scaling density. Takes about a minute on two cores at the defaults."})
final class ReportCommand extends CliCommand {

    @Option(names = "--d", paramLabel = "D", defaultValue = "" + ReportParameters.DEFAULT_D,
            description = "input dimension of the random network, 2 to " + ReportParameters.MAX_D
                    + " (default: ${DEFAULT-VALUE})")
    int d;

    @Option(names = "--m", paramLabel = "M", defaultValue = "" + ReportParameters.DEFAULT_M,
            description = "hidden units (the FIM is m×m), more than d(d+3)/2 and at most " + ReportParameters.MAX_M
                    + " (default: ${DEFAULT-VALUE})")
    int m;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + ReportParameters.DEFAULT_SEED,
            description = "random seed of the network and of every derived stream (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ReportParameters.DEFAULT_OUT,
            description = "output directory, created if missing; other files in it are left alone"
                    + " (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all processors)")
    Integer threads;

    private final List<ReportSection> sections;

    ReportCommand(CliContext ctx) {
        this(ctx, ReportRunner.defaultSections());
    }

    /** A report command running the given sections instead of the default ones (tests run the cheap ones). */
    ReportCommand(CliContext ctx, List<ReportSection> sections) {
        super(ctx);
        this.sections = List.copyOf(sections);
    }

    @Override
    void execute() {
        ReportParameters parameters = parameters();
        ReportSummary summary;
        try (TerminalProgress progress = ctx.progress(qualifiedName())) {
            summary = ReportRunner.run(parameters, progress, sections);
        }
        print(summary);
    }

    /** The checked parameters; messages name the option. */
    ReportParameters parameters() {
        if (!(d >= 2 && d <= ReportParameters.MAX_D)) {
            throw new IllegalArgumentException("--d must be between 2 and " + ReportParameters.MAX_D + ", got " + d);
        }
        long clustered = ReportParameters.clusteredEigenvalues(d);
        if (!(m > clustered && m <= ReportParameters.MAX_M)) {
            throw new IllegalArgumentException("--m must be more than d(d+3)/2 = " + clustered + " (the eigenvalues"
                    + " of the three FIM clusters for d = " + d + ") and at most " + ReportParameters.MAX_M + ", got "
                    + m);
        }
        int t = threads(threads);
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException("--out " + outDir + ": must be a directory, got a file");
        }
        Path absolute = outDir.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new IllegalArgumentException("--out " + outDir + ": must not be the file-system root");
        }
        // the directories up to the first existing one are created: that one must be a writable directory
        for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new IllegalArgumentException("--out " + outDir + ": " + p + " must be a directory, got a file");
                }
                if (!Files.isWritable(p)) {
                    throw new IllegalArgumentException("--out " + outDir + ": directory " + p + " must be writable");
                }
                break;
            }
        }
        return new ReportParameters(d, m, seed, outDir, t);
    }

    private void print(ReportSummary s) {
        var out = ctx.out();
        int plots = s.plots().size();
        out.println("ntk report: d = " + d + ", m = " + m + ", seed " + seed + ", " + plots
                + (plots == 1 ? " plot, " : " plots, ") + f("%.1f", s.totalSeconds()) + " s");
        out.println("wrote " + shown(s.report()));
        out.println("wrote " + shown(s.results()));
        for (Path p : s.plots()) {
            out.println("wrote " + shown(p));
        }
        out.println("headline numbers:");
        int width = 0;
        for (String k : s.keyNumbers().keySet()) {
            width = Math.max(width, k.length());
        }
        for (Map.Entry<String, Double> e : s.keyNumbers().entrySet()) {
            out.println("  " + e.getKey() + " ".repeat(width - e.getKey().length()) + "  "
                    + f("%.6g", e.getValue()));
        }
    }

    /** A written file as the user named it: relative to --out when --out was relative. */
    private Path shown(Path file) {
        return outDir.resolve(file.getFileName());
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
