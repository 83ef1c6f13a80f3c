package org.ntk.bench.report;

import org.apache.commons.math3.special.Gamma;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.sampling.Gaussians;

/**
 * Report section {@code network}: the random network every other FIM section uses, and the checks
 * that tie it to the closed forms of MATH.md §0 and §2.1.
 *
 * <p>The network is {@code ReluNetwork.random(d, m, FAN_IN, seed)} (hidden weights N(0, 1/d),
 * VAR-1/d). The section reports, each with its standard error and z-score:
 * <ul>
 *   <li>the mean hidden-unit norm against E‖w‖ = √(2/d) Γ((d+1)/2)/Γ(d/2) (chi moment, §0), with
 *       standard error s/√m from the sample standard deviation s;</li>
 *   <li>trace J = ‖W‖_F²/2 (§2.1, exact for this W) against its expectation m/2, with the exact
 *       standard deviation √(m/(2d)) of ‖W‖_F²/2 under VAR-1/d;</li>
 *   <li>a Monte Carlo estimate of trace J = E_x‖ReLU(Wx)‖² from n = 4000 inputs x ~ N(0, I_d)
 *       (stream {@code derivedSeed(1)}) against the closed form ‖W‖_F²/2 of this W, with standard
 *       error s/√n.</li>
 * </ul>
 * The plot is the histogram of the m norms ‖w_j‖ against their density √d·χ_d(√d r).
 *
 * <p>Cost O(n·m·d) for the Monte Carlo pass (0.1 s at d = 10, m = 2000), memory O(m·d).
 */
public final class NetworkSection implements ReportSection {

    /** Monte Carlo inputs for the trace check. */
    static final int MC_INPUTS = 4000;
    private static final int BATCH = 250;

    @Override
    public String id() {
        return "network";
    }

    @Override
    public String title() {
        return "The random network and the trace of its Fisher information";
    }

    @Override
    public void run(ReportContext ctx) {
        int d = ctx.d();
        int m = ctx.m();
        ReluNetwork net = ReluNetwork.random(d, m, WeightScale.FAN_IN, ctx.seed());
        double[][] w = net.hiddenWeights();

        double[] norms = new double[m];
        double sumSq = 0;
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int a = 0; a < d; a++) {
                s += w[j][a] * w[j][a];
            }
            sumSq += s;
            norms[j] = Math.sqrt(s);
        }
        double traceClosed = sumSq / 2;
        double normMean = mean(norms);
        double normSd = sd(norms, normMean);
        double expectedNorm = Math.sqrt(2.0 / d)
                * Math.exp(Gamma.logGamma((d + 1) / 2.0) - Gamma.logGamma(d / 2.0));

        // Monte Carlo: trace J = E_x Σ_j ReLU(w_j·x)², in batches to keep memory O(BATCH·m)
        long inputSeed = ctx.derivedSeed(1);
        double[][] x = Gaussians.standardNormal(MC_INPUTS, d, inputSeed);
        double[] sq = new double[MC_INPUTS];
        for (int start = 0; start < MC_INPUTS; start += BATCH) {
            int len = Math.min(BATCH, MC_INPUTS - start);
            double[][] batch = new double[len][];
            System.arraycopy(x, start, batch, 0, len);
            double[][] phi = net.features(batch);
            for (int i = 0; i < len; i++) {
                double s = 0;
                for (double v : phi[i]) {
                    s += v * v;
                }
                sq[start + i] = s;
            }
            ctx.progress().progress("network: Monte Carlo trace", start + len, MC_INPUTS);
        }
        double mcMean = mean(sq);
        double mcSe = sd(sq, mcMean) / Math.sqrt(MC_INPUTS);

        double normSe = normSd / Math.sqrt(m);
        double traceSd = Math.sqrt(m / (2.0 * d));
        Table checks = Table.builder()
                .text("quantity", "quantity")
                .number("observed", "observed", 6)
                .number("theory", "theory", 6)
                .number("standardError", "standard error", 3)
                .number("z", "z-score", 2)
                .text("reference", "theory from")
                .row("mean ‖w_j‖", normMean, expectedNorm, normSe, (normMean - expectedNorm) / normSe,
                        "E‖w‖ = √(2/d)Γ((d+1)/2)/Γ(d/2), §0")
                .row("trace J = ‖W‖²/2", traceClosed, m / 2.0, traceSd,
                        (traceClosed - m / 2.0) / traceSd, "E = m/2, sd = √(m/(2d)), §2.1")
                .row("trace J by Monte Carlo", mcMean, traceClosed, mcSe, (mcMean - traceClosed) / mcSe,
                        "closed form ‖W‖²/2 of this W, §2.1")
                .build();

        ResultNode r = ctx.results();
        r.put("hiddenWeightScale", WeightScale.FAN_IN.name())
                .put("hiddenWeightVariance", WeightScale.FAN_IN.variance(d))
                .put("traceClosedForm", traceClosed)
                .put("normMean", normMean)
                .put("normStandardDeviation", normSd)
                .put("monteCarloInputs", MC_INPUTS)
                .put("monteCarloSeed", inputSeed);

        ctx.paragraph("The network is `ReluNetwork.random(d = " + d + ", m = " + m
                + ", FAN_IN, seed = " + ctx.seed() + ")`: hidden weights i.i.d. N(0, 1/d) (VAR-1/d,"
                + " MATH.md §0), so ‖w_j‖ ≈ 1 and the Fisher information J of the output weights"
                + " (§2.1) has trace ‖W‖²/2 ≈ m/2. The Monte Carlo row estimates E_x‖ReLU(Wx)‖²"
                + " from " + MC_INPUTS + " Gaussian inputs; |z| ≲ 3 is agreement.");
        ctx.table("checks", checks);

        Histogram h = Histogram.of(norms, 30);
        double[] rr = new double[200];
        double[] dens = new double[200];
        double lo = Math.max(0, h.centres()[0] - h.binWidth());
        double hi = h.centres()[h.bins() - 1] + h.binWidth();
        for (int i = 0; i < rr.length; i++) {
            rr[i] = lo + (hi - lo) * i / (rr.length - 1);
            dens[i] = normDensity(rr[i], d);
        }
        ResultNode hist = r.object("normHistogram");
        hist.put("binCentres", h.centres()).put("densities", h.densities());
        ctx.figure("norms", Plots.histogramVsDensity(
                "Hidden-unit norms ‖w_j‖, d = " + d + ", m = " + m + " (weights N(0, 1/d))",
                "‖w_j‖ (Euclidean norm of a hidden weight vector)",
                "probability density of ‖w_j‖", h,
                "theory: density of ‖w‖, w ~ N(0, I/d) (√d·χ_d)", rr, dens).build());
        ctx.keyNumber("traceClosedForm", traceClosed);
    }

    /** Density of ‖w‖ for w ~ N(0, I_d/d): √d·χ_d(√d r). */
    static double normDensity(double r, int d) {
        if (!(r > 0)) {
            return 0;
        }
        double s = Math.sqrt(d) * r;
        double logChi = (d - 1) * Math.log(s) - s * s / 2 - (d / 2.0 - 1) * Math.log(2)
                - Gamma.logGamma(d / 2.0);
        return Math.sqrt(d) * Math.exp(logChi);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static double sd(double[] a, double mean) {
        double s = 0;
        for (double v : a) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / (a.length - 1));
    }
}
