package org.ntk.bench.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The parameters of one {@code ntk report} run (DESIGN.md, "The command-line contract").
 *
 * @param d input dimension of the random network, in [2, 100]
 * @param m number of hidden units (the FIM is m×m), in (d(d+3)/2, 20000]: larger than the number
 *     of eigenvalues in the three FIM clusters (1 + d + d(d+1)/2 − 1), and small enough for the
 *     dense m×m FIM and its O(m³) eigendecomposition
 * @param seed the random seed; the network is {@code ReluNetwork.random(d, m, FAN_IN, seed)}, and
 *     other random streams are derived from it by {@link ReportContext#derivedSeed(long)}
 * @param outputDirectory where {@code report.md}, {@code results.json} and the plots go
 * @param threads worker threads for the library calls, ≥ 1
 */
public record ReportParameters(int d, int m, long seed, Path outputDirectory, int threads) {

    /** The default input dimension, 10. */
    public static final int DEFAULT_D = 10;
    /** The default width, 2000. */
    public static final int DEFAULT_M = 2000;
    /** The default seed, 1. */
    public static final long DEFAULT_SEED = 1;
    /** The default output directory, {@code ntk-report}. */
    public static final String DEFAULT_OUT = "ntk-report";
    /** The largest accepted m. */
    public static final int MAX_M = 20_000;
    /** The largest accepted d. */
    public static final int MAX_D = 100;

    /**
     * Validates the parameters.
     *
     * @throws NullPointerException if outputDirectory is null
     * @throws IllegalArgumentException if a value is out of its range (the message names it)
     */
    public ReportParameters {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (!(d >= 2 && d <= MAX_D)) {
            throw new IllegalArgumentException("d must be in [2, " + MAX_D + "], got " + d);
        }
        long clustered = clusteredEigenvalues(d);
        if (!(m > clustered && m <= MAX_M)) {
            throw new IllegalArgumentException("m must be in (" + clustered + ", " + MAX_M
                    + "] for d = " + d + " (more than the d(d+3)/2 eigenvalues in the three FIM"
                    + " clusters), got " + m);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Parameters with {@code threads} = the number of available processors. */
    public static ReportParameters of(int d, int m, long seed, Path outputDirectory) {
        return new ReportParameters(d, m, seed, outputDirectory,
                Runtime.getRuntime().availableProcessors());
    }

    /** The defaults: d = 10, m = 2000, seed = 1, output {@code ntk-report}, all processors. */
    public static ReportParameters defaults() {
        return of(DEFAULT_D, DEFAULT_M, DEFAULT_SEED, Path.of(DEFAULT_OUT));
    }

    /** A copy with another output directory. */
    public ReportParameters withOutputDirectory(Path directory) {
        return new ReportParameters(d, m, seed, directory, threads);
    }

    /** The number of eigenvalues in the three FIM clusters: 1 + d + (d(d+1)/2 − 1) = d(d+3)/2. */
    public static long clusteredEigenvalues(int d) {
        return (long) d * (d + 3) / 2;
    }
}
