package org.ntk.bench.examples;

import java.nio.file.Path;
import java.util.Locale;

import org.ntk.bench.report.Figure;
import org.ntk.bench.report.PlotWriter;
import org.ntk.core.network.DeepReluNetwork;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.bounds.FiniteWidthBounds;
import org.ntk.spectral.dynamics.KernelMovement;
import org.ntk.spectral.dynamics.KernelMovementResult;
import org.ntk.spectral.dynamics.WidthMovement;

/**
 * Two finite-width experiments as the width grows, with a plot each: how far the empirical NTK moves
 * when both layers of a two-layer network are trained ({@link KernelMovement}, MATH.md §3.2, §5), and
 * the finite-width bound chain of the smallest NTK eigenvalue against its infinite-width limit
 * ({@link FiniteWidthBounds}, MATH.md §6.1, §6.3).
 *
 * <p>Run {@code java -cp ntk-bench/target/ntk.jar org.ntk.bench.examples.WidthSweeps [DIR]}: prints the
 * numbers, and with DIR (an existing directory, docs/figures for the docs) writes {@code kernel-movement-width.png} and
 * {@code finite-width-bounds.png} there.
 */
public final class WidthSweeps {

    /** Widths of the two-layer networks trained in the movement sweep. */
    static final int[] MOVEMENT_WIDTHS = {250, 500, 1000, 2000, 4000, 8000};

    /** Hidden widths of the L = 3 networks in the bound sweep. */
    static final int[] BOUND_WIDTHS = {100, 400, 1600, 6400};

    private WidthSweeps() {
    }

    /** Both layers trained: d = 5, n = 100, η = 1, 100 steps, 3 networks per width, seed 1. */
    public static KernelMovementResult movement() {
        return new KernelMovement(5, 100, MOVEMENT_WIDTHS, 1.0, 100, 3, 1).run();
    }

    /** The bound chain at L = 3 for 30 Gaussian points in d = 60, one network per width (seed 1). */
    public static FiniteWidthBounds[] bounds() {
        double[][] x = Gaussians.standardNormal(30, 60, 1);
        FiniteWidthBounds[] r = new FiniteWidthBounds[BOUND_WIDTHS.length];
        for (int i = 0; i < r.length; i++) {
            int w = BOUND_WIDTHS[i];
            r[i] = FiniteWidthBounds.of(DeepReluNetwork.random(60, new int[] {w, w}, 2 + i), x, 4);
        }
        return r;
    }

    /** Prints both sweeps and, given a directory, writes their plots. */
    public static void main(String[] args) {
        KernelMovementResult m = movement();
        int k = m.widths().size();
        double[] width = new double[k];
        double[] change = new double[k];
        double[] reference = new double[k];
        System.out.println("width | mean ‖ΔK‖_F/‖K_0‖_F | mean ‖ΔW‖_F/‖W_0‖_F | mean final relative loss");
        for (int i = 0; i < k; i++) {
            WidthMovement w = m.widths().get(i);
            width[i] = w.width();
            change[i] = w.meanKernelChange();
            System.out.println(String.format(Locale.ROOT, "%d | %.4g | %.4g | %.3g", w.width(), w.meanKernelChange(),
                    w.meanWeightChange(), w.meanRelativeLoss()));
        }
        System.out.println(String.format(Locale.ROOT, "fitted exponent %.3f", m.fittedExponent()));
        for (int i = 0; i < k; i++) {
            reference[i] = change[0] * Math.pow(width[i] / width[0], -0.75);
        }

        FiniteWidthBounds[] b = bounds();
        double[] bw = new double[b.length];
        double[] lam = new double[b.length];
        double[] schur = new double[b.length];
        double[] trace = new double[b.length];
        double[] limLam = new double[b.length];
        double[] limSchur = new double[b.length];
        double[] limTrace = new double[b.length];
        System.out.println("width | λ_min(sK̄) | Schur (finite) | trace (finite) | λ_min(K^(3)) | Schur (limit)"
                + " | trace (limit) | links hold");
        for (int i = 0; i < b.length; i++) {
            bw[i] = BOUND_WIDTHS[i];
            lam[i] = b[i].empiricalLambdaMin();
            schur[i] = b[i].empiricalSchurBound();
            trace[i] = b[i].empiricalTraceBound();
            limLam[i] = b[i].limit().lambdaMin();
            limSchur[i] = b[i].limit().schurBound();
            limTrace[i] = b[i].limit().traceBound();
            System.out.println(String.format(Locale.ROOT, "%d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %b",
                    BOUND_WIDTHS[i], lam[i], schur[i], trace[i], limLam[i], limSchur[i], limTrace[i],
                    b[i].holds() && b[i].limit().holds()));
        }
        if (args.length > 0) {
            PlotWriter plots = new PlotWriter(Path.of(args[0]));
            plots.write("kernel-movement-width", Figure.builder("Both layers trained: NTK movement against width")
                    .xAxis("hidden width m").yAxis("‖K_T − K_0‖_F / ‖K_0‖_F").logX().logY()
                    .points("observed (mean of 3 networks)", width, change)
                    .dashedLine("slope −3/4", width, reference)
                    .build());
            plots.write("finite-width-bounds", Figure.builder("λ_min of the L = 3 NTK: finite width against the limit")
                    .xAxis("hidden width n_1 = n_2").yAxis("eigenvalue (scaled NTK)").logX().logY()
                    .points("λ_min(s·K̄)", 0, bw, lam)
                    .points("Schur bound (finite width)", 1, bw, schur)
                    .points("trace bound (finite width)", 2, bw, trace)
                    .dashedLine("λ_min(K^(3)) (limit)", 0, bw, limLam)
                    .dashedLine("Schur bound (limit)", 1, bw, limSchur)
                    .dashedLine("trace bound (limit)", 2, bw, limTrace)
                    .legend(Figure.Legend.OUTSIDE_E)
                    .build());
        }
    }
}
