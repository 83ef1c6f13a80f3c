package org.ntk.bench.examples;

import java.util.Locale;

import org.ntk.core.network.DeepReluNetwork;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.bounds.BoundLink;
import org.ntk.spectral.bounds.FiniteWidthComparison;
import org.ntk.spectral.bounds.SmallestEigenvalueBounds;

/**
 * The smallest eigenvalue of a deep ReLU NTK Gram matrix and the Nguyen–Mondelli–Montúfar bound chain,
 * every link evaluated on the data (MATH.md §6.3): Hermite/Gershgorin ≤ λ_min(G^(2)) ≤ Σ_l λ_min(G^(l))
 * ≤ λ_min(K^(L)) ≤ tr K^(L)/n; and one finite-width network's scaled empirical NTK against its limit.
 */
public final class SmallestEigenvalue {

    /** The bound chain on Gaussian data, and the finite-width comparison. */
    public record Result(SmallestEigenvalueBounds bounds, FiniteWidthComparison finiteWidth) {
    }

    private SmallestEigenvalue() {
    }

    /** The chain for n = 100 points in d = 500, L = 3, r = 4, 6; the comparison for 40 points in d = 10, widths 2000. */
    public static Result run(long seed) {
        double[][] x = Gaussians.standardNormal(100, 500, seed);
        SmallestEigenvalueBounds bounds = SmallestEigenvalueBounds.of(x, 3, 4, 6);
        DeepReluNetwork net = DeepReluNetwork.random(10, new int[] {2000, 2000}, seed);   // N(0, 1) weights
        FiniteWidthComparison fw = FiniteWidthComparison.of(net, Gaussians.standardNormal(40, 10, seed + 1));
        return new Result(bounds, fw);
    }

    /** The result as text. */
    public static String describe(Result r) {
        SmallestEigenvalueBounds b = r.bounds();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "L = %d, n = %d: λ_min(K^(L)) = %.2f, Σ_l λ_min(G^(l)) = %.2f, trace bound %.2f, all links hold: %b%n",
                b.layers(), b.size(), b.lambdaMin(), b.schurBound(), b.traceBound(), b.holds()));
        for (BoundLink link : b.links()) {
            sb.append(String.format(Locale.ROOT, "  %-15s %12.4f ≤ %12.4f   %s%n", link.name(), link.lower(),
                    link.upper(), link.statement()));
        }
        FiniteWidthComparison f = r.finiteWidth();
        sb.append(String.format(Locale.ROOT, "finite width (L = %d): λ_min scaled empirical %.4f vs limit %.4f,"
                + " relative Frobenius error %.4f%n", f.layers(), f.empiricalLambdaMin(), f.limitLambdaMin(),
                f.frobeniusRelativeError()));
        return sb.toString();
    }

    /** Prints the example for seed 1. */
    public static void main(String[] args) {
        System.out.print(describe(run(1)));
    }
}
