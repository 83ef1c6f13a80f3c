package org.ntk.spectral.trace;

import java.util.Objects;
import java.util.SplittableRandom;

import org.ntk.core.kernel.KernelMatrix;

/**
 * Hutchinson's estimator with Rademacher probes: the mean of zᵀ K z over m independent vectors z of
 * independent ±1 entries.
 *
 * <p>Formula: t̂ = (1/m) Σ_{j=1}^{m} z_jᵀ K z_j, with E[t̂] = tr K and
 * Var[z ᵀK z] = 2 Σ_{i≠j} K_ij² ≤ 2‖K‖_F², so the relative error falls like 1/√m. The standard-error
 * estimate is the sample standard deviation of the m terms (divisor m − 1) over √m.
 *
 * <p>Budget: all m = budget products are used, as probe blocks of at most {@value #BLOCK} columns
 * (memory O(n·{@value #BLOCK})). Cost: m matvecs plus O(n m). Probe entries are drawn from
 * {@link SplittableRandom}(seed), probe by probe, so the result does not depend on the block size.
 * Stateless and thread-safe.
 *
 * <p>Reference: M. F. Hutchinson, "A stochastic estimator of the trace of the influence matrix for
 * Laplacian smoothing splines", Comm. Statist. Simulation Comput. 18 (1989).
 */
public final class HutchinsonEstimator implements TraceEstimator {

    /** The number of probes multiplied in one block product. */
    static final int BLOCK = 32;

    /** A Hutchinson estimator (stateless). */
    public HutchinsonEstimator() {
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses exactly {@code budget} products; budget ≥ 2 (two samples give a standard error).
     */
    @Override
    public TraceEstimate estimate(KernelMatrix k, int budget, long seed) {
        Objects.requireNonNull(k, "k");
        Estimators.checkBudget(budget, minimumBudget());
        int n = k.size();
        SplittableRandom random = new SplittableRandom(seed);
        double[] samples = new double[budget];
        for (int start = 0; start < budget; start += BLOCK) {
            int c = Math.min(BLOCK, budget - start);
            double[] z = Blocks.rademacher(random, n, c);
            double[] kz = Blocks.multiply(k, z, c);
            double[] d = Blocks.columnDots(z, kz, n, c);
            System.arraycopy(d, 0, samples, start, c);
        }
        double[] ms = Blocks.meanAndStandardError(samples);
        return Estimators.result(ms[0], ms[1], budget, seed);
    }

    /** Returns 2. */
    @Override
    public int minimumBudget() {
        return 2;
    }

    @Override
    public String toString() {
        return "Hutchinson";
    }
}
