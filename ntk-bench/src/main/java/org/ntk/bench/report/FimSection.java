package org.ntk.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ntk.core.fisher.ClusterPrediction;
import org.ntk.core.fisher.FimEigenvectorFamilies;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.mercer.Sphere;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.Spectra;

/**
 * Report section {@code fim}: the spectrum of the Fisher information J of a random network, its
 * three eigenvalue clusters against the exact large-m limits and the papers' values, the trace
 * share of the clusters, and the overlap of the eigenvectors with the theoretical vectors
 * (MATH.md §2.3, §2.4, §3.6).
 *
 * <p>The network is {@code ReluNetwork.random(d, m, FAN_IN, seed)} (VAR-1/d, the same as section
 * {@code network}); J = {@code FisherInformation.analytic(net)} (no 1/m factor) and all its
 * eigenpairs come from {@code Spectra.decompose}; the predictions from {@code ClusterPrediction},
 * the theoretical vectors from {@code FimEigenvectorFamilies}. The clusters are taken by multiplicity in the
 * sorted spectrum: eigenvalue 1, the next d, the next d(d+1)/2 − 1; the rest is the residual. With
 * c_d = Γ(d/2)/(2√π Γ((d+1)/2)):
 * <pre>
 *   cluster   multiplicity       exact limit            papers' value
 *   1         1                  m·d·c_d²               m(2d+1)/(4πd)
 *   2         d                  m/(4d)                 m/(4d)
 *   3         d(d+1)/2 − 1       m·d·c_d²/(d+1)²        m/(2πd(d+2))
 *   top-cluster trace share → frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)²   (papers: 1/2 + 3/(2π))
 * </pre>
 * Overlaps are mean squared cosines between each cluster's eigenvectors and the span of its
 * theoretical vectors ({@code FimEigenvectorFamilies.orthonormalBasis}, §2.3): (‖w_j‖)_j for
 * cluster 1; the d rows w^(a) of W for cluster 2; q^{ab} = (w_ja w_jb/‖w_j‖)_j and the Helmert
 * combinations of (w_ja²/‖w_j‖)_j for cluster 3; and, for comparison, the uniform vector and the
 * papers' cluster-3 vectors without 1/‖w_j‖.
 *
 * <p>Cost: O(m²d) for J, O(m³) for the eigendecomposition (about 1.5 s at m = 2000 on two cores),
 * memory about 4 m² doubles.
 */
public final class FimSection implements ReportSection {

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
        double[][] w = net.hiddenWeights();
        DenseKernelMatrix j = FisherInformation.analytic(net, ctx.threads());
        ctx.progress().progress(task, 1, 3);
        Decomposition dec = Spectra.decompose(j);
        ctx.progress().progress(task, 2, 3);
        double[] ev = dec.eigenvalues();
        double trace = j.trace();
        double fro = 0;
        for (double[] row : w) {
            for (double v : row) {
                fro += v * v;
            }
        }
        double traceClosed = fro / 2;

        double cd = Sphere.reluMean(d);
        List<ClusterPrediction> predicted = ClusterPrediction.of(d, m, WeightScale.FAN_IN);
        int[] mult = new int[3];
        int[] start = {0, 1, d + 1};
        double[] exact = new double[3];
        double[] papers = new double[3];
        for (int c = 0; c < 3; c++) {
            mult[c] = Math.toIntExact(predicted.get(c).multiplicity());
            exact[c] = predicted.get(c).exactLimit();
            papers[c] = predicted.get(c).papersValue();
        }
        int clustered = 1 + d + mult[2];

