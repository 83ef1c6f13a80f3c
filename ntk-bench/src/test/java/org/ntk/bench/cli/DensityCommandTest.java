package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ntk.spectral.density.ActivationDerivative;
import org.ntk.spectral.density.BenigniPaquetteModel;
import org.ntk.spectral.density.DensityPrediction;
import org.ntk.spectral.density.ScaleLaw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DensityCommandTest {

    private static final List<String> KEYS = List.of("activation", "scales", "gamma1", "gamma2", "d", "p", "n", "eta",
            "gridPoints", "gridMax", "atom", "lowerEdge", "upperEdge", "mean", "predictedIntegral", "outlierCount",
            "outlierLocation", "extraOutlierLocation", "extraOutlierAboveBulk", "simulation");
    private static final List<String> SIMULATION_KEYS = List.of("seed", "structuralZeros", "l1Distance",
            "outlierThreshold", "observedOutlierCount", "observedOutliers");

    @TempDir
    Path dir;

    /** The CSV as columns of numbers, after checking the header and that every row has as many fields. */
    private static double[][] readCsv(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(header, lines.get(0));
        int cols = header.split(",").length;
        double[][] c = new double[cols][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            assertEquals(cols, f.length, lines.get(i));
            for (int k = 0; k < cols; k++) {
                c[k][i - 1] = Double.parseDouble(f[k]);
            }
        }
        return c;
    }

    private static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<String> keys(JsonNode node) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            k.add(it.next());
        }
        return k;
    }

    private static double trapezoid(double[] x, double[] y) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += 0.5 * (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
        }
        return s;
    }

    private List<String> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void predictionOnlyWritesCsvAndSidecar() throws IOException {
        Path out = dir.resolve("density.csv");
        double eta = 0.002;
        int grid = 4000;
        CliRun r = CliRun.of("density", "--activation", "step", "--gamma1", "4", "--gamma2", "1", "--d", "20",
                "--eta", Double.toString(eta), "--grid", Integer.toString(grid), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("density.csv", "density.json"), files());
        assertTrue(r.out().contains("wrote " + out), r.out());
        assertTrue(r.err().contains("atom at 0: mass 0.750000") && r.err().contains("predicted outliers: 20 near"),
                r.err());

        double[][] c = readCsv(out, "x,predicted");
        double[] x = c[0];
        double[] rho = c[1];
        assertEquals(grid, x.length);
        assertEquals(0.0, x[0], 0.0);
        for (int i = 1; i < grid; i++) {
            assertTrue(x[i] > x[i - 1], "x not ascending at " + i);
            assertTrue(rho[i] >= 0, "negative density at " + i);
        }
        // the same numbers as the library (Double.toString round-trips exactly)
        DensityPrediction pred = BenigniPaquetteModel.of(ActivationDerivative.STEP, ScaleLaw.identity(), 4, 1, 20)
                .predict(grid, eta);
        assertArrayEquals(pred.grid(), x, 0.0);
        assertArrayEquals(pred.density(), rho, 0.0);

        JsonNode j = readJson(dir.resolve("density.json"));
        assertEquals(KEYS, keys(j));
        assertEquals("step", j.get("activation").asText());
        assertEquals("identity", j.get("scales").asText());
        assertEquals(4.0, j.get("gamma1").asDouble(), 0.0);
        assertEquals(1.0, j.get("gamma2").asDouble(), 0.0);
        // p = round(γ2 d) = 20, n = round(γ1 d p) = 1600 (MATH.md §8.1)
        assertEquals(20, j.get("d").asInt());
        assertEquals(20, j.get("p").asInt());
        assertEquals(1600, j.get("n").asInt());
        assertEquals(eta, j.get("eta").asDouble(), 0.0);
        assertEquals(grid, j.get("gridPoints").asInt());
        assertEquals(x[grid - 1], j.get("gridMax").asDouble(), 0.0);
        // atom (1 − 1/γ1)_+ = 3/4 (MATH.md §8.2); d outliers near γ1 p a0² = 4·20/4 = 20 and one near
        // γ1 p a1² = 80/(2π) (a0 = 1/2, a1 = 1/√(2π) for step, MATH.md §8.3)
        double atom = j.get("atom").asDouble();
        assertEquals(0.75, atom, 0.0);
        assertEquals(20, j.get("outlierCount").asInt());
        assertEquals(20.0, j.get("outlierLocation").asDouble(), 1e-12);
        assertEquals(80 / (2 * Math.PI), j.get("extraOutlierLocation").asDouble(), 1e-12);
        assertTrue(j.get("extraOutlierAboveBulk").asBoolean());
        // mean of the limit law = ∫ t dH = c⊥ + a1² = 1/4 for step (MATH.md §8.3); H is discretised on 400
        // quantiles, the group means keep the mean exact up to rounding
        assertEquals(0.25, j.get("mean").asDouble(), 1e-4);
        assertTrue(j.get("simulation").isNull());
        double lower = j.get("lowerEdge").asDouble();
        double upper = j.get("upperEdge").asDouble();
        assertEquals(pred.upperEdge(), upper, 0.0);
        assertTrue(lower > 0 && lower < upper, lower + " " + upper);
        assertTrue(x[grid - 1] > upper, "grid ends at " + x[grid - 1] + ", bulk at " + upper);

        // ∫ predicted ≈ 1 − atom. The η-smoothed density is the bulk convolved with a Cauchy kernel of width
        // η, which moves mass outside [0, gridMax]: from an eigenvalue λ in the bulk at most (η/π)/λ below 0
        // and (η/π)/(gridMax − λ) above the grid, so in all at most
        // (1 − atom)(η/π)(1/lowerEdge + 1/(gridMax − upperEdge)). The smoothed density is analytic in a strip of
        // half-width η, so the trapezoid rule with spacing h errs by about (1 − atom)·2exp(−2πη/h).
        double integral = trapezoid(x, rho);
        assertEquals(integral, j.get("predictedIntegral").asDouble(), 1e-12);
        double h = x[1] - x[0];
        assertTrue(h < eta, "spacing " + h);
        double tails = (1 - atom) * (eta / Math.PI) * (1 / lower + 1 / (x[grid - 1] - upper));
        double quadrature = (1 - atom) * 2 * Math.exp(-2 * Math.PI * eta / h);
        assertTrue(integral <= 1 - atom + quadrature, () -> "integral " + integral);
        assertTrue(integral >= 1 - atom - tails - quadrature,
                () -> "integral " + integral + ", tails bound " + tails + ", quadrature " + quadrature);
    }

    @Test
    void simulationAddsTheEmpiricalColumnAndObservedOutliers() throws IOException {
        Path out = dir.resolve("sim.csv");
        CliRun r = CliRun.of("density", "--activation", "step", "--gamma1", "2", "--gamma2", "1", "--d", "20",
                "--simulate", "11", "--threads", "2", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("sim.csv", "sim.json"), files());
        double[][] c = readCsv(out, "x,predicted,empirical");
        assertEquals(400, c[0].length);
        assertTrue(r.err().contains("simulated (seed 11, n = 800)") && r.err().contains("observed outliers:"),
                r.err());

        JsonNode j = readJson(dir.resolve("sim.json"));
        assertEquals(KEYS, keys(j));
        JsonNode s = j.get("simulation");
        assertEquals(SIMULATION_KEYS, keys(s));
        assertEquals(11, s.get("seed").asLong());
        // rank K ≤ dp = 400 of n = 800 (MATH.md §8.2)
        assertEquals(400, s.get("structuralZeros").asInt());
        // the L1 distance is that of the two CSV columns (trapezoid rule)
        double[] diff = new double[c[0].length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = Math.abs(c[1][i] - c[2][i]);
        }
        assertEquals(trapezoid(c[0], diff), s.get("l1Distance").asDouble(), 1e-12);
        double upper = j.get("upperEdge").asDouble();
        assertEquals(1.5 * upper, s.get("outlierThreshold").asDouble(), 0.0);

        // the observed outliers are the eigenvalues above the threshold of an independent simulation with the
        // same seed through the library (LAPACK may differ in the last bits: 1e-10 relative)
        double[] expected = BenigniPaquetteModel.of(ActivationDerivative.STEP, ScaleLaw.identity(), 2, 1, 20)
                .simulate(11).eigenvaluesAbove(1.5 * upper);
        JsonNode observed = s.get("observedOutliers");
        assertEquals(expected.length, s.get("observedOutlierCount").asInt());
        assertEquals(expected.length, observed.size());
        assertTrue(expected.length > 0);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], observed.get(i).asDouble(), 1e-10 * expected[0]);
        }
    }

    @Test
    void uniformScalesAndLogisticAreRecorded() throws IOException {
        Path out = dir.resolve("l");
        CliRun r = CliRun.of("density", "--activation", "logistic", "--gamma1", "1", "--gamma2", "0.5",
                "--scales", "uniform:0.5:1.5", "--d", "20", "--grid", "50", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        // the sidecar of a name without .csv gets .json appended
        assertEquals(List.of("l", "l.json"), files());
        assertEquals(50, readCsv(out, "x,predicted")[0].length);
        JsonNode j = readJson(dir.resolve("l.json"));
        assertEquals("logistic", j.get("activation").asText());
        assertEquals("uniform:0.5:1.5", j.get("scales").asText());
        assertEquals(0.0, j.get("atom").asDouble(), 0.0);
        // outliers near γ1 p a0² E[D²] with p = 10, a0 = 1/2 (MATH.md §8.3), E[D²] = (A² + AB + B²)/3 = 13/12
        assertEquals(10 * 0.25 * 13 / 12.0, j.get("outlierLocation").asDouble(), 1e-12);
    }

    @Test
    void sidecarNameRule() {
        assertEquals(Path.of("a", "density.json"), DensityCommand.sidecar(Path.of("a", "density.csv")));
        assertEquals(Path.of("x.json"), DensityCommand.sidecar(Path.of("x.CSV")));
        assertEquals(Path.of("x.txt.json"), DensityCommand.sidecar(Path.of("x.txt")));
        assertEquals(Path.of(".csv.json"), DensityCommand.sidecar(Path.of(".csv")));
    }

    // the last case needs two 46225² arrays (34 GB), more than the tests' heap (-Xmx4g in the parent pom)
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--gamma1 0                         | --gamma1",
        "--gamma1 -1                        | --gamma1",
        "--gamma1 NaN                       | --gamma1",
        "--gamma1 Infinity                  | --gamma1",
        "--gamma1 x                         | --gamma1",
        "--gamma2 0                         | --gamma2",
        "--gamma2 NaN                       | --gamma2",
        "--d 0                              | --d",
        "--eta 0                            | --eta",
        "--eta NaN                          | --eta",
        "--eta -0.1                         | --eta",
        "--grid 1                           | --grid",
        "--grid 1000001                     | --grid",
        "--activation relu                  | activation",
        "--scales uniform:2:1               | scales",
        "--scales normal                    | scales",
        "--gamma1 1e6                       | n = γ1·d·p",
        "--threads 0                        | --threads",
        "--simulate x                       | --simulate",
        "--simulate 1 --d 215 --gamma1 1    | --simulate"})
    void rejectionsAreOneLineExitTwoAndWriteNothing(String change, String named) throws IOException {
        List<String> args = new ArrayList<>(List.of("density", "--activation", "step", "--gamma1", "2", "--gamma2",
                "1", "--d", "20", "--out", dir.resolve("density.csv").toString()));
        String[] parts = change.trim().split("\\s+");
        for (int i = 0; i < parts.length; i += 2) {
            int at = args.indexOf(parts[i]);
            if (at >= 0) {
                args.set(at + 1, parts[i + 1]);
            } else {
                args.add(parts[i]);
                args.add(parts[i + 1]);
            }
        }
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("ntk density: ") && line.contains(named.trim()), line);
        assertEquals(List.of(), files());
    }

    @Test
    void badOutputPathsAreRejectedBeforeComputingAndLeaveOldFilesUntouched() throws IOException {
        String[] base = {"density", "--activation", "step", "--gamma1", "2", "--gamma2", "1", "--d", "20"};
        CliRun r = run(base, "--out", dir.resolve("missing").resolve("d.csv").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--out") && r.err().contains("must exist"), r.err());

        // the sidecar's name is taken by a directory: nothing is written, the old CSV stays as it was
        Path csv = Files.writeString(dir.resolve("d.csv"), "old");
        Files.createDirectory(dir.resolve("d.json"));
        r = run(base, "--out", csv.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("sidecar") && r.err().contains("d.json"), r.err());
        assertEquals("old", Files.readString(csv));
        assertEquals(List.of("d.csv", "d.json"), files());

        r = run(base);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--out"), r.err());
    }

    private static CliRun run(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void helpDocumentsTheOptionsAndTheSidecarRule() {
        CliRun r = CliRun.of("density", "--help");
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.startsWith("Usage: ntk density"), help);
        for (String s : List.of("--activation", "--gamma1", "--gamma2", "--scales", "--d", "--eta", "--grid",
                "--simulate", "--out", "(default: 40)", "(default: 0.01)", "(default: 400)",
                "final .csv replaced by .json")) {
            assertTrue(help.contains(s), () -> s + " not in " + help);
        }
        assertFalse(Files.exists(dir.resolve("density.csv")));
    }
}
