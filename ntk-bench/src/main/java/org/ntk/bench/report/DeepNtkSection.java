package org.ntk.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.DeepReluNetwork;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.bounds.FiniteWidthComparison;
import org.ntk.spectral.bounds.HermiteBound;
import org.ntk.spectral.bounds.ReluHermite;
import org.ntk.spectral.bounds.SmallestEigenvalueBounds;

/**
 * Report section {@code deepNtk}: the smallest eigenvalue of the deep ReLU NTK Gram matrix K^(L)
 * of Gaussian data against the deterministic bound chain of Nguyen–Mondelli–Montúfar (seed 001;
 * MATH.md §6.2, §6.3, §7), and the same for a finite-width network.
 *
 * <p>Data: n = {@value #N} points x_i ~ N(0, I_d), d = {@value #D} (stream {@code derivedSeed(4)}),
 * independent of the run's d and m. For L = 2..{@value #MAX_LAYERS} weight layers (L − 1 hidden
 * layers, c_σ = 2, {@code Kernels.deepNtk(L − 1)}), {@link SmallestEigenvalueBounds} evaluates
 * λ_min(K^(L)), the Schur bound Σ_l λ_min(G^(l)), the Hermite bound 2μ_r² λ_min((XXᵀ)^{∘r}) /
 * max‖x_i‖^{2(r−1)} and its Gershgorin relaxation for r = 4 and 6, and the trace bound
 * (L/n) Σ‖x_i‖². Random networks with all hidden widths 250 or 1000 and N(0, 1) weights (stream
 * {@code derivedSeed(networkStream(w, L))}) give the empirical NTK (Π 2/n_l)·JJᵀ, compared by {@link
 * FiniteWidthComparison}. A second table varies d at L = 3 (streams {@code derivedSeed(40 + i)}),
 * the shape of MATH.md §6.3's illustration.
 *
 * <p>Cost: a handful of 100×100 eigenvalue problems, and for the finite networks O(n·Σ n_l n_{l−1})
 * (about 10⁹ multiply–adds at L = 5): one or two seconds.
 */
public final class DeepNtkSection implements ReportSection {

    /** Data points. */
    static final int N = 100;
    /** Input dimension of the main table. */
    static final int D = 200;
    /** The largest number of weight layers. */
    static final int MAX_LAYERS = 5;
    /** Hidden widths of the finite networks (the last one is plotted). */
    static final int[] WIDTHS = {250, 1000};
    /** Hermite orders. */
    static final int[] ORDERS = {4, 6};
    /** Input dimensions of the second table (L = 3). */
    static final int[] DIMENSIONS = {100, 200, 500, 1000, 2000};

    @Override
    public String id() {
        return "deepNtk";
    }

    @Override
    public String title() {
        return "Deep ReLU NTK: the smallest eigenvalue against the Nguyen–Mondelli–Montúfar bounds";
    }

