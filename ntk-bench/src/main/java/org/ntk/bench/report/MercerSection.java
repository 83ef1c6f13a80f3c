package org.ntk.bench.report;

import org.ntk.core.fisher.ClusterPrediction;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.mercer.MercerDegree;
import org.ntk.core.mercer.MercerSpectra;
import org.ntk.core.mercer.MercerSpectrum;

/**
 * Report section {@code mercer}: the exact Mercer eigenvalues of the random-feature NTK under
 * x ~ N(0, I_d) against the papers' values, and the share of the trace left outside degrees 0–2,
 * for d = 2, 3, 5, 10, 100, 1000 (MATH.md §3.3–§3.5, §2.4, §9.1).
 *
 * <p>The kernel is {@code arccos1}, k(x, y) = E_{w~N(0,I)}[ReLU(w·x) ReLU(w·y)] (VAR-1, the 1/m
 * normalised v-only NTK of seed 000); its eigenvalues come from {@code MercerSpectra.of(kernel, d,
 * 8)}: λ0 = d²c_d², λ1 = 1/4, λ2 = d²c_d²/(d+1)², odd degrees ≥ 3 zero, even degrees ≥ 4 small.
 * The papers' values are (2d+1)/(4π), 1/4 and 1/(2π(d+2)). The trace share of degrees 0–2 is
 * compared with frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)² ({@code ClusterPrediction.traceFraction}), the
 * papers' 1/2 + 3/(2π), and the both-layers NTK {@code ntk2} (§3.5), whose three groups hold only
 * about 90 %. These do not depend on the run's d, m or seed.
 *
 * <p>Cost: a few hundred milliseconds (closed forms, series and quadrature of the library).
 */
public final class MercerSection implements ReportSection {

    /** The input dimensions of the tables. */
    static final int[] DIMENSIONS = {2, 3, 5, 10, 100, 1000};
    /** The dimensions of the residual-share plot. */
    static final int[] PLOT_DIMENSIONS = {2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 70, 100, 200, 500, 1000};
    /** The highest degree computed. */
    static final int MAX_DEGREE = 8;
    /** Seed 000's stated bound on the residual share. */
    static final double SEED_RESIDUAL_BOUND = 0.026;

    @Override
    public String id() {
        return "mercer";
    }

    @Override
    public String title() {
        return "Mercer spectrum of the random-feature NTK: exact eigenvalues against the papers'";
    }

