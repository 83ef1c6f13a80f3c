package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ntk.core.io.Npy;
import org.ntk.core.io.NpyFiles;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.sampling.Gaussians;

class GramCommandTest {

    @TempDir
    Path dir;

    private double[][] x;
    private Path points;
    private Path out;

    @BeforeEach
    void writePoints() {
        Gaussians g = new Gaussians(42);
        x = new double[20][3];
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = g.next();
            }
        }
        points = dir.resolve("X.npy");
        out = dir.resolve("K.npy");
        Npy.write(points, x);
    }

    private static void assertOneLine(CliRun r, String... fragments) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("ntk gram: "), line);
        for (String f : fragments) {
            assertTrue(line.contains(f), () -> "'" + f + "' not in: " + line);
        }
    }

    @ParameterizedTest
    @CsvSource({"arccos0, 1", "arccos1, 1", "ntk2, 1", "deep-ntk, 3", "deep-nngp, 2"})
    void writesTheLibrarysGramMatrix(String kernel, int depth) {
        CliRun r = CliRun.of("gram", "--kernel", kernel, "--depth", Integer.toString(depth),
                "--points", points.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("20×20"), r.out());
        double[] expected = Kernels.byName(kernel, depth).gram(x, 1).toArray();
        assertArrayEquals(expected, Npy.read(out).data(), 0.0);
        assertArrayEquals(new int[] {20, 20}, Npy.read(out).shape());
    }

    @Test
    void float32AndFortranOrderInputsGiveTheSameMatrixAsTheirDoubleValues() throws IOException {
        // the same 20×3 points, rounded to float, written column by column as <f4 in Fortran order
        double[] colMajor = new double[60];
        double[][] rounded = new double[20][3];
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k < 3; k++) {
                rounded[i][k] = (float) x[i][k];
                colMajor[k * 20 + i] = x[i][k];
            }
        }
        Path f4 = dir.resolve("X32.npy");
        Files.write(f4, NpyFiles.file(1, NpyFiles.dict("<f4", true, "(20, 3)"), NpyFiles.data("<f4", colMajor)));
        CliRun r = CliRun.of("gram", "--kernel", "arccos1", "--points", f4.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(Kernels.byName("arccos1", 1).gram(rounded, 1).toArray(), Npy.read(out).data(), 0.0);
    }

    @Test
    void missingPointsFileIsOneLineAndNoOutput() {
        CliRun r = CliRun.of("gram", "--kernel", "arccos1", "--points", dir.resolve("nope.npy").toString(),
                "--out", out.toString());
        assertOneLine(r, "nope.npy", "no such file");
        assertFalse(Files.exists(out));
    }

    @Test
    void failingRunLeavesAnExistingOutputUntouched() throws IOException {
        Npy.write(out, new double[] {1, 2, 3});
        byte[] before = Files.readAllBytes(out);
        Path bad = dir.resolve("bad.npy");
        Files.write(bad, new byte[] {1, 2, 3});
        CliRun r = CliRun.of("gram", "--kernel", "arccos1", "--points", bad.toString(), "--out", out.toString());
        assertOneLine(r, "bad.npy", "magic");
        assertArrayEquals(before, Files.readAllBytes(out));
        r = CliRun.of("gram", "--kernel", "no-such-kernel", "--points", points.toString(), "--out", out.toString());
        assertOneLine(r, "--kernel must be one of arccos0, arccos1, ntk2, deep-ntk, deep-nngp, got 'no-such-kernel'");
        assertArrayEquals(before, Files.readAllBytes(out));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("K.npy", "X.npy", "bad.npy"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void rejectsBadInputsWithOneLine() throws IOException {
        Path vector = dir.resolve("v.npy");
        Npy.write(vector, new double[] {1, 2});
        assertOneLine(CliRun.of("gram", "--kernel", "arccos1", "--points", vector.toString(), "--out", out.toString()),
                "v.npy", "2-D", "(2,)");
        Path nan = dir.resolve("nan.npy");
        Npy.write(nan, new double[][] {{1, 2}, {Double.NaN, 0}});
        assertOneLine(CliRun.of("gram", "--kernel", "arccos1", "--points", nan.toString(), "--out", out.toString()),
                "nan.npy", "finite", "NaN", "row 1, column 0");
        assertOneLine(CliRun.of("gram", "--kernel", "arccos1", "--points", points.toString(), "--out", out.toString(),
                "--threads", "0"), "--threads", "got 0");
        assertOneLine(CliRun.of("gram", "--kernel", "deep-ntk", "--depth", "0", "--points", points.toString(),
                "--out", out.toString()), "depth", "0");
        assertOneLine(CliRun.of("gram", "--kernel", "arccos1", "--depth", "2", "--points", points.toString(),
                "--out", out.toString()), "depth", "arccos1", "2");
        assertOneLine(CliRun.of("gram", "--kernel", "arccos1", "--points", points.toString(),
                "--out", dir.resolve("missing-dir").resolve("K.npy").toString()), "--out", "must exist");
        assertOneLine(CliRun.of("gram", "--kernel", "arccos1", "--points", points.toString()), "--out");
        assertOneLine(CliRun.of("gram", "--kernel", "arccos1", "--depth", "x", "--points", points.toString(),
                "--out", out.toString()), "--depth");
        assertFalse(Files.exists(out));
    }

    @Test
    void helpExitsZero() {
        CliRun r = CliRun.of("gram", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: ntk gram"), r.out());
        assertTrue(r.out().contains("--kernel") && r.out().contains("--points") && r.out().contains("--out"), r.out());
        assertEquals("", r.err());
    }
}