    @Override
    public void run(ReportContext ctx) {
        double[][] x = Gaussians.standardNormal(N, D, ctx.derivedSeed(4));
        int layersCount = MAX_LAYERS - 1;
        SmallestEigenvalueBounds[] b = new SmallestEigenvalueBounds[layersCount];
        FiniteWidthComparison[][] fw = new FiniteWidthComparison[WIDTHS.length][layersCount];
        int steps = (1 + WIDTHS.length) * layersCount + DIMENSIONS.length;
        int step = 0;
        for (int i = 0; i < layersCount; i++) {
            int layers = i + 2;
            b[i] = SmallestEigenvalueBounds.of(x, layers, ORDERS);
            ctx.progress().progress("deepNtk", ++step, steps);
            for (int w = 0; w < WIDTHS.length; w++) {
                int[] widths = new int[layers - 1];
                Arrays.fill(widths, WIDTHS[w]);
                DeepReluNetwork net = DeepReluNetwork.random(D, widths, ctx.derivedSeed(networkStream(w, layers)));
                KernelMatrix raw = net.empiricalNtk(x, ctx.threads());
                double[] a = raw.toArray();
                double scale = net.ntkScale();
                for (int k = 0; k < a.length; k++) {
                    a[k] *= scale;
                }
                fw[w][i] = FiniteWidthComparison.of(DenseKernelMatrix.wrapSymmetric(N, a), x, layers);
                ctx.progress().progress("deepNtk", ++step, steps);
            }
        }

        ResultNode r = ctx.results();
        long[] widthValues = new long[WIDTHS.length];
        for (int w = 0; w < WIDTHS.length; w++) {
            widthValues[w] = WIDTHS[w];
        }
        r.put("n", N).put("d", D).put("dataSeed", ctx.derivedSeed(4)).put("hiddenWidths", widthValues);
        double[] mu = new double[ORDERS.length];
        for (int k = 0; k < ORDERS.length; k++) {
            mu[k] = ReluHermite.relu(ORDERS[k]);
        }
        r.put("hermiteOrders", new long[] {ORDERS[0], ORDERS[1]}).put("hermiteCoefficients", mu);

        Table.Builder bt = Table.builder()
                .integer("layers", "L")
                .number("lambdaMin", "λ_min(K^(L))", 5)
                .number("schurBound", "Schur Σ_l λ_min(G^(l))", 5)
                .number("hermite4", "Hermite r = 4", 4)
                .number("gershgorin4", "Gershgorin r = 4", 4)
                .number("hermite6", "Hermite r = 6", 4)
                .number("gershgorin6", "Gershgorin r = 6", 4)
                .number("traceBound", "trace (L/n)Σ‖x_i‖²", 5)
                .number("lambdaMinOverD", "λ_min / d", 4)
                .text("chainHolds", "every link holds");
        for (SmallestEigenvalueBounds s : b) {
            HermiteBound h4 = s.hermite().get(0);
            HermiteBound h6 = s.hermite().get(1);
            bt.row(s.layers(), s.lambdaMin(), s.schurBound(), h4.bound(), h4.gershgorinBound(), h6.bound(),
                    h6.gershgorinBound(), s.traceBound(), s.lambdaMin() / D, s.holds() ? "yes" : "NO");
        }
        ctx.paragraph("Gaussian data: n = " + N + " points x_i ~ N(0, I_d), d = " + D + " (seed"
                + " `derivedSeed(4)`). K^(L) is the infinite-width NTK of a bias-free ReLU network with L"
                + " weight layers (L − 1 hidden, c_σ = 2; MATH.md §6.2). The chain of §6.3, every link"
                + " evaluated exactly: λ_min(K^(L)) ≥ Σ_l λ_min(G^(l)) (Schur) ≥ λ_min(G^(2)) ≥ 2μ_r²"
                + " λ_min((XXᵀ)^{∘r})/max‖x_i‖^{2(r−1)} (Hermite, μ_4 = "
                + Table.formatNumber(mu[0], 6) + ", μ_6 = " + Table.formatNumber(mu[1], 6)
                + ", §7) ≥ the same with Gershgorin's min‖x_i‖^{2r} − (n−1)max|⟨x_i,x_j⟩|^r in place"
                + " of λ_min; above, λ_min(K^(L)) ≤ tr K^(L)/n. The Hermite and Gershgorin bounds"
                + " concern G^(2) and do not depend on L. A negative Gershgorin value is vacuous (it"
                + " becomes positive only when (n−1)(max|⟨x_i,x_j⟩|/min‖x_i‖²)^r < 1). Theorem 3.2 says"
                + " λ_min(K^(L)) = Θ(d) with constants independent of L: the λ_min/d column grows only"
                + " slowly with L.");
        ctx.table("bounds", bt.build());

        Table.Builder ft = Table.builder()
                .integer("layers", "L")
                .integer("width", "hidden width")
                .text("widths", "hidden layers")
                .number("empiricalLambdaMin", "λ_min, finite width", 5)
                .number("limitLambdaMin", "λ_min(K^(L)), infinite width", 5)
                .number("ratio", "finite / infinite", 4)
                .number("frobeniusRelativeError", "‖K̄ − K^(L)‖_F / ‖K^(L)‖_F", 3);
        for (int i = 0; i < layersCount; i++) {
            int layers = i + 2;
            for (int w = 0; w < WIDTHS.length; w++) {
                FiniteWidthComparison c = fw[w][i];
                ft.row(layers, WIDTHS[w], (layers - 1) + " × " + WIDTHS[w], c.empiricalLambdaMin(),
                        c.limitLambdaMin(), c.lambdaMinRatio(), c.frobeniusRelativeError());
            }
        }
        ctx.paragraph("Finite width: for each L one random network per width with all hidden layers of"
                + " that width and N(0, 1) weights (seed `derivedSeed(" + FINITE_STREAM_BASE
                + " + 10·w + L)`, w the width's index); its empirical NTK K̄ = JJᵀ over all weights,"
                + " times Π_l 2/n_l, tends to K^(L) with a relative error falling like width^{−1/2}"
                + " (§6.1): a " + (WIDTHS[1] / WIDTHS[0]) + "-fold width should halve the error. λ_min is"
                + " the most fragile part of the spectrum: at depth the finite-width value lies"
                + " visibly below the limit.");
        ctx.table("finiteWidth", ft.build());

        double[] ls = new double[layersCount];
        double[] lam = new double[layersCount];
        double[] schur = new double[layersCount];
        double[] trace = new double[layersCount];
        double[] finite = new double[layersCount];
        for (int i = 0; i < layersCount; i++) {
            ls[i] = b[i].layers();
            lam[i] = b[i].lambdaMin();
            schur[i] = b[i].schurBound();
            trace[i] = b[i].traceBound();
            finite[i] = fw[WIDTHS.length - 1][i].empiricalLambdaMin();
        }
        Figure.Builder fb = Figure.builder("Smallest eigenvalue of the deep NTK and its bounds (n = " + N
                + ", d = " + D + ")")
                .xAxis("weight layers L (L − 1 hidden layers)")
                .yAxis("eigenvalue (units of ‖x‖², E‖x‖² = d)").logY()
                .legend(Figure.Legend.OUTSIDE_S).size(800, 640)
                .points("λ_min(K^(L)), infinite width", 0, ls, lam)
                .points("λ_min of (Π 2/n_l)·JJᵀ, width " + WIDTHS[WIDTHS.length - 1], 1, ls, finite)
                .line("upper: trace bound (L/n)Σ‖x_i‖²", 3, ls, trace)
                .line("lower: Schur Σ_l λ_min(G^(l))", 2, ls, schur);
        int colour = 4;
        for (int k = 0; k < ORDERS.length; k++) {
            HermiteBound h = b[0].hermite().get(k);
            fb.dashedLine("lower: Hermite r = " + ORDERS[k] + " (exact λ_min of the Khatri–Rao power)", colour++,
                    new double[] {2, MAX_LAYERS}, new double[] {h.bound(), h.bound()});
            if (h.gershgorinBound() > 0) {
                fb.dashedLine("lower: Gershgorin r = " + ORDERS[k], colour++, new double[] {2, MAX_LAYERS},
                        new double[] {h.gershgorinBound(), h.gershgorinBound()});
            }
        }
        ctx.figure("bounds", fb.build());

        // the d sweep at L = 3
        Table.Builder dt = Table.builder()
                .integer("d", "d")
                .number("lambdaMin", "λ_min(K^(3))", 5)
                .number("schurBound", "Schur", 5)
                .number("traceBound", "trace", 5)
                .number("hermite4", "Hermite r = 4", 4)
                .number("gershgorin4", "Gershgorin r = 4", 4)
                .number("hermite6", "Hermite r = 6", 4)
                .number("gershgorin6", "Gershgorin r = 6", 4)
                .number("lambdaMinOverD", "λ_min / d", 4);
        double[] dd = new double[DIMENSIONS.length];
        double[][] sweep = new double[7][DIMENSIONS.length];
        for (int i = 0; i < DIMENSIONS.length; i++) {
            int d = DIMENSIONS[i];
            double[][] xd = Gaussians.standardNormal(N, d, ctx.derivedSeed(SWEEP_STREAM_BASE + i));
            SmallestEigenvalueBounds s = SmallestEigenvalueBounds.of(xd, 3, ORDERS);
            HermiteBound h4 = s.hermite().get(0);
            HermiteBound h6 = s.hermite().get(1);
            dt.row(d, s.lambdaMin(), s.schurBound(), s.traceBound(), h4.bound(), h4.gershgorinBound(),
                    h6.bound(), h6.gershgorinBound(), s.lambdaMin() / d);
            dd[i] = d;
            double[] v = {s.lambdaMin(), s.schurBound(), s.traceBound(), h4.bound(), h4.gershgorinBound(),
                h6.bound(), h6.gershgorinBound()};
            for (int k = 0; k < v.length; k++) {
                sweep[k][i] = v[k];
            }
            ctx.progress().progress("deepNtk", ++step, steps);
        }
        ctx.paragraph("The same chain at L = 3 for n = " + N + " and growing d (fresh data for each d,"
                + " seeds `derivedSeed(" + SWEEP_STREAM_BASE + " + i)`): the Gershgorin relaxations turn positive only at large"
                + " d, and all lower bounds stay far below λ_min — valid but loose, as MATH.md §6.3"
                + " reports for its own draw.");
        ctx.table("dimensionSweep", dt.build());
        Figure.Builder db = Figure.builder("Bounds on λ_min(K^(3)) as d grows (n = " + N + ")")
                .xAxis("input dimension d").yAxis("eigenvalue (units of ‖x‖², E‖x‖² = d)").logX().logY()
                .legend(Figure.Legend.OUTSIDE_S).size(800, 640)
                .points("λ_min(K^(3))", 0, dd, sweep[0])
                .line("upper: trace bound", 3, dd, sweep[2])
                .line("lower: Schur", 2, dd, sweep[1])
                .dashedLine("lower: Hermite r = 4", 4, dd, sweep[3])
                .dashedLine("lower: Hermite r = 6", 5, dd, sweep[5]);
        addPositive(db, "lower: Gershgorin r = 4 (where positive)", 6, dd, sweep[4]);
        addPositive(db, "lower: Gershgorin r = 6 (where positive)", 7, dd, sweep[6]);
        ctx.figure("dimension-sweep", db.build());
        ctx.keyNumber("lambdaMinL3", b[1].lambdaMin());
    }

    /** The first derived-seed stream of the data of the d sweep. */
    static final int SWEEP_STREAM_BASE = 40;

    /** The first derived-seed stream of the finite networks. */
    static final int FINITE_STREAM_BASE = 5;

    /** The derived-seed stream of the network with width index w and L weight layers. */
    static long networkStream(int w, int layers) {
        return FINITE_STREAM_BASE + 10L * w + layers;
    }

    /** Adds the points of a line where y &gt; 0 (a log axis cannot show the rest), if there are any. */
    private static void addPositive(Figure.Builder fb, String name, int colour, double[] x, double[] y) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (y[i] > 0) {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        double[] kx = new double[kept.size()];
        double[] ky = new double[kept.size()];
        for (int i = 0; i < kx.length; i++) {
            kx[i] = kept.get(i)[0];
            ky[i] = kept.get(i)[1];
        }
        fb.dashedLine(name, colour, kx, ky);
    }
}
