package org.ntk.bench.report;

import java.util.ArrayList;
import java.util.List;

import org.ntk.core.fisher.ClusterPrediction;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.mercer.Sphere;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.Spectra;
import org.ntk.spectral.cluster.FimCluster;
import org.ntk.spectral.cluster.FimClusterReport;
import org.ntk.spectral.cluster.SubspaceOverlap;
import org.ntk.spectral.trace.ResidualTrace;

/**
 * Report section {@code fim}: the spectrum of the Fisher information J of a random network, its
 * eigenvalue clusters against the exact large-m limits and the papers' values, the trace share of
 * the top three clusters, and the overlap of the eigenvectors with the theoretical vectors
 * (MATH.md §2.3, §2.4, §3.6).
 *
 * <p>The network is {@code ReluNetwork.random(d, m, FAN_IN, seed)} (VAR-1/d, the same as section
 * {@code network}); J = {@code FisherInformation.analytic(net)} (no 1/m factor), all its eigenpairs
 * come from {@code Spectra.decompose}, and everything about clusters — grouping by position,
 * predictions, trace-adjusted limits, principal angles with the theoretical eigenvectors, trace
 * split — from {@link FimClusterReport} (higher degrees up to {@value #MAX_DEGREE} as far as they
 * fit in m). With c_d = Γ(d/2)/(2√π Γ((d+1)/2)):
 * <pre>
 *   cluster   multiplicity       exact limit            papers' value
 *   1         1                  m·d·c_d²               m(2d+1)/(4πd)
 *   2         d                  m/(4d)                 m/(4d)
 *   3         d(d+1)/2 − 1       m·d·c_d²/(d+1)²        m/(2πd(d+2))
 *   degree k  N(d, k), k even    m·λ_k/d (Mercer)       —
 *   top-cluster trace share → frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)²   (papers: 1/2 + 3/(2π))
 * </pre>
 * The only computation beyond the library is the contrast row of the papers' cluster-3 vectors
 * without 1/‖w_j‖ (orthonormalised here by Gram–Schmidt, compared by {@link SubspaceOverlap}).
 *
 * <p>Results: {@code clusters[]} (one object per cluster and a final {@code rest} row, keys
 * {@code multiplicity, observedMean, exactLimit, adjustedLimit, papersValue, traceShare,
 * overlap, …}), {@code topClusterTraceShare}, {@code traceShares[]}, {@code eigenvectorOverlaps[]}
 * and all {@code eigenvalues}.
 *
 * <p>Cost: O(m²d) for J, O(m³) for the eigendecomposition (about 1.5 s at m = 2000 on two cores),
 * one block product of J with the 1 + d + d(d+1)/2 − 1 theoretical vectors; memory about 4 m²
 * doubles.
 */
public final class FimSection implements ReportSection {

    /** The highest Mercer degree whose cluster is reported (if it fits in m). */
    static final int MAX_DEGREE = 8;

    @Override
    public String id() {
        return "fim";
    }

    @Override
    public String title() {
        return "Fisher information of a random network: spectrum, clusters and eigenvectors";
    }

