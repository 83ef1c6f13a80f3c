package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.core.progress.ProgressListener;

class ReportRunnerTest {

    @TempDir
    Path tmp;

    /** A section that writes one number, one table row and one plot from the parameters. */
    private static final class FakeSection implements ReportSection {
        private final String id;

        FakeSection(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return "Fake " + id;
        }

        @Override
        public void run(ReportContext ctx) {
            ctx.results().put("dTimesM", (long) ctx.d() * ctx.m());
            ctx.paragraph("Section " + id + ".");
            ctx.table("rows", Table.builder().text("name", "name").number("value", "value", 4)
                    .row("m/(4d)", ctx.m() / (4.0 * ctx.d())).build());
            ctx.figure("plot", Figure.builder("Plot " + id).xAxis("x").yAxis("y")
                    .points("p", new double[] {1, 2}, new double[] {ctx.d(), ctx.m()}).build());
            ctx.keyNumber("m", ctx.m());
        }
    }

    private static final class FailingSection implements ReportSection {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String title() {
            return "Broken";
        }

        @Override
        public void run(ReportContext ctx) {
            ctx.figure("half", Figure.builder("h").xAxis("x").yAxis("y")
                    .points("p", new double[] {1}, new double[] {1}).build());
            ctx.results().put("partial", 1.0);
            throw new IllegalStateException("boom");
        }
    }

    private ReportParameters params(Path out) {
        return new ReportParameters(3, 40, 5, out, 1);
    }

    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesReportResultsAndPlotsInOrder() throws IOException {
        Path out = tmp.resolve("nested/out");
        List<String> events = new ArrayList<>();
        ProgressListener l = (task, done, total) -> events.add(task + " " + done + "/" + total);
        ReportSummary s = ReportRunner.run(params(out), l,
                List.of(new FakeSection("alpha"), new FakeSection("twoWords")));

        assertEquals(List.of("alpha-plot.png", "report.md", "results.json", "two-words-plot.png"),
                list(out));
        assertEquals(List.of("out"), list(tmp.resolve("nested")), "no staging directory may remain");
        assertEquals(List.of("report: alpha 0/2", "report: alpha 1/2", "report: twoWords 1/2",
                "report: twoWords 2/2"), events);

        JsonNode j = ResultNode.parse(Files.readAllBytes(out.resolve("results.json")));
        assertEquals(List.of("parameters", "alpha", "twoWords", "run"), keys(j));
        assertEquals(3, j.get("parameters").get("d").intValue());
        assertEquals(120, j.get("alpha").get("dTimesM").longValue());
        assertEquals(40 / 12.0, j.get("twoWords").get("rows").get(0).get("value").doubleValue(), 0.0);
        assertEquals(2, j.get("run").get("sections").size());
        assertEquals("alpha", j.get("run").get("sections").get(0).get("id").textValue());

        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# ntk report\n"), md);
        assertTrue(md.contains("\n## 1. Fake alpha\n"), md);
        assertTrue(md.contains("\n## 2. Fake twoWords\n"), md);
        assertTrue(md.contains("![Plot twoWords](two-words-plot.png)"), md);
        assertTrue(md.contains("| m/(4d) | 3.333 |"), md);
        assertTrue(md.contains("\n## 3. Run\n"), md);

        BufferedImage img = ImageIO.read(out.resolve("alpha-plot.png").toFile());
        assertEquals(800, img.getWidth());
        assertEquals(520, img.getHeight());

        assertEquals(out.toAbsolutePath().normalize(), s.directory());
        assertEquals(List.of(out.resolve("alpha-plot.png").toAbsolutePath().normalize(),
                out.resolve("two-words-plot.png").toAbsolutePath().normalize()), s.plots());
        assertEquals(List.of("alpha.m", "twoWords.m"), new ArrayList<>(s.keyNumbers().keySet()));
        assertEquals(2, s.sections().size());
        assertTrue(s.sections().get(0).seconds() >= 0);
    }

