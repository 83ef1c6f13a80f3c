package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.bench.report.FimSection;
import org.ntk.bench.report.MercerSection;
import org.ntk.bench.report.NetworkSection;
import org.ntk.bench.report.ReportSection;
import org.ntk.bench.report.ResultNode;
import org.ntk.bench.report.SimplicityBiasSection;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ntk report} run in-process at the default d = 10, m = 2000 (the key number needs the
 * 2000×2000 FIM), with the cheaper sections only: network, fim, mercer and simplicityBias (the
 * theorem-limit, deep-NTK and quadratic-density sections have fixed sizes and their own tests).
 */
class ReportCommandTest {

    @TempDir
    static Path dir;

    private static CliRun run;
    private static Path out;

    /** Runs {@code ntk report} with {@code sections} in place of the default ones, stderr not a terminal. */
    private static CliRun report(List<ReportSection> sections, String... args) {
        return report(new CliEnvironment(false, false), sections, args);
    }

    private static CliRun report(CliEnvironment env, List<ReportSection> sections, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        PrintWriter ow = new PrintWriter(o, true);
        PrintWriter ew = new PrintWriter(e, true);
        int exit = NtkCli.execute(NtkCli.commandLine(ow, ew, env, ctx -> List.of(new ReportCommand(ctx, sections))),
                args, ew, env);
        ow.flush();
        ew.flush();
        return new CliRun(exit, o.toString(), e.toString());
    }

    @BeforeAll
    static void runReport() {
        out = dir.resolve("rep");
        run = report(List.of(new NetworkSection(), new FimSection(), new MercerSection(), new SimplicityBiasSection()),
                "report", "--d", "10", "--m", "2000", "--seed", "1", "--out", out.toString(), "--threads", "2");
    }

    /** frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)², c_d = Γ(d/2)/(2√π Γ((d+1)/2)) (MATH.md §0, §2.4), computed here. */
    private static double frac(int d) {
        double cd = Math.exp(Gamma.logGamma(d / 2.0) - Gamma.logGamma((d + 1) / 2.0)) / (2 * Math.sqrt(Math.PI));
        return 0.5 + d * d * cd * cd * (3 * d + 5) / ((d + 1.0) * (d + 1.0));
    }

    @Test
    void writesTheReportTheResultsAndThePlots() throws IOException {
        assertEquals(0, run.exit(), run.err());
        // stderr is not a terminal: no progress, nothing at all
        assertEquals("", run.err());
        assertTrue(Files.isRegularFile(out.resolve("report.md")));
        assertTrue(Files.isRegularFile(out.resolve("results.json")));
        List<Path> pngs;
        try (Stream<Path> s = Files.list(out)) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).toList();
        }
        assertTrue(pngs.size() >= 6, pngs.toString());
        // no staging directory left behind
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
        String md = Files.readString(out.resolve("report.md"));
        for (Path p : pngs) {
            assertTrue(md.contains("](" + p.getFileName() + ")"), p.toString());
            assertTrue(run.out().contains("wrote " + out.resolve(p.getFileName())), run.out());
        }
        // the report names the command that regenerates it
        assertTrue(md.contains("`java -jar ntk-bench/target/ntk.jar report --d 10 --m 2000 --seed 1 --out "
                + out.toString().replace('\\', '/')), md.substring(0, Math.min(600, md.length())));
        assertTrue(run.out().contains("wrote " + out.resolve("report.md")), run.out());
        assertTrue(run.out().contains("wrote " + out.resolve("results.json")), run.out());
    }

    @Test
    void topClusterShareIsFracOfD() throws IOException {
        JsonNode fim = ResultNode.parse(Files.readAllBytes(out.resolve("results.json"))).get("fim");
        double top = fim.get("topClusterTraceShare").doubleValue();
        // the criterion: within 0.003 of frac(d) for d = 10, m = 2000 (measured +0.0006, design notes)
        assertEquals(frac(10), top, 0.003);
        assertEquals(frac(10), fim.get("fracExact").doubleValue(), 1e-14);
        // the same number printed among the headline numbers (%.6g)
        String line = run.out().lines().filter(l -> l.trim().startsWith("fim.topClusterTraceShare")).findFirst()
                .orElseThrow(() -> new AssertionError(run.out()));
        assertEquals(top, Double.parseDouble(line.trim().split("\\s+")[1]), 5e-7);
        JsonNode clusters = fim.get("clusters");
        long[] multiplicity = {1, 10, 54};
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            JsonNode row = clusters.get(c);
            assertEquals(multiplicity[c], row.get("multiplicity").longValue());
            for (String key : List.of("observedMean", "exactLimit", "adjustedLimit", "papersValue", "traceShare",
                    "relativeSpread", "overlap")) {
                assertTrue(row.get(key).isNumber(), key + " in " + row);
            }
            sum += row.get("traceShare").doubleValue();
        }
        assertEquals(sum, top, 1e-12);
        // exact limits for m = 2000, d = 10 (MATH.md §2.3): m/(4d) = 50 for the second cluster
        assertEquals(50.0, clusters.get(1).get("exactLimit").doubleValue(), 1e-12);
    }

    @Test
    void badParametersExitTwoWithOneLineNamingTheOption() throws IOException {
        List<ReportSection> none = List.of(new NetworkSection());
        String[][] cases = {
            {"--d", "1", "--d must be between 2 and 100, got 1"},
            {"--d", "101", "--d must be between 2 and 100, got 101"},
            {"--m", "65", "--m must be more than d(d+3)/2 = 65"},
            {"--m", "20001", "--m must be more than d(d+3)/2 = 65"},
            {"--threads", "0", "--threads must be >= 1, got 0"},
            {"--d", "x", "--d"},
        };
        Path target = dir.resolve("never");
        for (String[] c : cases) {
            CliRun r = report(none, "report", c[0], c[1], "--out", target.toString());
            assertEquals(2, r.exit(), String.join(" ", c));
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).startsWith("ntk report: "), r.err());
            assertTrue(r.errLines().get(0).contains(c[2]), r.err());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(target));
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliRun r = report(none, "report", "--d", "2", "--m", "10", "--out", file.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).contains("--out") && r.errLines().get(0).contains("must be a directory"),
                r.err());
        assertEquals("x", Files.readString(file));
        Files.delete(file);
    }

    @Test
    void progressGoesToStderrOnlyWhenItIsATerminal() {
        Path target = dir.resolve("progress");
        CliRun r = report(new CliEnvironment(false, true), List.of(new MercerSection()), "report", "--out",
                target.toString());
        assertEquals(0, r.exit(), r.err());
        // one redrawn line ("\r" before each state), erased at the end, naming the section
        assertTrue(r.err().contains("\rntk report: report: mercer"), r.err());
        assertTrue(r.err().endsWith("\r"), r.err());
        assertFalse(r.out().contains("ntk report: report:"), r.out());
        assertTrue(r.out().startsWith("ntk report: d = 10, m = 2000, seed 1, 1 plot, "), r.out());
    }

    @Test
    void helpExitsZero() {
        CliRun r = CliRun.of("report", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: ntk report"), r.out());
        for (String option : List.of("--d", "--m", "--seed", "--out", "--threads")) {
            assertTrue(r.out().contains(option), option);
        }
        assertEquals("", r.err());
    }
}
