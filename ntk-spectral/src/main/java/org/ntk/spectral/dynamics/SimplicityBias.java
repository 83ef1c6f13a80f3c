package org.ntk.spectral.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.ntk.core.basis.EigenfunctionBasis;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.sampling.Gaussians;
import org.ntk.core.validation.Validate;

/**
 * The simplicity-bias experiment of seed 000: output-layer gradient descent learns ‖x‖ (degree 0,
 * eigenvalue λ0) long before x_1x_2/‖x‖ (degree 2, eigenvalue λ2 = λ0/(d+1)²), and the ratio of the
 * times is predicted by the eigenvalues (MATH.md §3.4, §5).
 *
 * <p><b>Procedure.</b> Draw n inputs x_i ~ N(0, I_d) and a network with m STANDARD (N(0, 1)) hidden
 * weights and zero output weights, from {@code seed} (the same draws as {@link EigenfunctionDecay} with
 * the same seed). For each target, normalised to unit L²(N(0, I_d)) norm (MATH.md §3.4):
 * <pre>
 *   "|x|"       F̂0 = ‖x‖/√d                    population weights w0 = 1
 *   "x1x2/|x|"  F̂_12 = √(d+2) x_1x_2/‖x‖        w2 = 1
 *   "mix"       F̂0 + F̂_12                       w0 = w2 = 1/2
 * </pre>
 * run real gradient descent on v for {@code steps} steps with step η ({@link OutputLayerDescent}),
 * record the relative loss L_t/L_0 at every step, and find when it first reaches ε. Predictions: the
 * exact spectral curve ({@link SampleSpectrum#predictedLosses}); a cluster-matched model with one
 * eigenvalue per cluster of K/n (degrees 0, 1, 2 and the rest), each the target-weighted mean of the
 * cluster's eigenvalues ("eigenvalue-weighted on the sample"); and the population curve
 * Σ_k w_k |1 − ηλ_k|^{2t}. For a pure target in degree k the population time is
 * ln ε / (2 ln|1 − ηλ_k|), so the population ratio of the two pure targets' times is
 * ln|1 − ηλ0| / ln|1 − ηλ2|, which tends to λ0/λ2 = (d+1)² as η → 0 (gradient flow).
 *
 * <p><b>Accuracy.</b> The observed curve equals the exact spectral prediction to rounding. The
 * cluster-matched ratio agrees with the observed one within a few percent (n = 400–600, m = 2000–4000,
 * d = 5: within 3%). The population ratio differs by more, because the single function x_1x_2/‖x‖
 * sees a sample eigenvalue anywhere in its cluster's spread (about (1 ± √(g/n))² λ2, g = d(d+1)/2 − 1).
 *
 * <p><b>Cost.</b> O(n²·m + n³) for K and its spectrum, O(3·steps·n·m) for the runs.
 *
 * @param dimension d ≥ 2
 * @param sampleSize n ≥ (d+1)(d+2)/2
 * @param width m ≥ 1
 * @param learningRate η, finite and &gt; 0
 * @param relativeLoss the level ε of L_t/L_0 that counts as learned, in (0, 1)
 * @param steps the number of steps T of each run, ≥ 1
 * @param seed the random seed (inputs and weights)
 */
