package org.ntk.spectral.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.sampling.Gaussians;
import org.ntk.core.validation.Validate;

/**
 * An experiment: the decay rate of the output-layer gradient-descent residual along each
 * random-feature eigenfunction, observed and predicted from the spectrum (MATH.md §3.4, §5).
 *
 * <p><b>Procedure.</b> Draw n inputs x_i ~ N(0, I_d) and a network with m STANDARD (N(0, 1)) hidden
 * weights and zero output weights (so f_0 = 0), from {@code seed}. Form K = (1/m)ΦΦᵀ and the spectrum of
 * K/n ({@link SampleSpectrum}). Evaluate the degree-0, 1, 2 eigenfunctions on the sample and
 * orthonormalise them there ({@link SampleDirections#eigenfunctions}). For each direction q (group k):
 * <ol>
 *   <li>run real gradient descent on v ({@link OutputLayerDescent}) with target y = √n·q, so that
 *       r_0 = −√n·q and L_0 = 1/2;</li>
 *   <li>fit the observed rate to ln|q·r_t| over t = 0..T, with T = max(1, ⌈window/ρ_k⌉) and
 *       ρ_k = −ln|1 − ηλ_k| the population rate: the window spans about {@code window} e-folds of
 *       decay (fixed in advance from λ_k, not from the observation);</li>
 *   <li>predict the rate from the finite sample, −ln|1 − ηΛ_q| with Λ_q the overlap-weighted
 *       eigenvalue of K/n within cluster k ({@link SampleSpectrum#matchedEigenvalue}; clusters are the
 *       eigen-index ranges of sizes 1, d, d(d+1)/2 − 1), and from the population, ρ_k.</li>
 * </ol>
 *
 * <p><b>What agrees with what.</b> Along an exact eigenvector of K/n the observed and predicted decay
 * agree to rounding (an identity). An eigenfunction direction is only nearly an eigenvector: at finite
 * n the eigenvalues of a cluster spread by about (1 ± √(g/n))² around λ_k (a Marchenko–Pastur effect
 * of the g functions' sample Gram matrix), and q mixes them; its projection is then a sum of
 * exponentials whose log-slope drifts from the weighted mean Λ_q by about σ²t/2 (σ² the variance of
 * the mixed rates). Over one e-fold the drift stays within a few percent (m = 4000, n = 400–600, d = 5:
 * below 4%), and it grows with the window. Single directions differ from λ_k by up to ±25% at these
 * n; group means are within a few percent of λ_k.
 *
 * <p><b>Cost.</b> O(n·m·d + n²·m) for features and K, O(n³) for the spectrum, and
 * O(Σ_q T_q·n·m) for the runs (about 600 steps for d = 5, η = 1, window 1).
 *
 * @param dimension d ≥ 2
 * @param sampleSize n ≥ (d+1)(d+2)/2
 * @param width m ≥ 1
 * @param learningRate η, finite and &gt; 0 (stability needs η &lt; 2/Λ_max ≈ 2/λ0)
 * @param window the fit window in e-folds of the population decay, finite and &gt; 0
 * @param seed the random seed (inputs and weights)
 */
public record EigenfunctionDecay(int dimension, int sampleSize, int width, double learningRate, double window,
        long seed) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if an argument is out of its domain
     */
    public EigenfunctionDecay {
        if (dimension < 2) {
            throw new IllegalArgumentException("dimension must be >= 2 (for d = 1, λ0 = λ1 = 1/4 and the clusters"
                    + " of ‖x‖ and x coincide), got " + dimension);
        }
        Validate.positive(width, "width");
        int k = (dimension + 1) * (dimension + 2) / 2 - 1;
        if (sampleSize < k + 1) {
            throw new IllegalArgumentException("sampleSize must be >= " + (k + 1) + " (the number of degree ≤ 2"
                    + " eigenfunctions plus one) for dimension " + dimension + ", got " + sampleSize);
        }
        Validate.positive(learningRate, "learningRate");
        Validate.positive(window, "window");
    }

    /** Runs with all available processors and no progress reports. */
    public EigenfunctionDecayResult run() {
        return run(Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    /**
     * Runs the experiment.
     *
     * @param threads the number of threads, ≥ 1 (results are identical for every value)
     * @param listener receives ("eigenfunction decay", done, total) after each direction
     * @return the result
     * @throws NullPointerException if listener is null
     * @throws IllegalArgumentException if threads &lt; 1
     * @throws ArithmeticException if a run diverges (learningRate too large)
     */
    public EigenfunctionDecayResult run(int threads, ProgressListener listener) {
        Validate.positive(threads, "threads");
        java.util.Objects.requireNonNull(listener, "listener");
        int d = dimension;
        int n = sampleSize;
        SplittableRandom root = new SplittableRandom(seed);
        double[][] x = Gaussians.standardNormal(n, d, root.nextLong());
        ReluNetwork random = ReluNetwork.random(d, width, WeightScale.STANDARD, root.nextLong());
        ReluNetwork net = ReluNetwork.of(random.hiddenWeights(), new double[width]);
        OutputLayerDescent model = OutputLayerDescent.of(net, x);
        SampleSpectrum spectrum = SampleSpectrum.of(model.kernel());
        SampleDirections dirs = SampleDirections.eigenfunctions(x);
        PopulationEigenvalues pop = PopulationEigenvalues.of(d, WeightScale.STANDARD);
        int k = dirs.count();
        List<DirectionDecay> out = new ArrayList<>(k);
        double sqrtN = Math.sqrt(n);
        for (int g = 0; g < k; g++) {
            int group = dirs.group(g);
            int from = pop.clusterStart(group);
            int to = from + pop.multiplicity(group);
            double[] q = dirs.vector(g);
            double overlap = spectrum.overlap(q, from, to);
            double matched = spectrum.matchedEigenvalue(q, from, to);
            double popRate = DecayRates.discrete(pop.eigenvalue(group), learningRate);
            int steps = (int) Math.max(1, Math.ceil(window / popRate));
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = sqrtN * q[i];
            }
            DescentSchedule schedule = DescentSchedule.everyStep(learningRate, steps);
            OutputLayerTrajectory traj = model.run(y, schedule, dirs, threads, ProgressListener.NONE);
            double observed = DecayRates.fitted(schedule.recordedSteps(), traj.projection(g));
            out.add(new DirectionDecay(dirs.label(g), group, steps, overlap, matched, observed,
                    DecayRates.discrete(matched, learningRate), popRate));
            listener.progress("eigenfunction decay", g + 1, k);
        }
        List<GroupDecay> groups = new ArrayList<>();
        for (int group = 0; group <= 2; group++) {
            int from = pop.clusterStart(group);
            int size = pop.multiplicity(group);
            double obs = 0;
            double smp = 0;
            for (DirectionDecay dd : out) {
                if (dd.group() == group) {
                    obs += dd.observedRate();
                    smp += dd.sampleRate();
                }
            }
            double mean = 0;
            for (int i = from; i < from + size; i++) {
                mean += spectrum.eigenvalue(i);
            }
            mean /= size;
            groups.add(new GroupDecay(group, size, obs / size, smp / size, mean,
                    DecayRates.discrete(mean, learningRate), pop.eigenvalue(group),
                    DecayRates.discrete(pop.eigenvalue(group), learningRate)));
        }
        double[] leading = new double[Math.min(n, k + 1)];
        for (int i = 0; i < leading.length; i++) {
            leading[i] = spectrum.eigenvalue(i);
        }
        return new EigenfunctionDecayResult(this, pop, leading, out, groups);
    }
}
