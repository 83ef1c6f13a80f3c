package org.ntk.spectral.density;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.parallel.ParallelTasks;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.sampling.Gaussians;
import org.ntk.core.validation.Validate;

/**
 * Stochastic Lanczos quadrature (SLQ): an estimate of the spectral distribution of a symmetric matrix
 * that uses only matrix–vector products (Golub–Meurant; Ubaru, Chen and Saad 2017; Ghorbani, Krishnan
 * and Xiao 2019).
 *
 * <p>For each of P probes v (Rademacher or Gaussian, seeded), m steps of Lanczos from q = v/‖v‖ with
 * full reorthogonalisation (classical Gram–Schmidt, applied twice) give a Jacobi matrix T_m; its
 * eigenvalues τ_k and squared first eigenvector components w_k form the Gauss quadrature rule with
 * Σ_k w_k τ_k^j = qᵀ K^j q for every j ≤ 2m − 1. The average over probes of these measures estimates
 * (1/n) Σ_i δ_{λ_i}; its moments are unbiased for tr(K^j)/n (exact for j ≤ 2m − 1 per probe, Monte
 * Carlo error over probes). Lanczos stops early when the Krylov space becomes invariant (off-diagonal
 * below 1e−12 times the running norm estimate), and never takes more than n steps; the rule is then
 * exact for every polynomial.
 *
 * <p>Probe p draws its vector from its own generator, seeded by the p-th {@code nextLong()} of a
 * {@link SplittableRandom} seeded with {@code seed}; probes are distributed over threads in fixed
 * contiguous blocks, so the result is bitwise identical for every thread count.
 *
 * <p>Cost: P·m products with K plus O(P m² n) for reorthogonalisation; memory m·n doubles per thread.
 * Thread-safe (stateless); K's {@code multiply} must be thread-safe when threads &gt; 1 (every
 * {@link KernelMatrix} is).
 */
public final class StochasticLanczosQuadrature {

    /** Relative size of the Lanczos off-diagonal below which the Krylov space is taken as invariant. */
    static final double BREAKDOWN = 1e-12;

    private StochasticLanczosQuadrature() {
    }

    /**
     * Runs SLQ on one thread without progress reports.
     *
     * @see #estimate(KernelMatrix, int, int, ProbeDistribution, long, int, ProgressListener)
     */
    public static SlqEstimate estimate(KernelMatrix k, int probes, int steps, ProbeDistribution distribution,
            long seed) {
        return estimate(k, probes, steps, distribution, seed, 1, ProgressListener.NONE);
    }

    /**
     * Runs SLQ.
     *
     * @param k the symmetric matrix; only {@code multiply} and {@code size} are used. Not modified.
     * @param probes P, the number of probe vectors, ≥ 1
     * @param steps m, the Lanczos steps per probe, ≥ 1 (capped at n)
     * @param distribution the law of the probe entries
     * @param seed the random seed
     * @param threads the number of threads over which probes are spread, ≥ 1
     * @param listener receives ("slq", probes done, P) after each probe, possibly from worker threads
     * @return one quadrature measure per probe
     * @throws IllegalArgumentException if probes, steps or threads &lt; 1, or the Lanczos bases (m·n
     *     doubles per thread) do not fit in the heap
     * @throws ArithmeticException if a tridiagonal eigenproblem does not converge (not seen on finite
     *     input) or K produces non-finite values
     */
    public static SlqEstimate estimate(KernelMatrix k, int probes, int steps, ProbeDistribution distribution,
            long seed, int threads, ProgressListener listener) {
        Objects.requireNonNull(k, "k");
        Validate.positive(probes, "probes");
        Validate.positive(steps, "steps");
        Objects.requireNonNull(distribution, "distribution");
        Validate.positive(threads, "threads");
        Objects.requireNonNull(listener, "listener");
        int n = k.size();
        int m = Math.min(steps, n);
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[probes];
        for (int p = 0; p < probes; p++) {
            seeds[p] = master.nextLong();
        }
        DiscreteSpectralMeasure[] out = new DiscreteSpectralMeasure[probes];
        AtomicLong done = new AtomicLong();
        int workers = Math.min(threads, probes);
        Validate.heapFits((long) (m + 3) * n * workers, "SLQ Lanczos bases of " + m + " vectors of length " + n
                + " on " + workers + " threads", "use fewer steps or threads");
        // One task per probe (its own seed, its own output slot), per-thread Lanczos scratch: the
        // result does not depend on which thread runs which probe.
        ParallelTasks.run(probes, workers, () -> {
            double[][] basis = new double[m][];
            double[] w = new double[n];
            return (IntConsumer) p -> {
                out[p] = lanczos(k, probe(n, distribution, seeds[p]), m, basis, w);
                listener.progress("slq", done.incrementAndGet(), probes);
            };
        });
        return new SlqEstimate(n, Arrays.asList(out));
    }

    private static double[] probe(int n, ProbeDistribution distribution, long seed) {
        double[] v = new double[n];
        if (distribution == ProbeDistribution.RADEMACHER) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                v[i] = r.nextBoolean() ? 1.0 : -1.0;
            }
        } else {
            Gaussians g = new Gaussians(seed);
            for (int i = 0; i < n; i++) {
                v[i] = g.next();
            }
        }
        return v;
    }

    /** m-step Lanczos from v with full reorthogonalisation; basis and w are scratch of size m and n. */
    static DiscreteSpectralMeasure lanczos(KernelMatrix k, double[] v, int m, double[][] basis, double[] w) {
        int n = v.length;
        double[] q = v.clone();
        double norm = Math.sqrt(dot(q, q));
        scale(q, 1 / norm);
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double anorm = 0;
        int steps = 0;
        for (int j = 0; j < m; j++) {
            basis[j] = q;
            k.multiply(q, w);
            double a = dot(q, w);
            axpy(-a, q, w);
            if (j > 0) {
                axpy(-beta[j - 1], basis[j - 1], w);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = dot(basis[i], w);
                    axpy(-c, basis[i], w);
                }
            }
            alpha[j] = a;
            steps = j + 1;
            if (!Double.isFinite(a)) {
                throw new ArithmeticException("Lanczos produced a non-finite value at step " + j
                        + "; the matrix has non-finite entries or overflows");
            }
            if (j == m - 1) {
                break;
            }
            double b = Math.sqrt(dot(w, w));
            anorm = Math.max(anorm, Math.abs(a) + b + (j > 0 ? beta[j - 1] : 0));
            if (b <= BREAKDOWN * anorm) {
                break;
            }
            beta[j] = b;
            q = new double[n];
            for (int i = 0; i < n; i++) {
                q[i] = w[i] / b;
            }
        }
        double[][] rule = GaussQuadrature.rule(Arrays.copyOf(alpha, steps), Arrays.copyOf(beta, steps - 1));
        return new DiscreteSpectralMeasure(rule[0], rule[1]);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += c * x[i];
        }
    }

    private static void scale(double[] x, double c) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= c;
        }
    }
}
