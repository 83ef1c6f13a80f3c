package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ntk.core.io.Npy;
import org.ntk.core.io.NpyFiles;
import org.ntk.core.sampling.Gaussians;

/**
 * {@code ntk gram} against an independent per-entry implementation of every kernel of DESIGN.md,
 * written here from the closed forms of MATH.md §1, §3.2 and the recursion of §6.2 with
 * {@link StrictMath}, on inputs that include duplicate, antipodal, parallel (power-of-two
 * multiples), tiny (1e-150 scale) and zero rows, read from float64 and float32 files in C and
 * Fortran order.
 *
 * <p>Tolerance: 1e-12 relative to the largest entry. Both implementations compute the cosine of
 * duplicate, antipodal and power-of-two-parallel pairs exactly (±1), so the steep derivative of
 * kappa0 at t = ±1 does not amplify rounding; elsewhere the profiles are evaluated to a few ulp.
 */
class GramCommandIndependentTest {

    private static final int D = 4;

    @TempDir
    Path dir;

    /** 12 Gaussian rows, then: duplicate of row 0, −row 1, 2·row 2, 0.5·row 3, zero, a tiny row. */
    private static double[][] points() {
        List<double[]> rows = new ArrayList<>();
        Gaussians g = new Gaussians(2026);
        for (int i = 0; i < 12; i++) {
            double[] r = new double[D];
            for (int k = 0; k < D; k++) {
                r[k] = g.next();
            }
            rows.add(r);
        }
        rows.add(rows.get(0).clone());
        rows.add(scaled(rows.get(1), -1));
        rows.add(scaled(rows.get(2), 2));
        rows.add(scaled(rows.get(3), 0.5));
        rows.add(new double[D]);
        double[] tiny = new double[D];
        for (int k = 0; k < D; k++) {
            tiny[k] = 1e-150 * g.next();
        }
        rows.add(tiny);
        return rows.toArray(new double[0][]);
    }

    private static double[] scaled(double[] r, double s) {
        double[] o = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            o[k] = s * r[k];
        }
        return o;
    }

    static List<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        String[][] kernels = {{"arccos0", "1"}, {"arccos1", "1"}, {"ntk2", "1"}, {"deep-ntk", "1"},
            {"deep-ntk", "3"}, {"deep-nngp", "1"}, {"deep-nngp", "2"}};
        for (String[] k : kernels) {
            for (String dtype : new String[] {"<f8", "<f4"}) {
                for (boolean fortran : new boolean[] {false, true}) {
                    a.add(Arguments.of(k[0], Integer.parseInt(k[1]), dtype, fortran));
                }
            }
        }
        return a;
    }

    @ParameterizedTest(name = "{0} depth {1} {2} fortran={3}")
    @MethodSource("cases")
    void agreesWithIndependentClosedForms(String kernel, int depth, String dtype, boolean fortran) throws IOException {
        double[][] x = points();
        int n = x.length;
        if (dtype.equals("<f4")) {
            for (double[] r : x) {
                for (int k = 0; k < D; k++) {
                    r[k] = (float) r[k];
                }
            }
        }
        double[] values = new double[n * D];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < D; k++) {
                values[fortran ? k * n + i : i * D + k] = x[i][k];
            }
        }
        Path in = dir.resolve("X.npy");
        Files.write(in, NpyFiles.file(1, NpyFiles.dict(dtype, fortran, "(" + n + ", " + D + ")"),
                NpyFiles.data(dtype, values)));
        Path out = dir.resolve("K.npy");
        CliRun r = CliRun.of("gram", "--kernel", kernel, "--depth", Integer.toString(depth),
                "--points", in.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        double[] k = Npy.read(out).data();
        assertArrayEquals(new int[] {n, n}, Npy.read(out).shape());

        double[] ref = new double[n * n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ref[i * n + j] = reference(kernel, depth, x[i], x[j]);
                max = Math.max(max, Math.abs(ref[i * n + j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double got = k[i * n + j];
                double want = ref[i * n + j];
                assertTrue(Math.abs(got - want) <= 1e-12 * max,
                        kernel + " entry (" + i + "," + j + "): " + got + " vs " + want);
                assertEquals(k[j * n + i], got, 0.0, "symmetry");
            }
        }
        // zero row (index 16) is exactly 0 against everything
        for (int j = 0; j < n; j++) {
            assertEquals(0.0, k[16 * n + j], 0.0);
        }
    }

    private static double kappa0(double t) {
        return (Math.PI - StrictMath.acos(t)) / (2 * Math.PI);
    }

    private static double kappa1(double t) {
        return (StrictMath.sqrt(Math.max(0, 1 - t * t)) + (Math.PI - StrictMath.acos(t)) * t) / (2 * Math.PI);
    }

    /** Per-entry reference, MATH.md §1 (arccos), §3.2 (ntk2), §6.2 (deep, c_σ = 2, L = depth + 1). */
    private static double reference(String kernel, int depth, double[] x, double[] y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int k = 0; k < x.length; k++) {
            xy += x[k] * y[k];
            xx += x[k] * x[k];
            yy += y[k] * y[k];
        }
        if (xx == 0 || yy == 0) {
            return 0;
        }
        double t = Math.max(-1, Math.min(1, xy / StrictMath.sqrt(xx * yy)));
        double r = StrictMath.sqrt(xx) * StrictMath.sqrt(yy);
        switch (kernel) {
            case "arccos0":
                return kappa0(t);
            case "arccos1":
                return r * kappa1(t);
            case "ntk2":
                return r * kappa1(t) + xy * kappa0(t);
            case "deep-ntk":
            case "deep-nngp": {
                double g = t;
                double ntk = t;
                for (int l = 2; l <= depth + 1; l++) {
                    double gDot = 2 * kappa0(g);
                    double gNext = Math.max(-1, Math.min(1, 2 * kappa1(g)));
                    ntk = ntk * gDot + gNext;
                    g = gNext;
                }
                return r * (kernel.equals("deep-ntk") ? ntk : g);
            }
            default:
                throw new AssertionError(kernel);
        }
    }
}
