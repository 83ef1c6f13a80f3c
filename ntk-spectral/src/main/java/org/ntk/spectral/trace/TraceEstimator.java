package org.ntk.spectral.trace;

import org.ntk.core.kernel.KernelMatrix;

/**
 * A randomized estimator of the trace of a symmetric positive-semidefinite matrix known only through
 * its products K V.
 *
 * <p>Implementations touch the matrix only through the block product
 * {@link KernelMatrix#multiply(double[], double[], int)} (never {@code get}, {@code trace} or
 * {@code toArray}), so they work unchanged on matrix-free operators; the cost is counted in
 * matrix–vector products ("matvecs", one per column of a block) and reported in
 * {@link TraceEstimate#matvecs()}. Every estimator is unbiased, E[estimate] = tr(K), and reports an
 * estimate of its own standard error.
 *
 * <p>Randomness comes only from {@code seed}: the same matrix, budget and seed give a bitwise
 * identical {@link TraceEstimate}. Implementations are stateless and thread-safe (if the matrix is).
 *
 * <p>Implementations: {@link HutchinsonEstimator} (error ∝ ‖K‖_F / √m),
 * {@link HutchPlusPlusEstimator} and {@link XTraceEstimator} (low-rank deflation; error ∝ 1/m on
 * matrices with a decaying spectrum, such as kernel and Fisher information matrices).
 */
public interface TraceEstimator {

    /**
     * Estimates tr(K) with at most {@code budget} matrix–vector products.
     *
     * @param k the matrix, n ≥ 1. Only {@code size()} and the block {@code multiply} are called.
     * @param budget the largest number of matrix–vector products to spend, ≥ {@link #minimumBudget()}
     * @param seed the seed of the random probes
     * @return the estimate, its standard error, the products used and the seed
     * @throws NullPointerException if k is null
     * @throws IllegalArgumentException if budget &lt; {@link #minimumBudget()}, or a product was not
     *     finite
     */
    TraceEstimate estimate(KernelMatrix k, int budget, long seed);

    /** The smallest budget this estimator accepts (enough for an error estimate). */
    int minimumBudget();
}