        Table.Builder tb = Table.builder()
                .text("cluster", "cluster")
                .text("indices", "eigenvalues k")
                .integer("multiplicity", "multiplicity")
                .number("observedMean", "observed mean", 5)
                .number("observedMin", "observed min", 4)
                .number("observedMax", "observed max", 4)
                .number("exactLimit", "exact limit", 5)
                .number("papersValue", "papers' value", 5)
                .number("meanOverExact", "mean / exact", 4)
                .percent("traceShare", "trace share", 3);
        double topSum = 0;
        for (int c = 0; c < 3; c++) {
            double[] s = stats(ev, start[c], mult[c]);
            topSum += s[0] * mult[c];
            tb.row(Integer.toString(c + 1), range(start[c], mult[c]), mult[c], s[0], s[1], s[2],
                    exact[c], papers[c], s[0] / exact[c], s[0] * mult[c] / trace);
        }
        double[] rs = stats(ev, clustered, m - clustered);
        tb.row("residual", range(clustered, m - clustered), m - clustered, rs[0], rs[1], rs[2], null,
                null, null, rs[0] * (m - clustered) / trace);
        Table clusters = tb.build();
        double topShare = topSum / trace;
        double fracExact = ClusterPrediction.traceFraction(d);
        double fracPapers = ClusterPrediction.PAPERS_TRACE_FRACTION;

        ResultNode r = ctx.results();
        r.put("hiddenWeightScale", WeightScale.FAN_IN.name())
                .put("sphereConstant", cd)
                .put("trace", trace)
                .put("traceClosedForm", traceClosed)
                .put("maxEigenResidual", dec.maxResidual());

        ctx.paragraph("J is the m×m Fisher information of the output weights (MATH.md §2.1), J_jk ="
                + " ‖w_j‖‖w_k‖ kappa1(cos∠(w_j, w_k)), of `ReluNetwork.random(" + d + ", " + m
                + ", FAN_IN, " + ctx.seed() + ")` (weights N(0, 1/d), no 1/m factor), decomposed"
                + " completely by `Spectra.decompose` (largest residual ‖Jv − λv‖ = "
                + Table.formatNumber(dec.maxResidual(), 2) + "). Its trace is "
                + Table.formatNumber(trace, 8) + " against ‖W‖²/2 = "
                + Table.formatNumber(traceClosed, 8) + ". The clusters are read off the sorted"
                + " spectrum by their multiplicities 1, d = " + d + " and d(d+1)/2 − 1 = " + mult[2]
                + "; c_d = Γ(d/2)/(2√π Γ((d+1)/2)) = " + Table.formatNumber(cd, 10) + " (§0)."
                + " The exact limits are m·d·c_d², m/(4d) and m·d·c_d²/(d+1)² (§2.3); the papers'"
                + " values m(2d+1)/(4πd), m/(4d), m/(2πd(d+2)) are their degree-2 Taylor"
                + " approximations.");
        ctx.table("clusters", clusters);

        List<Plots.Level> levels = new ArrayList<>();
        String[] exactLabel = {"m·d·c_d²", "m/(4d)", "m·d·c_d²/(d+1)²"};
        String[] papersLabel = {"m(2d+1)/(4πd)", "", "m/(2πd(d+2))"};
        for (int c = 0; c < 3; c++) {
            levels.add(new Plots.Level("cluster " + (c + 1) + (c == 1 ? " limit " : " exact limit ")
                    + exactLabel[c] + " = " + Table.formatNumber(exact[c], 4), exact[c], false));
            if (c != 1) {
                levels.add(new Plots.Level("cluster " + (c + 1) + " papers' value " + papersLabel[c]
                        + " = " + Table.formatNumber(papers[c], 4), papers[c], true));
            }
        }
        ctx.figure("spectrum", Plots.spectrum("Spectrum of the Fisher information J (d = " + d
                + ", m = " + m + ")", "eigenvalue λ_k of J (weights N(0, 1/d), no 1/m factor)", ev,
                levels).build());

