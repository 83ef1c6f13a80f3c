package org.ntk.bench.report;

import java.util.ArrayList;
import java.util.List;

import org.ntk.core.network.WeightScale;
import org.ntk.core.progress.ProgressListener;
import org.ntk.spectral.dynamics.DirectionDecay;
import org.ntk.spectral.dynamics.EigenfunctionDecay;
import org.ntk.spectral.dynamics.EigenfunctionDecayResult;
import org.ntk.spectral.dynamics.GroupDecay;
import org.ntk.spectral.dynamics.PopulationEigenvalues;
import org.ntk.spectral.dynamics.SimplicityBias;
import org.ntk.spectral.dynamics.SimplicityBiasResult;
import org.ntk.spectral.dynamics.TargetLearning;

/**
 * Report section {@code simplicityBias}: output-layer gradient descent learns each eigenfunction at
 * the rate its eigenvalue predicts, so ‖x‖ is learned long before x_1x_2/‖x‖ — the "simplicity bias"
 * of seeds 000 and 002 (MATH.md §3.4, §5).
 *
 * <p>Two experiments of the library, on the same draws (inputs x_i ~ N(0, I_d), hidden weights
 * N(0, 1), output weights started at 0, loss (1/2n)Σ(f − y)²; seed {@code derivedSeed(3)}), with
 * d = {@value #D}, n = {@value #N}, m = {@value #M}, independent of the run's d and m so that the
 * section takes a few seconds:
 * <ul>
 *   <li>{@link SimplicityBias}: real gradient descent on the three unit-norm targets ‖x‖/√d,
 *       √(d+2) x_1x_2/‖x‖ and their sum, {@value #STEPS} steps of size η = {@value #ETA}; relative
 *       loss curves, observed and predicted (the exact spectral prediction from the eigenpairs of
 *       K/n, and the population curve Σ_k w_k |1 − ηλ_k|^{2t} from the Mercer eigenvalues), and the
 *       time at which each reaches ε = {@value #EPSILON};</li>
 *   <li>{@link EigenfunctionDecay}: for each of the 1 + d + d(d+1)/2 − 1 eigenfunction directions of
 *       degree ≤ 2, the observed decay rate of the residual's projection (log-linear fit over about
 *       one e-fold, η = {@value #DECAY_ETA}) against the finite-sample prediction −ln|1 − ηΛ_q| and
 *       the population rate −ln|1 − ηλ_k|.</li>
 * </ul>
 *
 * <p>Cost: about 3 × {@value #STEPS} + 600 gradient steps of O(n·m) each, plus two spectra of the
 * n×n kernel: a few seconds on two cores.
 */
public final class SimplicityBiasSection implements ReportSection {

    /** Input dimension of the experiment. */
    static final int D = 5;
    /** Sample size. */
    static final int N = 400;
    /** Hidden units. */
    static final int M = 2000;
    /** Step size of the simplicity-bias runs. */
    static final double ETA = 0.2;
    /** The relative loss that counts as learned. */
    static final double EPSILON = 0.1;
    /** Steps of each simplicity-bias run. */
    static final int STEPS = 400;
    /** Step size of the decay-rate runs. */
    static final double DECAY_ETA = 1.0;
    /** Fit window of the decay rates, in e-folds. */
    static final double WINDOW = 1.0;
    /** Plotted curves stop below this relative loss. */
    static final double PLOT_FLOOR = 1e-4;
    /** Every how many steps an observed point is drawn. */
    static final int POINT_STRIDE = 8;
    /**
     * Every how many steps a dashed theory line has a vertex (the curves are smooth; with one vertex
     * per step the dash pattern restarts on every 1-pixel segment and the line looks solid).
     */
    static final int LINE_STRIDE = 10;

    @Override
    public String id() {
        return "simplicityBias";
    }

    @Override
    public String title() {
        return "Simplicity bias: each eigenfunction is learned at the rate of its eigenvalue";
    }

