package org.ntk.bench.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ntk.core.basis.EigenfunctionBasis;
import org.ntk.core.basis.GroupEigenvalue;
import org.ntk.core.fisher.ClusterPrediction;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.mercer.MercerSpectra;

/**
 * Exact against the seed papers' Mercer eigenvalues of the random-feature kernel (VAR-1, 1/m-normalised:
 * {@code arccos1}) for d = 2, 3, 5, 10, 100, 1000, with the trace share left to degrees ≥ 4 and the
 * share the three groups hold for the both-layers NTK (MATH.md §2.4, §3.4, §3.5, §10.1–§10.3). Its
 * output is the table of {@code docs/mercer-spectra.md}.
 */
public final class MercerTable {

    /** The dimensions of the table. */
    public static final int[] DIMENSIONS = {2, 3, 5, 10, 100, 1000};

    /** One row: exact and papers' λ0, λ1, λ2, the multiplicity of λ2, the residual shares, ntk2's captured share. */
    public record Row(int d, double lambda0, double papers0, double lambda1, double papers1, double lambda2,
            double papers2, long multiplicity2, double residualShare, double residualFromFrac, double ntk2Captured) {
    }

    private MercerTable() {
    }

    /** Computes one row per dimension. */
    public static List<Row> rows(int... dims) {
        List<Row> rows = new ArrayList<>();
        for (int d : dims) {
            List<GroupEigenvalue> g = EigenfunctionBasis.of(d, 1).eigenvalues(Kernels.arcCosine(1));
            double residual = MercerSpectra.of(Kernels.arcCosine(1), d, 2).residualFraction();
            double ntk2 = MercerSpectra.of(Kernels.twoLayerNtk(), d, 2).capturedFraction();
            rows.add(new Row(d, g.get(0).exact(), g.get(0).papers().getAsDouble(), g.get(1).exact(),
                    g.get(1).papers().getAsDouble(), g.get(2).exact(), g.get(2).papers().getAsDouble(),
                    g.get(2).multiplicity(), residual, 1 - ClusterPrediction.traceFraction(d), ntk2));
        }
        return rows;
    }

    /** The rows as a Markdown table. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| d | λ0 exact | λ0 papers | λ1 exact = papers | λ2 exact | λ2 papers"
                + " | λ2 exact/papers − 1 | N(d,2) | residual share 1 − frac(d) | ntk2: share of degrees 0–2 |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %d | %.10g | %.10g | %.4g | %.10g | %.10g | %+.2f%% | %d | %.4f%% | %.2f%% |%n",
                    r.d(), r.lambda0(), r.papers0(), r.lambda1(), r.lambda2(), r.papers2(),
                    100 * (r.lambda2() / r.papers2() - 1), r.multiplicity2(), 100 * r.residualShare(),
                    100 * r.ntk2Captured()));
        }
        return sb.toString();
    }

    /** Prints the table for d = 2, 3, 5, 10, 100, 1000. */
    public static void main(String[] args) {
        System.out.print(table(rows(DIMENSIONS)));
        System.out.printf(Locale.ROOT, "papers' residual share, every d: 1/2 − 3/(2π) = %.4f%%%n",
                100 * (1 - ClusterPrediction.PAPERS_TRACE_FRACTION));
    }
}
