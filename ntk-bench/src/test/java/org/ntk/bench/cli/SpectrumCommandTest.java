package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.io.Npy;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.eigen.CommonsMathEigenSolver;

class SpectrumCommandTest {

    @TempDir
    Path dir;

    private Path out;
    private Path vec;

    @BeforeEach
    void paths() {
        out = dir.resolve("eig.npy");
        vec = dir.resolve("V.npy");
    }

    private static double[][] gaussianRows(int n, int d, long seed) {
        Gaussians g = new Gaussians(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = g.next();
            }
        }
        return x;
    }

    private Path write(String name, double[][] a) {
        Path p = dir.resolve(name);
        Npy.write(p, a);
        return p;
    }

    /** Independent reference: commons-math's dense solver (pure Java, no LAPACK). */
    private static double[] reference(KernelMatrix k) {
        return new CommonsMathEigenSolver().eigenvalues(k);
    }

    private static void assertNonIncreasing(double[] v) {
        for (int i = 1; i < v.length; i++) {
            assertTrue(v[i] <= v[i - 1], "eigenvalues[" + i + "] = " + v[i] + " > eigenvalues[" + (i - 1) + "]");
        }
    }

    private static void assertAgree(double[] expected, double[] actual) {
        double tol = 1e-10 * Math.abs(expected[0]);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], tol, "eigenvalue " + i);
        }
    }

    /** Checks VᵀV = I to 1e-10 and ‖K v_c − λ_c v_c‖ ≤ 1e-8 for every column, K from the library. */
    private static void assertEigenvectors(KernelMatrix k, double[] values, double[][] v) {
        int n = k.size();
        int count = values.length;
        assertEquals(n, v.length);
        assertEquals(count, v[0].length);
        for (int a = 0; a < count; a++) {
            for (int b = 0; b <= a; b++) {
                double dot = 0;
                for (int r = 0; r < n; r++) {
                    dot += v[r][a] * v[r][b];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-10, "v_" + a + "·v_" + b);
            }
        }
        double[] col = new double[n];
        double[] kv = new double[n];
        for (int c = 0; c < count; c++) {
            for (int r = 0; r < n; r++) {
                col[r] = v[r][c];
            }
            k.multiply(col, kv);
            double s = 0;
            for (int r = 0; r < n; r++) {
                double e = kv[r] - values[c] * col[r];
                s += e * e;
            }
            assertTrue(Math.sqrt(s) <= 1e-8, "residual of pair " + c + " is " + Math.sqrt(s));
        }
    }

    @Test
    void allEigenvaluesOfAKernelAgreeWithTheIndependentSolver() {
        double[][] x = gaussianRows(80, 4, 3);
        Path points = write("X.npy", x);
        CliRun r = CliRun.of("spectrum", "--kernel", "ntk2", "--points", points.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        double[] got = Npy.read(out).data();
        assertArrayEquals(new int[] {80}, Npy.read(out).shape());
        assertNonIncreasing(got);
        assertAgree(reference(Kernels.twoLayerNtk().gram(x, 1)), got);
    }

    @Test
    void deepKernelDepthIsPassedThrough() {
        double[][] x = gaussianRows(40, 3, 4);
        Path points = write("X.npy", x);
        CliRun r = CliRun.of("spectrum", "--kernel", "deep-ntk", "--depth", "3", "--points", points.toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertAgree(reference(Kernels.deepNtk(3).gram(x, 1)), Npy.read(out).data());
    }

    @Test
    void matrixSourceWithAllVectors() {
        double[][] x = gaussianRows(50, 3, 5);
        KernelMatrix k = Kernels.arcCosine(1).gram(x, 1);
        double[][] rows = new double[50][];
        double[] flat = k.toArray();
        for (int i = 0; i < 50; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * 50, (i + 1) * 50);
        }
        Path m = write("K.npy", rows);
        CliRun r = CliRun.of("spectrum", "--matrix", m.toString(), "--out", out.toString(), "--vectors", vec.toString());
        assertEquals(0, r.exit(), r.err());
        double[] got = Npy.read(out).data();
        assertNonIncreasing(got);
        assertAgree(reference(k), got);
        assertEigenvectors(k, got, Npy.read(vec).matrix());
    }

    @Test
    void fisherInformationSpectrumAgreesWithTheIndependentSolver() {
        ReluNetwork net = ReluNetwork.random(5, 120, WeightScale.FAN_IN, 11);
        Path w = write("W.npy", net.hiddenWeights());
        CliRun r = CliRun.of("spectrum", "--fim", w.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        double[] got = Npy.read(out).data();
        assertEquals(120, got.length);
        assertNonIncreasing(got);
        assertAgree(reference(FisherInformation.analytic(net, 1)), got);
    }

    @Test
    void topTwentyWithVectorsOfAMatrixFreeKernel() {
        double[][] x = gaussianRows(300, 5, 7);
        Path points = write("X.npy", x);
        CliRun r = CliRun.of("spectrum", "--kernel", "arccos1", "--points", points.toString(), "--top", "20",
                "--out", out.toString(), "--vectors", vec.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        double[] got = Npy.read(out).data();
        assertEquals(20, got.length);
        assertNonIncreasing(got);
        KernelMatrix k = Kernels.arcCosine(1).gram(x, 1);
        assertAgree(reference(k), got);
        assertArrayEquals(new int[] {300, 20}, Npy.read(vec).shape());
        assertEigenvectors(k, got, Npy.read(vec).matrix());
    }

    @Test
    void topOfTheFisherInformationAndOfAMatrix() {
        ReluNetwork net = ReluNetwork.random(4, 200, WeightScale.STANDARD, 13);
        Path w = write("W.npy", net.hiddenWeights());
        KernelMatrix j = FisherInformation.analytic(net, 1);
        CliRun r = CliRun.of("spectrum", "--fim", w.toString(), "--top", "20", "--out", out.toString(),
                "--vectors", vec.toString());
        assertEquals(0, r.exit(), r.err());
        double[] got = Npy.read(out).data();
        double[] ref = reference(j);
        assertAgree(ref, got);
        assertEigenvectors(j, got, Npy.read(vec).matrix());

        double[][] rows = new double[200][];
        double[] flat = j.toArray();
        for (int i = 0; i < 200; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * 200, (i + 1) * 200);
        }
        Path m = write("J.npy", rows);
        r = CliRun.of("spectrum", "--matrix", m.toString(), "--top", "5", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertAgree(ref, Npy.read(out).data());
        assertEquals(5, Npy.read(out).data().length);
    }

    @Test
    void topEqualToTheSizeIsAllowed() {
        double[][] x = gaussianRows(6, 3, 17);
        Path points = write("X.npy", x);
        CliRun r = CliRun.of("spectrum", "--kernel", "arccos0", "--points", points.toString(), "--top", "6",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertAgree(reference(Kernels.arcCosine(0).gram(x, 1)), Npy.read(out).data());
    }

    private void assertRejected(String[] args, String... fragments) throws IOException {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("ntk spectrum: "), line);
        for (String f : fragments) {
            assertTrue(line.contains(f), () -> "'" + f + "' not in: " + line);
        }
        assertTrue(Files.notExists(out), "partial output " + out);
        assertTrue(Files.notExists(vec), "partial output " + vec);
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left");
        }
    }

    private static String[] args(Object... a) {
        return Arrays.stream(a).map(Object::toString).toArray(String[]::new);
    }

    @Test
    void rejectionsExitTwoWithOneLineAndNoOutput() throws IOException {
        Path points = write("X.npy", gaussianRows(10, 3, 19));
        Path w = write("W.npy", gaussianRows(8, 3, 23));
        Path square = write("K.npy", new double[][] {{2, 1}, {1, 2}});
        Path rect = write("R.npy", new double[][] {{1, 2, 3}, {4, 5, 6}});
        Path asym = write("A.npy", new double[][] {{1, 2}, {2.001, 1}});
        Path nan = write("N.npy", new double[][] {{1, Double.NaN}, {Double.NaN, 1}});
        Path vector = dir.resolve("v.npy");
        Npy.write(vector, new double[] {1, 2, 3, 4});

        assertRejected(args("spectrum", "--out", out), "exactly one source", "--matrix", "--kernel", "--fim", "got none");
        assertRejected(args("spectrum", "--matrix", square, "--fim", w, "--out", out),
                "exactly one source", "got --matrix and --fim");
        assertRejected(args("spectrum", "--kernel", "arccos1", "--points", points, "--fim", w, "--out", out),
                "got --kernel and --fim");
        assertRejected(args("spectrum", "--kernel", "arccos1", "--out", out), "--kernel requires --points");
        assertRejected(args("spectrum", "--points", points, "--out", out), "--points requires --kernel");
        assertRejected(args("spectrum", "--fim", w, "--depth", "2", "--out", out), "--depth", "--kernel", "--fim");
        assertRejected(args("spectrum", "--kernel", "nope", "--points", points, "--out", out), "--kernel must be one of");
        assertRejected(args("spectrum", "--kernel", "deep-ntk", "--depth", "0", "--points", points, "--out", out),
                "depth", "0");
        assertRejected(args("spectrum", "--kernel", "arccos1", "--points", points, "--top", "0", "--out", out),
                "--top must be >= 1, got 0");
        assertRejected(args("spectrum", "--kernel", "arccos1", "--points", points, "--top", "11", "--out", out,
                "--vectors", vec), "--top must be <= n = 10", "got 11");
        assertRejected(args("spectrum", "--fim", w, "--top", "9", "--out", out), "--top must be <= n = 8", "got 9");
        assertRejected(args("spectrum", "--matrix", square, "--top", "3", "--out", out), "--top must be <= n = 2");
        assertRejected(args("spectrum", "--matrix", rect, "--out", out), "R.npy", "square", "2×3");
        assertRejected(args("spectrum", "--matrix", asym, "--out", out, "--vectors", vec), "A.npy", "symmetric",
                "1.0E-10", "K[1][0]");
        assertRejected(args("spectrum", "--matrix", nan, "--out", out), "N.npy", "finite", "NaN");
        assertRejected(args("spectrum", "--matrix", vector, "--out", out), "v.npy", "2-D", "(4,)");
        assertRejected(args("spectrum", "--matrix", dir.resolve("missing.npy"), "--out", out), "missing.npy");
        assertRejected(args("spectrum", "--matrix", square, "--out", out, "--vectors", out), "--vectors must differ");
        assertRejected(args("spectrum", "--matrix", square, "--out", out,
                "--vectors", dir.resolve("no-dir").resolve("V.npy")), "--vectors", "must exist");
        assertRejected(args("spectrum", "--matrix", square), "--out");
        assertRejected(args("spectrum", "--matrix", square, "--out", out, "--threads", "0"), "--threads", "got 0");
        assertRejected(args("spectrum", "--matrix", square, "--out", out, "--top", "x"), "--top");
        try (var s = Files.list(dir)) {
            assertEquals(List.of("A.npy", "K.npy", "N.npy", "R.npy", "W.npy", "X.npy", "v.npy"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void failedRunLeavesExistingOutputsUntouched() throws IOException {
        Npy.write(out, new double[] {1, 2});
        byte[] before = Files.readAllBytes(out);
        Path rect = write("R.npy", new double[][] {{1, 2, 3}, {4, 5, 6}});
        CliRun r = CliRun.of("spectrum", "--matrix", rect.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertArrayEquals(before, Files.readAllBytes(out));
    }

    @Test
    void helpListsTheSources() {
        CliRun r = CliRun.of("spectrum", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: ntk spectrum"), r.out());
        for (String o : List.of("--matrix", "--kernel", "--depth", "--points", "--fim", "--top", "--out", "--vectors")) {
            assertTrue(r.out().contains(o), o);
        }
        assertEquals("", r.err());
    }

    @Test
    void fimTopFormsTheMatrixOnlyWhenItTakesAtMostHalfTheHeap() {
        // 8·m² bytes against half of what is available
        assertTrue(SpectrumCommand.formsDense(1000, 16_000_000L));
        assertFalse(SpectrumCommand.formsDense(1001, 16_000_000L));
        assertFalse(SpectrumCommand.formsDense(50_000, Long.MAX_VALUE)); // beyond one Java array
        assertTrue(SpectrumCommand.formsDense(46_340, Long.MAX_VALUE));
    }

    @Test
    void fimOperatorWithoutFormingTheMatrixHasTheSameProducts() {
        ReluNetwork net = ReluNetwork.random(5, 120, WeightScale.STANDARD, 29);
        KernelMatrix dense = SpectrumCommand.fisherInformation(net, 2, true);
        KernelMatrix free = SpectrumCommand.fisherInformation(net, 2, false);
        assertEquals(120, free.size());
        double[] v = gaussianRows(1, 120, 31)[0];
        double[] a = new double[120];
        double[] b = new double[120];
        dense.multiply(v, a);
        free.multiply(v, b);
        // the same kernel entries summed in possibly different orders: agreement to rounding, 1e-13·‖Jv‖
        double norm = 0;
        for (double x : a) {
            norm = Math.max(norm, Math.abs(x));
        }
        assertArrayEquals(a, b, 1e-13 * norm);
        assertEquals(dense.get(3, 77), free.get(3, 77), 1e-15 * dense.get(3, 3));
    }
}
