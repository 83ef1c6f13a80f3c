package org.ntk.bench.examples;

import java.util.Locale;

import org.ntk.core.fisher.ClusterPrediction;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.spectral.cluster.FimCluster;
import org.ntk.spectral.cluster.FimClusterReport;

/**
 * The eigenvalue clusters of the Fisher information J against theory (MATH.md §2.3–§2.4): sizes 1, d
 * and d(d+1)/2 − 1, each cluster's mean against the exact limit, the limit rescaled by the draw's
 * trace, and the papers' value; the overlap of each eigenspace with its theoretical vectors; the
 * trace share of the three clusters against frac(d) and the papers' 97.7%.
 */
public final class FimClusters {

    private FimClusters() {
    }

    /** Analyses one FAN_IN network (degrees 0–4). */
    public static FimClusterReport run(int d, int m, long seed) {
        ReluNetwork net = ReluNetwork.random(d, m, WeightScale.FAN_IN, seed);
        return FimClusterReport.analyze(net, WeightScale.FAN_IN, 4, Runtime.getRuntime().availableProcessors());
    }

    /** The report as text, one line per cluster. */
    public static String describe(FimClusterReport r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "d = %d, m = %d, trace J = %.2f (expected %.0f)%n", r.inputDimension(), r.width(), r.trace(),
                r.expectedTrace()));
        for (FimCluster c : r.clusters()) {
            sb.append(String.format(Locale.ROOT,
                    "degree %d: %4d eigenvalues, mean %9.4f, exact limit %9.4f (%+.2f%%, trace-adjusted %+.2f%%)",
                    c.degree(), c.multiplicity(), c.mean(), c.exactLimit(), 100 * c.relativeError(),
                    100 * c.adjustedRelativeError()));
            c.papersValue().ifPresent(p -> sb.append(String.format(Locale.ROOT, ", papers %9.4f", p)));
            c.overlap().ifPresent(o -> sb.append(String.format(Locale.ROOT, ", min cos %.4f", o.minCosine())));
            sb.append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "top-%d trace share %.5f: exact limit frac(d) = %.5f, papers %.5f%n",
                r.topCount(), r.topShare(), r.exactTraceFraction(), ClusterPrediction.PAPERS_TRACE_FRACTION));
        sb.append(String.format(Locale.ROOT, "top eigenvector vs (‖w_j‖)_j: %.5f; vs uniform: %.5f%n",
                r.radialAlignment(), r.uniformAlignment()));
        return sb.toString();
    }

    /** Prints the report for d = 5, m = 2000, seed 1. */
    public static void main(String[] args) {
        System.out.print(describe(run(5, 2000, 1)));
    }
}