    @Override
    public void run(ReportContext ctx) {
        long seed = ctx.derivedSeed(3);
        ProgressListener progress = ctx.progress();
        SimplicityBiasResult sb = new SimplicityBias(D, N, M, ETA, EPSILON, STEPS, seed)
                .run(ctx.threads(), progress);
        EigenfunctionDecayResult decay = new EigenfunctionDecay(D, N, M, DECAY_ETA, WINDOW, seed)
                .run(ctx.threads(), progress);
        PopulationEigenvalues pop = sb.population();

        ResultNode r = ctx.results();
        r.put("d", D).put("n", N).put("m", M).put("hiddenWeightScale", WeightScale.STANDARD.name())
                .put("seed", seed).put("learningRate", ETA).put("relativeLoss", EPSILON)
                .put("steps", STEPS).put("lambda0", pop.lambda0()).put("lambda1", pop.lambda1())
                .put("lambda2", pop.lambda2());

        ctx.paragraph("A fresh experiment, independent of the run's d and m so that it takes seconds:"
                + " d = " + D + ", n = " + N + " inputs x_i ~ N(0, I_d), m = " + M + " hidden units with"
                + " weights N(0, 1) (VAR-1) and output weights started at 0, seed `derivedSeed(3)` = "
                + seed + ". Only the output layer is trained (`OutputLayerDescent`, real gradient descent"
                + " on v, loss (1/2n)Σ(f(x_i) − y_i)², step η = " + ETA + "), so the residual evolves"
                + " by r_t = (I − ηK/n)^t r_0 and each eigenfunction of the kernel decays at its own"
                + " rate (MATH.md §5). The Mercer eigenvalues are λ0 = d²c_d² = "
                + Table.formatNumber(pop.lambda0(), 6) + " (‖x‖), λ1 = 1/4 (x_l) and λ2 = λ0/(d+1)² = "
                + Table.formatNumber(pop.lambda2(), 6) + " (x_a x_b/‖x‖; §3.4). The targets are unit-norm"
                + " eigenfunctions ‖x‖/√d and √(d+2)·x₁x₂/‖x‖ and their sum (the mix). Observed curves"
                + " are the losses of the actual runs; the *spectral prediction* uses the eigenpairs of"
                + " K/n of this sample (exact for this linear model, so it lies on the points); the"
                + " *population prediction* uses only λ0 and λ2: Σ_k w_k |1 − ηλ_k|^{2t}.");

        List<TargetLearning> targets = sb.targets();
        String[] names = {"‖x‖", "x₁x₂/‖x‖", "mix ‖x‖ + x₁x₂/‖x‖"};
        String[] weights = {"w0 = 1", "w2 = 1", "w0 = w2 = 1/2"};
        Table.Builder tt = Table.builder()
                .text("target", "target")
                .text("populationWeights", "population weights")
                .number("observedTime", "observed steps to L/L0 = ε", 4)
                .number("spectralTime", "spectral prediction", 4)
                .number("matchedTime", "cluster-matched prediction", 4)
                .number("populationTime", "population prediction", 4)
                .number("observedOverPopulation", "observed / population", 3);
        for (int i = 0; i < targets.size(); i++) {
            TargetLearning t = targets.get(i);
            tt.row(names[i], weights[i], t.observedTime(), t.predictedTime(), t.matchedTime(),
                    t.populationTime(), t.observedTime() / t.populationTime());
        }
        ctx.paragraph("Steps until the relative loss L_t/L_0 first reaches ε = " + EPSILON
                + " (interpolated in ln L between steps). The *cluster-matched* prediction replaces"
                + " each cluster of K/n (degrees 0, 1, 2 and the rest) by its target-weighted mean"
                + " eigenvalue.");
        ctx.table("times", tt.build());

        Table ratios = Table.builder()
                .text("quantity", "t(x₁x₂/‖x‖) / t(‖x‖)")
                .number("ratio", "ratio", 4)
                .number("observedOverPrediction", "observed / this", 4)
                .row("observed", sb.observedRatio(), 1.0)
                .row("spectral prediction (eigenpairs of K/n)", sb.predictedRatio(),
                        sb.observedRatio() / sb.predictedRatio())
                .row("cluster-matched prediction (one eigenvalue per cluster of K/n)", sb.matchedRatio(),
                        sb.observedRatio() / sb.matchedRatio())
                .row("population, discrete steps: ln|1 − ηλ0| / ln|1 − ηλ2|", sb.populationRatio(),
                        sb.observedRatio() / sb.populationRatio())
                .row("population, gradient flow: λ0/λ2 = (d+1)²", sb.flowRatio(),
                        sb.observedRatio() / sb.flowRatio())
                .build();
        ctx.paragraph("How much later the degree-2 function is learned than ‖x‖. The population ratio"
                + " is the papers' claim; the finite sample moves it because a single function"
                + " x₁x₂/‖x‖ sees the eigenvalues of its cluster spread by about (1 ± √(g/n))²"
                + " around λ2 (g = d(d+1)/2 − 1), which the sample-based predictions capture.");
        ctx.table("timeRatios", ratios);
        r.put("observedRatio", sb.observedRatio());
        ctx.keyNumber("observedRatio", sb.observedRatio());
        ctx.keyNumber("populationRatio", sb.populationRatio());

        ResultNode curves = r.object("lossCurves");
        Figure.Builder fb = Figure.builder("Learning curves of output-layer gradient descent (d = " + D
                + ", n = " + N + ", m = " + M + ", η = " + ETA + ")")
                .xAxis("gradient-descent step t").yAxis("relative loss L(t)/L(0)").logY()
                .legend(Figure.Legend.OUTSIDE_S).size(800, 640);
        for (int i = 0; i < targets.size(); i++) {
            TargetLearning t = targets.get(i);
            double[] obs = t.observedLoss();
            double[] spec = t.predictedLoss();
            double[] popc = t.populationLoss();
            curves.object(key(i)).put("observed", obs).put("spectral", spec).put("population", popc);
            List<double[]> pts = new ArrayList<>();
            for (int s = 0; s < obs.length; s += POINT_STRIDE) {
                if (obs[s] >= PLOT_FLOOR) {
                    pts.add(new double[] {s, obs[s]});
                }
            }
            fb.points(names[i] + ": observed (every " + POINT_STRIDE + "th step)", i, column(pts, 0),
                    column(pts, 1));
            fb.line(names[i] + ": spectral prediction (K/n)", i, steps(spec), above(spec));
            double[] pc = above(popc);
            List<double[]> dashed = new ArrayList<>();
            for (int s = 0; s < pc.length; s += LINE_STRIDE) {
                dashed.add(new double[] {s, pc[s]});
            }
            if ((pc.length - 1) % LINE_STRIDE != 0) {
                dashed.add(new double[] {pc.length - 1, pc[pc.length - 1]});
            }
            fb.dashedLine(names[i] + ": population prediction (λ0, λ2)", i, column(dashed, 0),
                    column(dashed, 1));
        }
        fb.horizontalLine("ε = " + EPSILON + " (learned)", EPSILON, true);
        ctx.figure("learning-curves", fb.build());

        // decay rates per eigenfunction direction
        Table.Builder gt = Table.builder()
                .integer("degree", "degree k")
                .integer("directions", "directions")
                .number("populationEigenvalue", "λ_k", 5)
                .number("clusterMeanEigenvalue", "mean eigenvalue of K/n in the cluster", 5)
                .number("meanObservedRate", "observed rate (mean)", 5)
                .number("meanSampleRate", "sample prediction (mean)", 5)
                .number("populationRate", "population rate −ln|1 − ηλ_k|", 5)
                .number("observedOverSample", "observed / sample", 4)
                .number("observedOverPopulation", "observed / population", 4);
        for (GroupDecay g : decay.groups()) {
            gt.row(g.group(), g.size(), g.populationEigenvalue(), g.clusterMeanEigenvalue(),
                    g.meanObservedRate(), g.meanSampleRate(), g.populationRate(),
                    g.meanObservedRate() / g.meanSampleRate(), g.meanObservedRate() / g.populationRate());
        }
        ctx.paragraph("Per eigenfunction: the residual started along one eigenfunction direction q"
                + " (degree ≤ 2, orthonormalised on the sample; 1 + d + d(d+1)/2 − 1 = "
                + decay.directions().size() + " directions) decays like (1 − ηΛ)^t. Observed rate:"
                + " log-linear fit to q·r_t over about one e-fold (step η = " + DECAY_ETA + "). Sample"
                + " prediction: −ln|1 − ηΛ_q| with Λ_q the overlap-weighted eigenvalue of K/n in the"
                + " direction's cluster; population: −ln|1 − ηλ_k|. Rates are per step. The largest"
                + " |observed/sample − 1| over the directions is "
                + Table.formatPercent(decay.maxSampleRelativeError(), 2) + ".");
        ctx.table("decayRates", gt.build());
        r.put("maxSampleRelativeError", decay.maxSampleRelativeError());
        ResultNode.ResultList dl = r.list("directions");
        List<Plots.Group> groups = new ArrayList<>();
        String[] degreeName = {"degree 0 (‖x‖)", "degree 1 (x_l)", "degree 2 (x_a x_b/‖x‖, Helmert)"};
        for (int k = 0; k <= 2; k++) {
            List<double[]> pts = new ArrayList<>();
            for (DirectionDecay dd : decay.directions()) {
                if (dd.group() == k) {
                    pts.add(new double[] {dd.sampleRate(), dd.observedRate()});
                }
            }
            groups.add(new Plots.Group(degreeName[k], column(pts, 0), column(pts, 1)));
        }
        for (DirectionDecay dd : decay.directions()) {
            dl.add().put("label", dd.label()).put("degree", dd.group()).put("observedRate", dd.observedRate())
                    .put("sampleRate", dd.sampleRate()).put("populationRate", dd.populationRate());
        }
        Figure.Builder rb = Plots.observedVsLimit("Decay rate of each eigenfunction direction (d = " + D
                        + ", n = " + N + ", η = " + DECAY_ETA + ")",
                "predicted rate −ln|1 − ηΛ_q| from K/n (per step)", "observed rate (per step)", groups)
                .logX().logY();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DirectionDecay dd : decay.directions()) {
            lo = Math.min(lo, Math.min(dd.sampleRate(), dd.observedRate()));
            hi = Math.max(hi, Math.max(dd.sampleRate(), dd.observedRate()));
        }
        for (int k = 0; k <= 2; k++) {
            double rate = decay.groups().get(k).populationRate();
            rb.dashedLine("population rate −ln|1 − ηλ_" + k + "| = " + Table.formatNumber(rate, 4), k,
                    new double[] {lo, hi}, new double[] {rate, rate});
        }
        ctx.figure("decay-rates", rb.build());
    }

    private static String key(int target) {
        return new String[] {"radial", "product", "mix"}[target];
    }

    /** 0, 1, … up to the last index whose value is ≥ the plot floor. */
    private static double[] steps(double[] curve) {
        double[] s = new double[above(curve).length];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
        }
        return s;
    }

    /** The curve's prefix down to the plot floor (the first value below it included, if positive). */
    private static double[] above(double[] curve) {
        int n = 0;
        while (n < curve.length && curve[n] >= PLOT_FLOOR) {
            n++;
        }
        if (n < curve.length && curve[n] > 0) {
            n++;
        }
        return java.util.Arrays.copyOf(curve, Math.max(n, 1));
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