        // trace shares
        r.put("topClusterTraceShare", topShare)
                .put("fracExact", fracExact)
                .put("fracPapers", fracPapers);
        Table shares = Table.builder()
                .text("quantity", "quantity")
                .percent("share", "share of trace J", 3)
                .number("differenceFromObserved", "minus observed (percentage points)", 3)
                .row("observed: top " + clustered + " eigenvalues", topShare, 0.0)
                .row("exact limit frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)²", fracExact,
                        100 * (fracExact - topShare))
                .row("papers' value 1/2 + 3/(2π) (every d)", fracPapers, 100 * (fracPapers - topShare))
                .build();
        ctx.paragraph("The three clusters hold a share of the trace that tends to frac(d) as m → ∞"
                + " (§2.4); the papers' approximate eigenvalues give exactly 1/2 + 3/(2π) ="
                + " 97.746 % for every d, the d → ∞ limit of frac(d).");
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
                .points("observed, d = " + d + ", m = " + m, new double[] {d}, new double[] {topShare})
                .line("exact limit frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)²", dx, fy)
                .horizontalLine("papers: 1/2 + 3/(2π) = " + Table.formatNumber(fracPapers, 6),
                        fracPapers, true)
                .build());

        // eigenvector overlaps
        double[][] u = new double[clustered][];
        for (int i = 0; i < clustered; i++) {
            u[i] = dec.eigenvector(i);
        }
        FimEigenvectorFamilies families = FimEigenvectorFamilies.of(net);
        double[] norms = families.columnNorms();
        double[] ones = new double[m];
        Arrays.fill(ones, 1.0);
        double[][] u1 = {u[0]};
        double topCos2 = SubspaceOverlap.meanSquaredCosineOrthonormal(u1, families.orthonormalBasis(0));
        double uniformCos2 = SubspaceOverlap.meanSquaredCosine(u1, new double[][] {ones});
        double c2 = SubspaceOverlap.meanSquaredCosineOrthonormal(slice(u, 1, d),
                families.orthonormalBasis(1));
        double c3 = SubspaceOverlap.meanSquaredCosineOrthonormal(slice(u, d + 1, mult[2]),
                families.orthonormalBasis(2));
        double c3papers = SubspaceOverlap.meanSquaredCosine(slice(u, d + 1, mult[2]),
                papersThirdClusterVectors(w, u[0]));
        Table overlaps = Table.builder()
                .text("cluster", "cluster")
                .text("theory", "theoretical vectors (`FimEigenvectorFamilies`, §2.3, §3.6)")
                .integer("dimension", "dimension")
                .number("meanSquaredCosine", "mean cos² with their span", 5)
                .row("1", "column norms (‖w_j‖)_j", 1, topCos2)
                .row("1", "uniform vector (1, …, 1) (for contrast)", 1, uniformCos2)
                .row("2", "the d rows w^(a) of W, u_1 projected out", d, c2)
                .row("3", "q^{ab} = w_ja w_jb/‖w_j‖ and Helmert combinations of w_ja²/‖w_j‖,"
                        + " clusters 1–2 projected out", mult[2], c3)
                .row("3", "papers' w_ja w_jb and w_ja² − w_j1² (no 1/‖w_j‖), the latter projected"
                        + " off u_1", mult[2], c3papers)
                .build();
        r.put("topEigenvectorCosine", Math.sqrt(topCos2));
        ctx.paragraph("Overlap of each cluster's eigenvectors with its theoretical vectors: the mean"
                + " squared cosine between the eigenvectors and the span of the vectors (1 = inside"
                + " the span). The top eigenvector's cosine with the column norms is "
                + Table.formatNumber(Math.sqrt(topCos2), 6) + "; the uniform vector, often quoted,"
                + " fits worse.");
        ctx.table("eigenvectorOverlaps", overlaps);
        r.put("eigenvalues", ev);
        ctx.keyNumber("topClusterTraceShare", topShare);
        ctx.progress().progress(task, 3, 3);
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

    private static double[][] slice(double[][] a, int from, int count) {
        double[][] r = new double[count][];
        System.arraycopy(a, from, r, 0, count);
        return r;
    }

    /** Mean, min, max of ev[from .. from+count). */
    private static double[] stats(double[] ev, int from, int count) {
        double s = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + count; i++) {
            s += ev[i];
            min = Math.min(min, ev[i]);
            max = Math.max(max, ev[i]);
        }
        return new double[] {s / count, min, max};
    }

    private static String range(int from, int count) {
        return count == 1 ? Integer.toString(from + 1) : (from + 1) + "–" + (from + count);
    }
}
