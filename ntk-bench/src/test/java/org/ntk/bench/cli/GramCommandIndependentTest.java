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
 * {@link StrictMath}, on inputs that include duplicate, antipodal, parallel (power-of-two and 3×
 * multiples), tiny (1e-150 scale; 1e-30 in float32) and zero rows, read from float64 and float32
 * files in C and Fortran order.
 *
 * <p>Tolerance: 1e-13 of each entry's own scale ‖x_i‖^p‖x_j‖^p·max|h| (see the test body).
 */
class GramCommandIndependentTest {

    private static final int D = 4;

    @TempDir
    Path dir;

    /**
     * 12 Gaussian rows, then: duplicate of row 0, −row 1, 2·row 2, 0.5·row 3, zero, a tiny row (scale
     * 1e−150 for float64, 1e−30 for float32, whose smallest normal is 1.2e−38), 3·row 4 and −3·row 5
     * (parallel and antipodal with cosines a few ulp from ±1).
     */
    private static double[][] points(double tinyScale) {
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
            tiny[k] = tinyScale * g.next();
        }
        rows.add(tiny);
        rows.add(scaled(rows.get(4), 3));
        rows.add(scaled(rows.get(5), -3));
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
        boolean single = dtype.equals("<f4");
        double[][] x = points(single ? 1e-30 : 1e-150);
        int n = x.length;
        if (single) {
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

        // Tolerance per entry, relative to the entry's own scale ‖x_i‖^p‖x_j‖^p·max|h| (p the radial
        // degree, max|h| the largest profile value: 1/2 for arccos0/1, 1 for ntk2 and deep-nngp, L for
        // deep-ntk), so that rows of any norm, the tiny one included, are checked as tightly as the
        // rest: 1e−13, the library's accuracy requirement, for every entry. The cosines of duplicate,
        // antipodal and power-of-two rows are exactly ±1 in both implementations; those of the 3× rows
        // are within a few ulp of ±1 and come out as the same double in both here (were they rounded
        // differently, kappa0's √(1 ∓ t) singularity would allow √(16ε)/π ≈ 1.9e−8 per layer, which is
        // why the requirement exempts |t| ≥ 1 − 1e−6).
        double hmax = kernel.equals("arccos0") || kernel.equals("arccos1") ? 0.5
                : kernel.equals("deep-ntk") ? depth + 1 : 1;
        boolean scaleFree = kernel.equals("arccos0");
        int checked = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double got = k[i * n + j];
                double want = reference(kernel, depth, x[i], x[j]);
                double ni = norm(x[i]);
                double nj = norm(x[j]);
                double scale = (scaleFree ? 1 : ni * nj) * hmax;
                double tol = 1e-13 * scale;
                assertTrue(Math.abs(got - want) <= tol, kernel + " entry (" + i + "," + j + "): " + got + " vs "
                        + want + ", tolerance " + tol);
                assertEquals(k[j * n + i], got, 0.0, "symmetry");
                checked++;
            }
        }
        assertEquals(n * n, checked);
        // zero row (index 16) is exactly 0 against everything
        for (int j = 0; j < n; j++) {
            assertEquals(0.0, k[16 * n + j], 0.0);
        }
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }

    private static double norm(double[] x) {
        return StrictMath.sqrt(dot(x, x));
    }

    /** The binary exponent of the largest |entry|, or Integer.MIN_VALUE for a zero vector. */
    private static int exponent(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m == 0 ? Integer.MIN_VALUE : Math.getExponent(m);
    }

    private static double kappa0(double t) {
        return (Math.PI - StrictMath.acos(t)) / (2 * Math.PI);
    }

    private static double kappa1(double t) {
        return (StrictMath.sqrt(Math.max(0, 1 - t * t)) + (Math.PI - StrictMath.acos(t)) * t) / (2 * Math.PI);
    }

    /**
     * Per-entry reference, MATH.md §1 (arccos), §3.2 (ntk2), §6.2 (deep, c_σ = 2, L = depth + 1). Each
     * vector is first scaled by a power of two (exact) so that its largest entry lies in [1, 2): sums of
     * squares then neither underflow nor overflow, and t = x·y/√(‖x‖²‖y‖²) is exactly ±1 for duplicate,
     * antipodal and power-of-two-parallel pairs (√(s²) = s in IEEE arithmetic).
     */
    private static double reference(String kernel, int depth, double[] x, double[] y) {
        int ex = exponent(x);
        int ey = exponent(y);
        if (ex == Integer.MIN_VALUE || ey == Integer.MIN_VALUE) {
            return 0; // a zero vector (DESIGN.md)
        }
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int k = 0; k < x.length; k++) {
            double a = Math.scalb(x[k], -ex);
            double b = Math.scalb(y[k], -ey);
            xy += a * b;
            xx += a * a;
            yy += b * b;
        }
        double t = Math.max(-1, Math.min(1, xy / StrictMath.sqrt(xx * yy)));
        double r = Math.scalb(StrictMath.sqrt(xx) * StrictMath.sqrt(yy), ex + ey);
        xy = Math.scalb(xy, ex + ey);
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
