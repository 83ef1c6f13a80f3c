package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.io.Npy;
import org.ntk.core.io.NpyFiles;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;

class FimCommandTest {

    @TempDir
    Path dir;

    @Test
    void matchesTheClosedFormOnThreeUnits() {
        // w1 = e1, w2 = e2, w3 = e1 + e2. MATH.md §2.1: J_jk = ‖w_j‖‖w_k‖ (sin θ + (π − θ) cos θ)/(2π)
        //   J_jj = ‖w_j‖²/2: 1/2, 1/2, 1;  J_12 (θ = π/2) = 1/(2π);
        //   J_13 = J_23 (‖w_3‖ = √2, θ = π/4) = √2 (1/√2 + (3π/4)/√2)/(2π) = (1 + 3π/4)/(2π)
        Path w = dir.resolve("W.npy");
        Path out = dir.resolve("J.npy");
        Npy.write(w, new double[][] {{1, 0}, {0, 1}, {1, 1}});
        CliRun r = CliRun.of("fim", "--weights", w.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        double a = 1 / (2 * Math.PI);
        double b = (1 + 3 * Math.PI / 4) / (2 * Math.PI);
        double[][] expected = {{0.5, a, b}, {a, 0.5, b}, {b, b, 1}};
        double[][] j = Npy.read(out).matrix();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], j[i], 1e-15);
        }
    }

    @Test
    void writesTheLibrarysFisherInformationForFloat32FortranInput() throws IOException {
        double[][] w = ReluNetwork.random(4, 30, WeightScale.FAN_IN, 5).hiddenWeights();
        double[] colMajor = new double[120];
        double[][] rounded = new double[30][4];
        for (int i = 0; i < 30; i++) {
            for (int k = 0; k < 4; k++) {
                colMajor[k * 30 + i] = w[i][k];
                rounded[i][k] = (float) w[i][k];
            }
        }
        Path file = dir.resolve("W32.npy");
        Files.write(file, NpyFiles.file(2, NpyFiles.dict("<f4", true, "(30, 4)"), NpyFiles.data("<f4", colMajor)));
        Path out = dir.resolve("J.npy");
        CliRun r = CliRun.of("fim", "--weights", file.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        double[] ones = new double[30];
        Arrays.fill(ones, 1);
        double[] expected = FisherInformation.analytic(ReluNetwork.of(rounded, ones)).toArray();
        assertArrayEquals(expected, Npy.read(out).data(), 0.0);
    }

    @Test
    void badWeightsGiveOneLineAndNoOutput() throws IOException {
        Path out = dir.resolve("J.npy");
        Npy.write(out, new double[] {7});
        byte[] before = Files.readAllBytes(out);
        Path threeD = dir.resolve("W3.npy");
        Files.write(threeD, NpyFiles.file(1, NpyFiles.dict("<f8", false, "(1, 1, 2)"), NpyFiles.data("<f8", 1, 2)));
        CliRun r = CliRun.of("fim", "--weights", threeD.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("ntk fim: "), r.err());
        assertTrue(r.errLines().get(0).contains("(1, 1, 2)"), r.err());
        assertArrayEquals(before, Files.readAllBytes(out));
        r = CliRun.of("fim", "--weights", dir.resolve("none.npy").toString(), "--out", dir.resolve("J2.npy").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertFalse(Files.exists(dir.resolve("J2.npy")));
    }

    @Test
    void helpExitsZero() {
        CliRun r = CliRun.of("fim", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: ntk fim"), r.out());
        assertEquals("", r.err());
    }
}