    @Override
    public void run(ReportContext ctx) {
        int d = ctx.d();
        int m = ctx.m();
        String task = "fim";
        ctx.progress().progress(task, 0, 3);
        ReluNetwork net = ReluNetwork.random(d, m, WeightScale.FAN_IN, ctx.seed());
        DenseKernelMatrix j = FisherInformation.analytic(net, ctx.threads());
        ctx.progress().progress(task, 1, 3);
        Decomposition dec = Spectra.decompose(j);
        ctx.progress().progress(task, 2, 3);
        FimClusterReport report = FimClusterReport.of(net, WeightScale.FAN_IN, dec, MAX_DEGREE,
                ctx.threads());
        double[] ev = dec.eigenvalues();
        double trace = report.trace();
        double traceClosed = frobeniusSquared(net.hiddenWeights()) / 2;
        double cd = Sphere.reluMean(d);
        List<FimCluster> clusters = report.clusters();

        ResultNode r = ctx.results();
        r.put("hiddenWeightScale", WeightScale.FAN_IN.name())
                .put("sphereConstant", cd)
                .put("trace", trace)
                .put("traceClosedForm", traceClosed)
                .put("expectedTrace", report.expectedTrace())
                .put("maxEigenResidual", dec.maxResidual());

        ctx.paragraph("J is the m×m Fisher information of the output weights (MATH.md §2.1), J_jk ="
                + " ‖w_j‖‖w_k‖ kappa1(cos∠(w_j, w_k)), of `ReluNetwork.random(" + d + ", " + m
                + ", FAN_IN, " + ctx.seed() + ")` (weights N(0, 1/d), no 1/m factor), decomposed"
                + " completely by `Spectra.decompose` (largest residual ‖Jv − λv‖ = "
                + Table.formatNumber(dec.maxResidual(), 2) + "). Its trace is "
                + Table.formatNumber(trace, 8) + " = ‖W‖²/2 (closed form "
                + Table.formatNumber(traceClosed, 8) + "; E[tr J] = m/2 = "
                + Table.formatNumber(report.expectedTrace(), 6) + "). `FimClusterReport` cuts the"
                + " sorted spectrum into clusters by their multiplicities: 1, d = " + d + ", d(d+1)/2 − 1 = "
                + clusters.get(2).multiplicity() + " (degrees 0, 1, 2 — the papers' clusters 1–3),"
                + " then N(d, k) for the even degrees k ≥ 4 that fit in m (odd degrees ≥ 3 have"
                + " eigenvalue exactly 0). c_d = Γ(d/2)/(2√π Γ((d+1)/2)) = "
                + Table.formatNumber(cd, 10) + " (§0). The exact limits are m·d·c_d², m/(4d),"
                + " m·d·c_d²/(d+1)² and m·λ_k/d (§2.3, §3.6); the papers' values m(2d+1)/(4πd), m/(4d),"
                + " m/(2πd(d+2)) are degree-2 Taylor approximations. The *adjusted limit* is the exact"
                + " limit × tr J / E[tr J] = " + Table.formatNumber(trace / report.expectedTrace(), 6)
                + ": it removes the draw's fluctuation of ‖W‖_F² (relative s.d. √(2/(md)) = "
                + Table.formatPercent(Math.sqrt(2.0 / ((double) m * d)), 2) + "), which dominates the"
                + " deviation of clusters 1–2 from their limits. The last column is the mean squared"
                + " cosine of the principal angles between the cluster's eigenvectors and the span"
                + " of its theoretical eigenvectors (1 = inside the span; degrees ≤ 2 only).");
        ctx.table("clusters", clusterTable(report, ev, m));

        List<Plots.Level> levels = new ArrayList<>();
        String[] exactLabel = {"m·d·c_d²", "m/(4d)", "m·d·c_d²/(d+1)²"};
        String[] papersLabel = {"m(2d+1)/(4πd)", "", "m/(2πd(d+2))"};
        for (int c = 0; c < clusters.size(); c++) {
            FimCluster cl = clusters.get(c);
            if (c < 3) {
                levels.add(new Plots.Level("cluster " + (c + 1) + (c == 1 ? " limit " : " exact limit ")
                        + exactLabel[c] + " = " + Table.formatNumber(cl.exactLimit(), 4),
                        cl.exactLimit(), false));
                if (c != 1) {
                    levels.add(new Plots.Level("cluster " + (c + 1) + " papers' value "
                            + papersLabel[c] + " = " + Table.formatNumber(cl.papersValue().getAsDouble(), 4),
                            cl.papersValue().getAsDouble(), true));
                }
            } else if (c == 3) {
                levels.add(new Plots.Level("degree " + cl.degree() + " exact limit m·λ_" + cl.degree()
                        + "/d = " + Table.formatNumber(cl.exactLimit(), 3), cl.exactLimit(), false));
            }
        }
        ctx.figure("spectrum", Plots.spectrum("Spectrum of the Fisher information J (d = " + d
                + ", m = " + m + ")", "eigenvalue λ_k of J (weights N(0, 1/d), no 1/m factor)", ev,
                levels).build());

        // trace shares
        double topShare = report.topShare();
        double fracExact = report.exactTraceFraction();
        double fracPapers = report.papersTraceFraction();
        ResidualTrace theory = report.theoreticalTrace();
        r.put("topClusterTraceShare", topShare)
                .put("fracExact", fracExact)
                .put("fracPapers", fracPapers)
                .put("theoreticalSpanTraceShare", theory.capturedShare());
        int top = report.topCount();
        Table shares = Table.builder()
                .text("quantity", "quantity")
                .percent("share", "share of trace J", 3)
                .number("differenceFromObserved", "minus observed (percentage points)", 3)
                .row("observed: top " + top + " eigenvalues (clusters 1–3)", topShare, 0.0)
                .row("observed: span of the " + theory.dimension() + " theoretical eigenvectors,"
                        + " Σ qᵀJq", theory.capturedShare(), 100 * (theory.capturedShare() - topShare))
                .row("exact limit frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)²", fracExact,
                        100 * (fracExact - topShare))
                .row("papers' value 1/2 + 3/(2π) (every d)", fracPapers, 100 * (fracPapers - topShare))
                .build();
        ctx.paragraph("The three clusters hold a share of the trace that tends to frac(d) as m → ∞"
                + " (§2.4); the papers' approximate eigenvalues give 1/2 + 3/(2π) = 97.746 % for"
                + " every d, which is only the d → ∞ limit of frac(d). The second row splits tr J"
                + " exactly along the theoretical eigenvectors instead of the observed ones.");
        ctx.table("traceShares", shares);
        int[] ds = dimensionGrid();
        double[] dx = new double[ds.length];
        double[] fy = new double[ds.length];
        for (int i = 0; i < ds.length; i++) {
            dx[i] = ds[i];
            fy[i] = ClusterPrediction.traceFraction(ds[i]);
        }
        ctx.figure("trace-share", Figure.builder("Trace share of the three FIM clusters")
                .xAxis("input dimension d").yAxis("share of trace J (fraction)").logX()
                .legend(Figure.Legend.INSIDE_SE)
                .points("observed, d = " + d + ", m = " + m, new double[] {d}, new double[] {topShare})
                .line("exact limit frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)²", dx, fy)
                .horizontalLine("papers: 1/2 + 3/(2π) = " + Table.formatNumber(fracPapers, 6),
                        fracPapers, true)
                .build());

        // eigenvector overlaps
        SubspaceOverlap o2 = clusters.get(1).overlap().orElseThrow();
        SubspaceOverlap o3 = clusters.get(2).overlap().orElseThrow();
        int n3 = clusters.get(2).multiplicity();
        double[][] observed3 = new double[n3][];
        for (int i = 0; i < n3; i++) {
            observed3[i] = dec.eigenvector(1 + d + i);
        }
        SubspaceOverlap papers3 = SubspaceOverlap.between(
                orthonormalise(papersThirdClusterVectors(net.hiddenWeights(), dec.eigenvector(0))),
                observed3);
        double radial = report.radialAlignment();
        double uniform = report.uniformAlignment();
        Table overlaps = Table.builder()
                .text("cluster", "cluster")
                .text("theory", "theoretical vectors (`FimEigenvectorFamilies`, §2.3, §3.6)")
                .integer("dimension", "dimension")
                .number("meanSquaredCosine", "mean cos² of the principal angles", 5)
                .number("minCosine", "smallest cosine", 5)
                .row("1", "column norms (‖w_j‖)_j", 1, radial * radial, radial)
                .row("1", "uniform vector (1, …, 1) (for contrast)", 1, uniform * uniform, uniform)
                .row("2", "the d rows w^(a) of W, u_1 projected out", d, o2.meanSquaredCosine(),
                        o2.minCosine())
                .row("3", "q^{ab} = w_ja w_jb/‖w_j‖ and Helmert combinations of w_ja²/‖w_j‖,"
                        + " clusters 1–2 projected out", n3, o3.meanSquaredCosine(), o3.minCosine())
                .row("3", "papers' w_ja w_jb and w_ja² − w_j1² (no 1/‖w_j‖), the latter projected"
                        + " off u_1 (for contrast)", n3, papers3.meanSquaredCosine(), papers3.minCosine())
                .build();
        r.put("topEigenvectorCosine", radial);
        ctx.paragraph("Overlap of each cluster's eigenvectors with its theoretical vectors: the"
                + " principal angles between the two subspaces (`SubspaceOverlap`; cos = 1 means"
                + " inside the span). The top eigenvector's cosine with the column norms is "
                + Table.formatNumber(radial, 6) + "; the uniform vector, often quoted, fits worse ("
                + Table.formatNumber(uniform, 6) + "), and so do the papers' cluster-3 vectors"
                + " without the factor 1/‖w_j‖.");
        ctx.table("eigenvectorOverlaps", overlaps);
        r.put("eigenvalues", ev);
        ctx.keyNumber("topClusterTraceShare", topShare);
        ctx.keyNumber("fracExact", fracExact);
        ctx.progress().progress(task, 3, 3);
    }

