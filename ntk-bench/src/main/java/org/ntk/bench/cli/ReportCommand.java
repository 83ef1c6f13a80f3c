package org.ntk.bench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.commons.math3.special.Gamma;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.io.AtomicFile;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ntk report}, interim version: a summary of the exact Fisher information of one random
 * FAN_IN two-layer ReLU network, computed with what the library has today, printed to stdout and
 * saved as {@code summary.txt} in the output directory. It says that it is the interim summary; the
 * full report (spectra, clusters, plots) replaces it.
 *
 * <p>Everything printed is computed from the network or is a formula from MATH.md, labelled as such:
 * trace J = ‖W‖_F²/2 against its expectation m/2 and standard deviation √(m/(2d)) (‖W‖_F² is d⁻¹ times
 * a χ² variable with md degrees of freedom); the largest diagonal and off-diagonal entries; the
 * row-sum bounds min_j r_j ≤ λ₁ ≤ max_j r_j of the Perron–Frobenius theorem (J is entrywise
 * non-negative); the Rayleigh quotient λ₁ ≥ aᵀJa/aᵀa with a_j = ‖w_j‖, the approximate top
 * eigenvector of MATH.md §2.3; and the large-m limit λ₁ ≈ m·d·c_d² of MATH.md §2.3.
 */
@Command(name = "report", sortOptions = false,
        description = {"Interim summary of the analytic Fisher information J of a random two-layer ReLU network",
            "with hidden weights N(0, 1/d) (MATH.md §2): trace, extreme entries, bounds on the top eigenvalue.",
            "Printed to stdout and written to OUT/summary.txt. The full report will replace this command."})
final class ReportCommand extends CliCommand {

    @Option(names = "--d", paramLabel = "D", defaultValue = "10", description = "input dimension (default: ${DEFAULT-VALUE})")
    int d;

    @Option(names = "--m", paramLabel = "M", defaultValue = "2000", description = "hidden units (default: ${DEFAULT-VALUE})")
    int m;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ntk-report",
            description = "output directory, created if missing (default: ${DEFAULT-VALUE})")
    Path outDir;

    ReportCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void execute() {
        if (d < 1) {
            throw new IllegalArgumentException("--d must be >= 1, got " + d);
        }
        if (m < 1) {
            throw new IllegalArgumentException("--m must be >= 1, got " + m);
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException("--out " + outDir + ": must be a directory, got a file");
        }
        String text;
        try (TerminalProgress progress = ctx.progress(qualifiedName())) {
            progress.phase("computing the " + m + "×" + m + " Fisher information");
            long start = System.nanoTime();
            ReluNetwork net = ReluNetwork.random(d, m, WeightScale.FAN_IN, seed);
            KernelMatrix j = FisherInformation.analytic(net);
            progress.phase("summarising");
            text = summary(net, j, (System.nanoTime() - start) * 1e-9);
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("--out " + outDir + ": cannot create the directory, " + e.getMessage(), e);
        }
        Path file = outDir.resolve("summary.txt");
        AtomicFile.write(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        ctx.out().print(text);
        ctx.out().println("wrote " + file);
    }

    private String summary(ReluNetwork net, KernelMatrix j, double seconds) {
        int n = j.size();
        double[][] w = net.hiddenWeights();
        double maxDiag = Double.NEGATIVE_INFINITY;
        int maxDiagAt = 0;
        double maxOff = Double.NEGATIVE_INFINITY;
        double minOff = Double.POSITIVE_INFINITY;
        int maxOffI = 0;
        int maxOffK = 0;
        double minRow = Double.POSITIVE_INFINITY;
        double maxRow = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int k = 0; k < n; k++) {
                double v = j.get(i, k);
                row += v;
                if (k == i) {
                    if (v > maxDiag) {
                        maxDiag = v;
                        maxDiagAt = i;
                    }
                } else {
                    if (v > maxOff) {
                        maxOff = v;
                        maxOffI = i;
                        maxOffK = k;
                    }
                    minOff = Math.min(minOff, v);
                }
            }
            minRow = Math.min(minRow, row);
            maxRow = Math.max(maxRow, row);
        }
        double[] a = new double[n];
        double aa = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (double x : w[i]) {
                s += x * x;
            }
            a[i] = Math.sqrt(s);
            aa += s;
        }
        double[] ja = new double[n];
        j.multiply(a, ja);
        double rayleigh = 0;
        for (int i = 0; i < n; i++) {
            rayleigh += a[i] * ja[i];
        }
        rayleigh /= aa;
        double trace = j.trace();
        double expected = m / 2.0;
        double sd = Math.sqrt(m / (2.0 * d));
        double cd = Math.exp(Gamma.logGamma(d / 2.0) - Gamma.logGamma((d + 1) / 2.0)) / (2 * Math.sqrt(Math.PI));
        StringBuilder sb = new StringBuilder();
        sb.append("ntk report (INTERIM SUMMARY: the full report with spectra, clusters and plots is not written yet)\n");
        sb.append(f("network: two-layer ReLU, d = %d, m = %d, hidden weights N(0, 1/d) (FAN_IN), seed %d%n", d, m, seed));
        sb.append(f("Fisher information J, analytic (MATH.md §2.1), %d×%d, computed in %.2f s%n", n, n, seconds));
        sb.append(f("  trace J                  %.6g  (expected m/2 = %.6g, sd √(m/2d) = %.4g, z = %+.2f)%n",
                trace, expected, sd, (trace - expected) / sd));
        sb.append(f("  largest diagonal entry   %.6g  (J_jj = ‖w_j‖²/2 at j = %d)%n", maxDiag, maxDiagAt));
        if (n > 1) {
            sb.append(f("  largest off-diagonal     %.6g  (j = %d, k = %d)%n", maxOff, maxOffI, maxOffK));
            sb.append(f("  smallest off-diagonal    %.6g  (J is entrywise >= 0)%n", minOff));
        }
        sb.append(f("  row sums                 min %.6g, max %.6g%n", minRow, maxRow));
        sb.append(f("  top eigenvalue λ1        %.6g <= λ1 <= %.6g  (Rayleigh quotient of a_j = ‖w_j‖;"
                + " Perron–Frobenius max row sum)%n", Math.max(rayleigh, minRow), maxRow));
        sb.append(f("  large-m limit            λ1 ≈ m·d·c_d² = %.6g  (MATH.md §2.3, c_d = %.6g)%n", m * d * cd * cd, cd));
        return sb.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