    @Test
    void rerunIntoExistingDirectoryReplacesFilesAndKeepsOthers() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("report.md"), "old");
        ReportRunner.run(params(out), ProgressListener.NONE, List.of(new FakeSection("alpha")));
        assertEquals(List.of("alpha-plot.png", "notes.txt", "report.md", "results.json"), list(out));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("# ntk report"));
        assertEquals(List.of("out"), list(tmp));
    }

    @Test
    void failingSectionWritesNothingIntoNewDirectory() throws IOException {
        Path out = tmp.resolve("out");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReportRunner.run(params(out), ProgressListener.NONE,
                        List.of(new FakeSection("alpha"), new FailingSection())));
        assertEquals("boom", e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), list(tmp), "no staging directory may remain");
    }

    @Test
    void failingSectionLeavesExistingDirectoryUntouched() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), "old report");
        assertThrows(IllegalStateException.class, () -> ReportRunner.run(params(out),
                ProgressListener.NONE, List.of(new FakeSection("alpha"), new FailingSection())));
        assertEquals(List.of("report.md"), list(out));
        assertEquals("old report", Files.readString(out.resolve("report.md")));
        assertEquals(List.of("out"), list(tmp));
    }

    @Test
    void rejectsBadSectionsAndOutput() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportRunner.run(params(tmp.resolve("o")), ProgressListener.NONE,
                        List.of(new FakeSection("a"), new FakeSection("a"))));
        assertTrue(e.getMessage().startsWith("sections[1].id() "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ReportRunner.run(params(tmp.resolve("o")), ProgressListener.NONE,
                        List.of(new FakeSection("run"))));
        assertTrue(e.getMessage().startsWith("sections[0].id() "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ReportRunner.run(params(tmp.resolve("o")), ProgressListener.NONE,
                        List.of(new FakeSection("Bad-id"))));
        assertTrue(e.getMessage().startsWith("sections[0].id() "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReportRunner.run(
                params(tmp.resolve("o")), ProgressListener.NONE, List.of()));
        assertTrue(e.getMessage().startsWith("sections "), e.getMessage());
        Path file = Files.writeString(tmp.resolve("file"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> ReportRunner.run(params(file),
                ProgressListener.NONE, List.of(new FakeSection("a"))));
        assertTrue(e.getMessage().startsWith("outputDirectory "), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class,
                () -> ReportRunner.run(params(tmp.resolve("o")), null, List.of(new FakeSection("a"))));
        assertEquals("listener", n.getMessage());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void defaultSectionsAreTheSevenOfTheReportInOrder() {
        // the sections the CLI's `ntk report` runs (ReportCommand without a section list); each has its
        // own test, so a section dropped from or reordered in this list would otherwise go unnoticed
        assertEquals(List.of("network", "fim", "mercer", "theoremLimits", "simplicityBias", "deepNtk",
                "quadraticDensity"), ReportRunner.defaultSections().stream().map(ReportSection::id).toList());
    }

    @Test
    void contextDerivesDistinctReproducibleSeeds() {
        ReportContext a = new ReportContext(params(tmp), ProgressListener.NONE, "x", ResultNode.root(),
                new MarkdownReport("t").section("s"), new PlotWriter(tmp), new java.util.HashMap<>());
        ReportContext b = new ReportContext(params(tmp), ProgressListener.NONE, "y", ResultNode.root(),
                new MarkdownReport("t").section("s"), new PlotWriter(tmp), new java.util.HashMap<>());
        assertEquals(a.derivedSeed(1), b.derivedSeed(1));
        assertTrue(a.derivedSeed(1) != a.derivedSeed(2));
        assertTrue(a.derivedSeed(0) != a.seed());
        assertSame(ProgressListener.NONE, a.progress());
        assertEquals("theorem-limits", ReportContext.fileStem("theoremLimits"));
    }
}
