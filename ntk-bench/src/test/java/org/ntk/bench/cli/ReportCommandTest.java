package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;

class ReportCommandTest {

    @TempDir
    Path dir;

    private static double number(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+([-+0-9.eE]+)").matcher(text);
        assertTrue(m.find(), () -> label + " not in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void interimSummaryIsComputedFromTheNetworkAndSaved() throws IOException {
        Path out = dir.resolve("r");
        CliRun r = CliRun.of("report", "--d", "3", "--m", "50", "--seed", "7", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("INTERIM"), r.out());
        String saved = Files.readString(out.resolve("summary.txt"), StandardCharsets.UTF_8);
        assertTrue(r.out().startsWith(saved), r.out());

        // independent closed forms (MATH.md §2.1): trace J = ‖W‖_F²/2, J_jj = ‖w_j‖²/2
        double[][] w = ReluNetwork.random(3, 50, WeightScale.FAN_IN, 7).hiddenWeights();
        double frob = 0;
        double maxNorm2 = 0;
        for (double[] row : w) {
            double s = 0;
            for (double v : row) {
                s += v * v;
            }
            frob += s;
            maxNorm2 = Math.max(maxNorm2, s);
        }
        // printed with 6 significant digits (%.6g): relative rounding error at most 5e-6
        assertEquals(frob / 2, number(saved, "trace J"), 5e-6 * frob / 2);
        assertEquals(maxNorm2 / 2, number(saved, "largest diagonal entry"), 5e-6 * maxNorm2 / 2);
        // E[trace] = m/2 = 25 (MATH.md §2.1)
        assertTrue(saved.contains("expected m/2 = 25"), saved);
        // c_3 = 1/4 (MATH.md §0), so m·d·c_d² = 50·3/16 = 9.375
        assertTrue(saved.contains("m·d·c_d² = 9.375"), saved);
    }

    @Test
    void badArgumentsGiveOneLine() throws IOException {
        CliRun r = CliRun.of("report", "--m", "0", "--out", dir.resolve("r").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("ntk report: --m must be >= 1, got 0"), r.err());
        Path file = Files.writeString(dir.resolve("file"), "x");
        r = CliRun.of("report", "--d", "2", "--m", "5", "--out", file.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).contains("must be a directory"), r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void helpExitsZero() {
        CliRun r = CliRun.of("report", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: ntk report"), r.out());
        assertEquals("", r.err());
    }
}