public record SimplicityBias(int dimension, int sampleSize, int width, double learningRate, double relativeLoss,
        int steps, long seed) {

    /** The labels of the three targets, in result order. */
    public static final List<String> TARGETS = List.of("|x|", "x1x2/|x|", "mix");

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if an argument is out of its domain
     */
    public SimplicityBias {
        if (dimension < 2) {
            throw new IllegalArgumentException("dimension must be >= 2 (x1x2/|x| needs two coordinates), got "
                    + dimension);
        }
        int k = (dimension + 1) * (dimension + 2) / 2 - 1;
        if (sampleSize < k + 1) {
            throw new IllegalArgumentException("sampleSize must be >= " + (k + 1) + " for dimension " + dimension
                    + ", got " + sampleSize);
        }
        Validate.positive(width, "width");
        Validate.positive(learningRate, "learningRate");
        if (!(relativeLoss > 0 && relativeLoss < 1)) {
            throw new IllegalArgumentException("relativeLoss must be in (0, 1), got " + relativeLoss);
        }
        Validate.positive(steps, "steps");
    }

    /** Runs with all available processors and no progress reports. */
    public SimplicityBiasResult run() {
        return run(Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    /**
     * Runs the experiment.
     *
     * @param threads the number of threads, ≥ 1 (results are identical for every value)
     * @param listener receives ("simplicity bias", done, 3) after each target
     * @return the result
     * @throws NullPointerException if listener is null
     * @throws IllegalArgumentException if threads &lt; 1
     * @throws ArithmeticException if a run diverges (learningRate too large)
     */
    public SimplicityBiasResult run(int threads, ProgressListener listener) {
        Validate.positive(threads, "threads");
        Objects.requireNonNull(listener, "listener");
        int d = dimension;
        int n = sampleSize;
        SplittableRandom root = new SplittableRandom(seed);
        double[][] x = Gaussians.standardNormal(n, d, root.nextLong());
        ReluNetwork random = ReluNetwork.random(d, width, WeightScale.STANDARD, root.nextLong());
        ReluNetwork net = ReluNetwork.of(random.hiddenWeights(), new double[width]);
        OutputLayerDescent model = OutputLayerDescent.of(net, x);
        SampleSpectrum spectrum = SampleSpectrum.of(model.kernel());
        PopulationEigenvalues pop = PopulationEigenvalues.of(d, WeightScale.STANDARD);
        DescentSchedule schedule = DescentSchedule.everyStep(learningRate, steps);

        // orthonormal basis order: F̂0, F̂_1..F̂_d, then F̂_ab with F̂_12 first (MATH.md §3.4)
        double[][] basis = EigenfunctionBasis.orthonormal(d, 1).evaluate(x);
        double[][] y = new double[3][n];
        for (int i = 0; i < n; i++) {
            y[0][i] = basis[i][0];
            y[1][i] = basis[i][1 + d];
            y[2][i] = y[0][i] + y[1][i];
        }
        double[][] popWeights = {{1, 0}, {0, 1}, {0.5, 0.5}};
        double rho0 = Math.abs(1 - learningRate * pop.lambda0());
        double rho2 = Math.abs(1 - learningRate * pop.lambda2());
        double tMax = 1000.0 * steps;

        List<TargetLearning> out = new ArrayList<>(3);
        for (int tg = 0; tg < 3; tg++) {
            OutputLayerTrajectory traj = model.run(y[tg], schedule, null, threads, ProgressListener.NONE);
            double[] observed = traj.losses();
            double[] predicted = spectrum.predictedLosses(traj.initialResidual(), schedule);
            normalise(observed);
            normalise(predicted);
            double w0 = popWeights[tg][0];
            double w2 = popWeights[tg][1];
            DoubleUnaryOperator population = t -> w0 * Math.pow(rho0, 2 * t) + w2 * Math.pow(rho2, 2 * t);
            double[] popCurve = new double[steps + 1];
            for (int t = 0; t <= steps; t++) {
                popCurve[t] = population.applyAsDouble(t);
            }
            DoubleUnaryOperator matched = matchedModel(spectrum, pop, traj.initialResidual());
            out.add(new TargetLearning(TARGETS.get(tg), observed, predicted, popCurve,
                    LossTimes.crossing(observed, relativeLoss), LossTimes.crossing(predicted, relativeLoss),
                    LossTimes.crossing(matched, relativeLoss, tMax),
                    LossTimes.crossing(population, relativeLoss, tMax)));
            listener.progress("simplicity bias", tg + 1, 3);
        }
        return new SimplicityBiasResult(this, pop, out,
                out.get(1).observedTime() / out.get(0).observedTime(),
                out.get(1).predictedTime() / out.get(0).predictedTime(),
                out.get(1).matchedTime() / out.get(0).matchedTime(),
                out.get(1).populationTime() / out.get(0).populationTime(),
                pop.lambda0() / pop.lambda2());
    }

    private static void normalise(double[] curve) {
        double c0 = curve[0];
        for (int t = 0; t < curve.length; t++) {
            curve[t] /= c0;
        }
    }

    /** Σ_c ŵ_c |1 − ηΛ_c|^{2t} over the clusters of degrees 0, 1, 2 and the rest of the spectrum. */
    private DoubleUnaryOperator matchedModel(SampleSpectrum spectrum, PopulationEigenvalues pop, double[] r0) {
        int n = spectrum.size();
        double[] c = spectrum.coefficients(r0);
        double total = 0;
        for (double ci : c) {
            total += ci * ci;
        }
        int[] bounds = {0, pop.clusterStart(1), pop.clusterStart(2), pop.clusterStart(2) + pop.multiplicity(2), n};
        int parts = bounds.length - 1;
        double[] weight = new double[parts];
        double[] rho = new double[parts];
        for (int p = 0; p < parts; p++) {
            double w = 0;
            double wl = 0;
            for (int i = bounds[p]; i < bounds[p + 1]; i++) {
                w += c[i] * c[i];
                wl += c[i] * c[i] * spectrum.eigenvalue(i);
            }
            weight[p] = w / total;
            rho[p] = w > 0 ? Math.abs(1 - learningRate * wl / w) : 0;
        }
        return t -> {
            double s = 0;
            for (int p = 0; p < parts; p++) {
                s += weight[p] * Math.pow(rho[p], 2 * t);
            }
            return s;
        };
    }
}
