package org.ntk.bench.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.spectral.Spectra;
import org.ntk.spectral.density.ActivationDerivative;
import org.ntk.spectral.density.BenigniPaquetteModel;
import org.ntk.spectral.density.BenigniPaquetteSimulation;
import org.ntk.spectral.density.DensityPrediction;
import org.ntk.spectral.density.ScaleLaw;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ntk density}: the predicted limiting spectral density of the Benigni–Paquette matrix
 * K = (1/d) XXᵀ ∘ (1/p) φ(XW/√d) D² φ(XW/√d)ᵀ in the quadratic scaling n/(dp) → γ1, p/d → γ2
 * (MATH.md §8), and optionally the smoothed empirical density of one simulated K, written as CSV, with
 * the atom at 0 and the outliers (which are not part of the density) in a JSON sidecar and on stderr.
 *
 * <p>CSV: header {@code x,predicted} (and {@code ,empirical} with {@code --simulate}), then one row per
 * grid point, x from 0 to 1.25 times the right edge of the predicted bulk ({@link
 * BenigniPaquetteModel#predict(int, double)}); values printed with {@link Double#toString} (round-trip
 * exact). {@code predicted} is the η-smoothed (Cauchy) density of the continuous part of the limit law;
 * {@code empirical} is (1/n) Σ_i Im 1/(λ_i − x − iη)/π over the eigenvalues of one K with
 * p = max(1, round(γ2 d)), n = max(1, round(γ1 d p)), leaving out its n − dp structural zeros
 * ({@link BenigniPaquetteSimulation#density}); both therefore integrate to about 1 − atom.
 *
 * <p>Sidecar: {@code --out} with a final {@code .csv} (any case) replaced by {@code .json}, or with
 * {@code .json} appended when it does not end in {@code .csv}. The two files are written together
 * through {@link StagedOutputs}: both complete on disk before either replaces anything, so a failed run
 * leaves neither a partial file nor a new file beside an old one. Keys, in this order: activation,
 * scales, gamma1, gamma2, d, p, n, eta, gridPoints, gridMax, atom, lowerEdge, upperEdge, mean,
 * predictedIntegral, outlierCount, outlierLocation, extraOutlierLocation, extraOutlierAboveBulk,
 * simulation (null without {@code --simulate}; else seed, structuralZeros, l1Distance, outlierThreshold,
 * observedOutlierCount, observedOutliers).
 *
 * <p>Cost: the prediction solves the Silverstein equation at every grid point (well under a second at
 * 400 points for D = I; with uniform scales H comes from three dp×dp surrogate eigenproblems at d = 40,
 * a few seconds); a simulation assembles K in O(n²(d + p)) and takes all its eigenvalues in O(n³)
 * (about 1–2 s at n = 3200, the default γ1 = 2, γ2 = 1, d = 40).
 */
@Command(name = "density", sortOptions = false,
        description = {"Writes the predicted limiting spectral density of the Benigni–Paquette first-layer NTK"
                + " K = (1/d) XXᵀ ∘ (1/p) φ(XW/√d) D² φ(XW/√d)ᵀ with n/(dp) → γ1, p/d → γ2 (MATH.md §8) as CSV"
                + " with header x,predicted (x,predicted,empirical with --simulate), x from 0 to 1.25 × the right"
                + " edge of the bulk.",
            "The atom at 0 and the outliers, which are not part of the density, are printed on stderr and"
                + " written to a JSON sidecar named like --out with a final .csv replaced by .json (.json is"
                + " appended if --out does not end in .csv). Both files are written together or not at all."})
final class DensityCommand extends CliCommand {

    /** Largest accepted --grid: 10⁶ points (the Silverstein solve costs about 10 µs per point and H atom). */
    static final int MAX_GRID = 1_000_000;

    @Option(names = "--activation", required = true, paramLabel = "step|logistic",
            description = "φ = σ': step (ReLU') or logistic (softplus')")
    String activation;

    @Option(names = "--gamma1", required = true, paramLabel = "G1", description = "γ1 = n/(dp), finite and > 0")
    double gamma1;

    @Option(names = "--gamma2", required = true, paramLabel = "G2", description = "γ2 = p/d, finite and > 0")
    double gamma2;

    @Option(names = "--scales", paramLabel = "identity|uniform:A:B", defaultValue = "identity",
            description = "law of the output scales D_k (default: ${DEFAULT-VALUE})")
    String scales;

    @Option(names = "--d", paramLabel = "D", defaultValue = "40",
            description = "finite input dimension: sets p = round(γ2·d), n = round(γ1·d·p), the outliers and the"
                    + " simulation size; the predicted density does not depend on it (default: ${DEFAULT-VALUE})")
    int d;

    @Option(names = "--eta", paramLabel = "ETA", defaultValue = "0.01",
            description = "Cauchy smoothing width η, in the units of x, finite and > 0 (default: ${DEFAULT-VALUE})")
    double eta;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "400",
            description = "number of grid points, 2 to " + MAX_GRID + " (default: ${DEFAULT-VALUE})")
    int grid;

    @Option(names = "--simulate", paramLabel = "SEED",
            description = "also simulate one K with this seed and write its smoothed density as 'empirical'")
    Long simulate;

    @Option(names = "--out", required = true, paramLabel = "density.csv", description = "the CSV file")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "assembly threads for --simulate (default: all processors)")
    Integer threads;

    DensityCommand(CliContext ctx) {
        super(ctx);
    }

    /** The sidecar of a CSV path: a final ".csv" (any case) replaced by ".json", else ".json" appended. */
    static Path sidecar(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") && name.length() > 4
                ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + ".json");
    }

    @Override
    void execute() {
        int t = threads(threads);
        ActivationDerivative phi;
        ScaleLaw law;
        try {
            phi = ActivationDerivative.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--activation: " + e.getMessage(), e);
        }
        try {
            law = ScaleLaw.parse(scales);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scales: " + e.getMessage(), e);
        }
        if (!(gamma1 > 0 && gamma1 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("--gamma1 must be finite and > 0, got " + gamma1);
        }
        if (!(gamma2 > 0 && gamma2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("--gamma2 must be finite and > 0, got " + gamma2);
        }
        if (d < 1) {
            throw new IllegalArgumentException("--d must be >= 1, got " + d);
        }
        if (!(eta > 0 && eta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("--eta must be finite and > 0, got " + eta);
        }
        if (grid < 2 || grid > MAX_GRID) {
            throw new IllegalArgumentException("--grid must be between 2 and " + MAX_GRID + ", got " + grid);
        }
        long p = Math.max(1L, Math.round(gamma2 * d));
        double nReal = gamma1 * d * (double) p;
        if (!(nReal < 46_340.5)) {
            throw new IllegalArgumentException("--gamma1, --gamma2, --d: n = γ1·d·p must be at most 46340 (the largest"
                    + " dense matrix), got " + String.format(Locale.ROOT, "%.6g", nReal) + " (d = " + d + ", p = " + p
                    + "); lower --d");
        }
        BenigniPaquetteModel model = BenigniPaquetteModel.of(phi, law, gamma1, gamma2, d);
        if (simulate != null) {
            requireHeapFor(model.n());
        }
        Path json = sidecar(out);
        requireWritable(out, "--out");
        requireWritable(json, "--out (sidecar)");

        DensityPrediction pred;
        double[] empirical = null;
        BenigniPaquetteSimulation sim = null;
        try (TerminalProgress progress = ctx.progress(qualifiedName())) {
            progress.phase("solving the Silverstein equation at " + grid + " points");
            pred = model.predict(grid, eta);
            if (simulate != null) {
                int n = model.n();
                progress.phase("simulating: assembling K (" + n + "×" + n + ", d = " + d + ", p = " + model.p() + ")");
                DenseKernelMatrix k = model.matrix(simulate, t);
                progress.phase("simulating: eigenvalues of K (" + n + "×" + n + ")");
                sim = new BenigniPaquetteSimulation(n, d, model.p(), simulate, Spectra.eigenvalues(k));
                empirical = sim.density(pred.grid(), eta);
            }
            progress.phase("writing " + out + " and " + json);
            Map<String, Object> summary = summary(model, pred, sim, empirical);
            byte[] csvBytes = csv(pred, empirical);
            byte[] jsonBytes = json(summary);
            new StagedOutputs()
                    .add(json, o -> o.write(jsonBytes))
                    .add(out, o -> o.write(csvBytes))
                    .commit();
        }
        report(pred, sim, empirical);
        ctx.out().println("wrote " + out + " (" + grid + " points) and " + json);
    }

    /** K and LAPACK's working copy: two n×n arrays of doubles must fit in the free heap. */
    private static void requireHeapFor(int n) {
        long need = 16L * n * n;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > available) {
            throw new IllegalArgumentException("--simulate: K (" + n + "×" + n + ") and its eigenvalue workspace need "
                    + (need >> 20) + " MiB but only " + (available >> 20) + " MiB of heap is available; lower --d or"
                    + " raise java -Xmx");
        }
    }

    private double outlierThreshold(DensityPrediction pred) {
        return 1.5 * pred.upperEdge();
    }

    private Map<String, Object> summary(BenigniPaquetteModel model, DensityPrediction pred,
            BenigniPaquetteSimulation sim, double[] empirical) {
        double[] x = pred.grid();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activation", model.phi().cliName());
        m.put("scales", model.scales().toString());
        m.put("gamma1", model.gamma1());
        m.put("gamma2", model.gamma2());
        m.put("d", model.d());
        m.put("p", model.p());
        m.put("n", model.n());
        m.put("eta", pred.eta());
        m.put("gridPoints", x.length);
        m.put("gridMax", x[x.length - 1]);
        m.put("atom", pred.atom());
        m.put("lowerEdge", pred.lowerEdge());
        m.put("upperEdge", pred.upperEdge());
        m.put("mean", pred.mean());
        m.put("predictedIntegral", pred.integral());
        m.put("outlierCount", pred.outlierCount());
        m.put("outlierLocation", pred.outlierLocation());
        m.put("extraOutlierLocation", pred.extraOutlierLocation());
        m.put("extraOutlierAboveBulk", pred.extraOutlierLocation() > pred.upperEdge());
        if (sim == null) {
            m.put("simulation", null);
        } else {
            double threshold = outlierThreshold(pred);
            double[] outliers = sim.eigenvaluesAbove(threshold);
            List<Double> list = new ArrayList<>();
            for (double v : outliers) {
                list.add(v);
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("seed", sim.seed());
            s.put("structuralZeros", sim.structuralZeros());
            s.put("l1Distance", pred.l1Distance(empirical));
            s.put("outlierThreshold", threshold);
            s.put("observedOutlierCount", outliers.length);
            s.put("observedOutliers", list);
            m.put("simulation", s);
        }
        return m;
    }

    private static byte[] csv(DensityPrediction pred, double[] empirical) {
        double[] x = pred.grid();
        double[] y = pred.density();
        StringBuilder sb = new StringBuilder(x.length * 64);
        sb.append(empirical == null ? "x,predicted\n" : "x,predicted,empirical\n");
        for (int i = 0; i < x.length; i++) {
            sb.append(x[i]).append(',').append(y[i]);
            if (empirical != null) {
                sb.append(',').append(empirical[i]);
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** UTF-8 JSON, keys in insertion order, two-space indentation, a final newline. */
    static byte[] json(Map<String, Object> value) {
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
                mapper.writeValue(w, value);
                w.write('\n');
            }
            return buf.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    private void report(DensityPrediction pred, BenigniPaquetteSimulation sim, double[] empirical) {
        var err = ctx.err();
        err.println(f("atom at 0: mass %.6g (1 − 1/γ1)_+", pred.atom()));
        err.println(f("bulk: [%.6g, %.6g], mean %.6g, predicted density integrates to %.6g over the grid",
                pred.lowerEdge(), pred.upperEdge(), pred.mean(), pred.integral()));
        err.println(f("predicted outliers: %d near %.6g, and one near %.6g (%s the bulk)", pred.outlierCount(),
                pred.outlierLocation(), pred.extraOutlierLocation(),
                pred.extraOutlierLocation() > pred.upperEdge() ? "above" : "inside"));
        if (sim != null) {
            double[] outliers = sim.eigenvaluesAbove(outlierThreshold(pred));
            err.println(f("simulated (seed %d, n = %d): %d structural zeros, L1 distance %.4g to the prediction",
                    sim.seed(), sim.n(), sim.structuralZeros(), pred.l1Distance(empirical)));
            err.println(f("observed outliers: %d eigenvalues above 1.5 × upper edge = %.6g%s", outliers.length,
                    outlierThreshold(pred), outliers.length == 0 ? ""
                            : f(", from %.6g to %.6g", outliers[outliers.length - 1], outliers[0])));
        }
        err.flush();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