    @Override
    public void run(ReportContext ctx) {
        HomogeneousKernel arccos1 = Kernels.arcCosine(1);
        HomogeneousKernel ntk2 = Kernels.twoLayerNtk();
        Table.Builder eig = Table.builder()
                .integer("d", "d")
                .number("lambda0", "λ0 exact", 8)
                .number("lambda0Papers", "λ0 papers (2d+1)/(4π)", 8)
                .number("lambda1", "λ1", 4)
                .number("lambda2", "λ2 exact", 6)
                .number("lambda2Papers", "λ2 papers 1/(2π(d+2))", 6)
                .percent("lambda2Excess", "λ2 exact/papers − 1", 2)
                .integer("multiplicity2", "mult. λ2")
                .number("lambda4", "λ4", 4)
                .integer("multiplicity4", "mult. λ4");
        Table.Builder shares = Table.builder()
                .integer("d", "d")
                .percent("degrees0to2Share", "degrees 0–2 share", 4)
                .percent("fracExact", "frac(d) closed form", 4)
                .percent("residualShare", "residual share (degrees ≥ 4)", 3)
                .percent("degrees0to8Share", "degrees 0–8 share", 3)
                .percent("papersShare", "papers 1/2 + 3/(2π)", 3)
                .percent("ntk2Degrees0to2Share", "both-layers NTK: degrees 0–2", 2);
        int step = 0;
        int steps = DIMENSIONS.length + PLOT_DIMENSIONS.length;
        for (int d : DIMENSIONS) {
            MercerSpectrum s = MercerSpectra.of(arccos1, d, MAX_DEGREE);
            MercerSpectrum t = MercerSpectra.of(ntk2, d, 2);
            double l0p = (2.0 * d + 1) / (4 * Math.PI);
            double l2p = 1 / (2 * Math.PI * (d + 2.0));
            eig.row(d, s.eigenvalue(0), l0p, s.eigenvalue(1), s.eigenvalue(2), l2p,
                    s.eigenvalue(2) / l2p - 1, (long) s.degree(2).multiplicity(), s.eigenvalue(4),
                    (long) s.degree(4).multiplicity());
            double low = lowShare(s);
            shares.row(d, low, ClusterPrediction.traceFraction(d), 1 - low, s.capturedFraction(),
                    ClusterPrediction.PAPERS_TRACE_FRACTION, lowShare(t));
            ctx.progress().progress("mercer", ++step, steps);
        }
        ResultNode r = ctx.results();
        r.put("kernel", arccos1.name()).put("maxDegree", MAX_DEGREE);
        ctx.paragraph("The random-feature NTK k(x, y) = E_{w~N(0,I)}[ReLU(w·x)ReLU(w·y)] (`arccos1`,"
                + " VAR-1 weights, 1/m-normalised; MATH.md §3.4) has, under x ~ N(0, I_d), the"
                + " eigenfunctions ‖x‖·Y_k(x̂) with eigenvalue λ_k of multiplicity N(d, k) (§3.3),"
                + " computed here by `MercerSpectra` (closed forms, series, quadrature). The papers'"
                + " values (2d+1)/(4π), 1/4, 1/(2π(d+2)) are the degree-2 Taylor approximations;"
                + " the exact ones are d²c_d², 1/4, d²c_d²/(d+1)² (§10.1). Under VAR-1/d the FIM"
                + " eigenvalues are ≈ (m/d)·λ_k (§3.6). These numbers do not depend on --d, --m or"
                + " --seed.");
        ctx.table("eigenvalues", eig.build());
        ctx.paragraph("Share of the trace E_x[k(x, x)] = d/2 held by degrees 0–2 (the FIM's three"
                + " clusters) and left to the residual: the exact share decreases to 1/2 + 3/(2π),"
                + " so the residual stays below 1/2 − 3/(2π) = 2.2535 % for every d, inside seed"
                + " 000's \"< 2.6 %\". With both layers trained (`ntk2`, §3.5) the three groups"
                + " hold only about 90 %.");
        ctx.table("traceShares", shares.build());

        double[] pd = new double[PLOT_DIMENSIONS.length];
        double[] pr = new double[PLOT_DIMENSIONS.length];
        for (int i = 0; i < PLOT_DIMENSIONS.length; i++) {
            int d = PLOT_DIMENSIONS[i];
            pd[i] = d;
            pr[i] = 1 - lowShare(MercerSpectra.of(arccos1, d, 2));
            ctx.progress().progress("mercer", ++step, steps);
        }
        int n = 200;
        double[] ld = new double[n];
        double[] lr = new double[n];
        for (int i = 0; i < n; i++) {
            ld[i] = Math.pow(1000, i / (n - 1.0));
            int d = (int) Math.round(ld[i]);
            ld[i] = d;
            lr[i] = 100 * (1 - ClusterPrediction.traceFraction(d));
        }
        ResultNode curve = r.object("residualShareCurve");
        curve.put("d", pd).put("residualShare", pr);
        double[] prPercent = new double[pr.length];
        for (int i = 0; i < pr.length; i++) {
            prPercent[i] = 100 * pr[i];
        }
        double limit = 100 * (1 - ClusterPrediction.PAPERS_TRACE_FRACTION);
        ctx.figure("residual-share", Figure.builder("Trace share outside degrees 0–2 of the"
                + " random-feature NTK")
                .xAxis("input dimension d").yAxis("residual share of the trace (%)").logX()
                .legend(Figure.Legend.INSIDE_SE)
                .points("Mercer spectrum: 1 − Σ over k ≤ 2 of N(d,k)·λ_k / (d/2)", pd, prPercent)
                .line("closed form 1 − frac(d)", ld, lr)
                .horizontalLine("limit d → ∞: 1/2 − 3/(2π) = " + Table.formatNumber(limit, 5) + " %",
                        limit, true)
                .horizontalLine("seed 000's bound: < 2.6 %", 100 * SEED_RESIDUAL_BOUND, true)
                .build());
    }

    /** Σ_{k ≤ 2} N(d, k) λ_k / trace. */
    private static double lowShare(MercerSpectrum s) {
        double c = 0;
        for (int k = 0; k <= 2; k++) {
            MercerDegree g = s.degree(k);
            c += g.traceShare();
        }
        return c;
    }
}
