package org.ntk.bench.examples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.trace.HutchPlusPlusEstimator;
import org.ntk.spectral.trace.HutchinsonEstimator;
import org.ntk.spectral.trace.TraceEstimate;
import org.ntk.spectral.trace.TraceEstimator;
import org.ntk.spectral.trace.XTraceEstimator;

/**
 * Stochastic trace estimation of a matrix known only through products K V: Hutchinson against Hutch++
 * and XTrace with the same budget, on a matrix-free arc-cosine Gram matrix whose exact trace is
 * Σ_i ‖x_i‖²/2 (arccos1 has h(1) = 1/2, MATH.md §1).
 */
public final class TraceEstimates {

    /** The exact trace and one estimate per estimator (by name). */
    public record Result(double exact, Map<String, TraceEstimate> estimates) {
        /** Copies the map (insertion order kept). */
        public Result {
            estimates = Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
        }
    }

    private TraceEstimates() {
    }

    /** Estimates the trace of the Gram matrix of n Gaussian points in R^d with the given budget of products. */
    public static Result run(int n, int d, int budget, long seed) {
        KernelMatrix k = ImplicitKernelMatrix.of(Kernels.arcCosine(1), Gaussians.standardNormal(n, d, seed));
        Map<String, TraceEstimate> estimates = new LinkedHashMap<>();
        TraceEstimator[] estimators = {new HutchinsonEstimator(), new HutchPlusPlusEstimator(), new XTraceEstimator()};
        for (TraceEstimator e : estimators) {
            estimates.put(e.toString(), e.estimate(k, budget, seed));   // only k.multiply is used
        }
        return new Result(k.trace(), estimates);
    }

    /** Prints the estimates for n = 2000, d = 10 and a budget of 60 products. */
    public static void main(String[] args) {
        Result r = run(2000, 10, 60, 1);
        System.out.printf(Locale.ROOT, "exact trace %.3f%n", r.exact());
        r.estimates().forEach((name, t) -> System.out.printf(Locale.ROOT,
                "%-12s %.3f ± %.3f (error %+.3f, %d products)%n", name, t.estimate(), t.standardError(),
                t.estimate() - r.exact(), t.matvecs()));
    }
}