    private static Table clusterTable(FimClusterReport report, double[] ev, int m) {
        Table.Builder tb = Table.builder()
                .text("cluster", "cluster")
                .integer("degree", "degree k")
                .text("indices", "eigenvalues #")
                .integer("multiplicity", "multiplicity")
                .number("observedMean", "observed mean", 5)
                .number("relativeSpread", "(max − min)/mean", 3)
                .number("exactLimit", "exact limit", 5)
                .number("adjustedLimit", "adjusted limit", 5)
                .number("papersValue", "papers' value", 5)
                .number("meanOverExact", "mean / exact", 4)
                .number("meanOverAdjusted", "mean / adjusted", 4)
                .percent("traceShare", "trace share", 3)
                .number("overlap", "mean cos² with theory", 4);
        int next = 0;
        for (FimCluster c : report.clusters()) {
            String name = c.degree() <= 2 ? Integer.toString(c.degree() + 1) : "degree " + c.degree();
            tb.row(name, c.degree(), range(c.firstIndex(), c.multiplicity()), c.multiplicity(), c.mean(),
                    c.relativeSpread(), c.exactLimit(), c.adjustedLimit(),
                    c.papersValue().isPresent() ? c.papersValue().getAsDouble() : null,
                    c.mean() / c.exactLimit(), c.mean() / c.adjustedLimit(), c.traceShare(),
                    c.overlap().isPresent() ? c.overlap().get().meanSquaredCosine() : null);
            next = c.firstIndex() + c.multiplicity();
        }
        int rest = m - next;
        if (rest > 0) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = next; i < m; i++) {
                sum += ev[i];
                min = Math.min(min, ev[i]);
                max = Math.max(max, ev[i]);
            }
            double mean = sum / rest;
            tb.row("rest", null, range(next, rest), rest, mean, (max - min) / mean, null, null, null, null,
                    null, sum / report.trace(), null);
        }
        return tb.build();
    }

    private static double frobeniusSquared(double[][] w) {
        double fro = 0;
        for (double[] row : w) {
            for (double v : row) {
                fro += v * v;
            }
        }
        return fro;
    }

    /** d = 1, 2, …, 10, then about 12 points per decade up to 1000. */
    private static int[] dimensionGrid() {
        List<Integer> g = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            g.add(d);
        }
        for (int i = 1; i <= 24; i++) {
            int d = (int) Math.round(10 * Math.pow(100, i / 24.0));
            if (d > g.get(g.size() - 1)) {
                g.add(d);
            }
        }
        int[] r = new int[g.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = g.get(i);
        }
        return r;
    }

    /**
     * The papers' d(d+1)/2 − 1 vectors for cluster 3, without the 1/‖w_j‖ of MATH.md §2.3:
     * (w_ja w_jb)_j for a &lt; b, then (w_ja² − w_j1²)_j for a = 2..d with the component along
     * {@code u1} removed ("the manipulation … to remove the component parallel to u1").
     */
    static double[][] papersThirdClusterVectors(double[][] w, double[] u1) {
        int m = w.length;
        int d = w[0].length;
        double[][] v = new double[d * (d + 1) / 2 - 1][m];
        int c = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                for (int k = 0; k < m; k++) {
                    v[c][k] = w[k][a] * w[k][b];
                }
                c++;
            }
        }
        for (int a = 1; a < d; a++) {
            double[] s = v[c++];
            double p = 0;
            for (int k = 0; k < m; k++) {
                s[k] = w[k][a] * w[k][a] - w[k][0] * w[k][0];
                p += s[k] * u1[k];
            }
            for (int k = 0; k < m; k++) {
                s[k] -= p * u1[k];
            }
        }
        return v;
    }

    /**
     * An orthonormal basis of span(v) for linearly independent vectors v, as rows: modified
     * Gram–Schmidt with one reorthogonalisation pass ("twice is enough"). O(m·p²).
     *
     * @throws IllegalStateException if a vector is numerically dependent on the previous ones
     */
    static double[][] orthonormalise(double[][] v) {
        double[][] q = new double[v.length][];
        for (int c = 0; c < v.length; c++) {
            double[] x = v[c].clone();
            double original = Math.sqrt(dot(x, x));
            for (int pass = 0; pass < 2; pass++) {
                for (int b = 0; b < c; b++) {
                    double p = dot(q[b], x);
                    for (int k = 0; k < x.length; k++) {
                        x[k] -= p * q[b][k];
                    }
                }
            }
            double norm = Math.sqrt(dot(x, x));
            if (!(norm > 1e-10 * original)) {
                throw new IllegalStateException("vector " + c + " is linearly dependent on the previous"
                        + " ones (relative norm " + norm / original + ")");
            }
            for (int k = 0; k < x.length; k++) {
                x[k] /= norm;
            }
            q[c] = x;
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static String range(int from, int count) {
        return count == 1 ? Integer.toString(from + 1) : (from + 1) + "–" + (from + count);
    }
}
