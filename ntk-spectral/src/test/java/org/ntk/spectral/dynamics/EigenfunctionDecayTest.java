package org.ntk.spectral.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ntk.spectral.dynamics.OutputLayerDescentTest.rejects;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ntk.core.progress.ProgressListener;

/**
 * The criterion: with m = 4000 STANDARD hidden units, n = 500 Gaussian inputs in d = 5, the
 * observed decay rate of the output-layer GD residual along each eigenfunction direction (F0 = ‖x‖,
 * F_l = x_l, F_ab = x_a x_b/‖x‖ and the Helmert functions, orthonormalised on the sample) agrees
 * within 5% with the rate predicted from the finite-sample eigenvalues of K/n.
 */
class EigenfunctionDecayTest {

    private static final int D = 5;
    private static final int N = 500;
    private static final int M = 4000;
    private static final double ETA = 1.0;

    /** The experiment of the criterion, run once for the tests that inspect it (about 3 s). */
    private static EigenfunctionDecayResult result;

    @BeforeAll
    static void runExperiment() {
        result = new EigenfunctionDecay(D, N, M, ETA, 1.0, 1).run();
    }

    /** The eigenvalue whose discrete rate −ln(1 − ηΛ) equals the given rate (0 &lt; ηΛ &lt; 1). */
    private static double eigenvalueOf(double rate) {
        return (1 - Math.exp(-rate)) / ETA;
    }

    @Test
    void observedRatesAgreeWithTheSampleSpectrumWithinFivePercent() {
        EigenfunctionDecayResult r = result;
        List<DirectionDecay> dirs = r.directions();
        assertEquals(1 + D + D * (D + 1) / 2 - 1, dirs.size());
        for (DirectionDecay dd : dirs) {
            // the criterion (measured: at most 2.9% for this seed, 3.2% for seed 2)
            assertEquals(0, dd.sampleRelativeError(), 0.05, dd.toString());
            // the directions lie in their clusters (MATH.md §2.3: subspace overlaps ≥ 0.99)
            assertTrue(dd.overlap() > 0.99, dd.toString());
            // the discrete rate is −ln(1 − ηΛ) of the matched eigenvalue (closed form)
            assertEquals(-Math.log(1 - ETA * dd.matchedEigenvalue()), dd.sampleRate(), 1e-12);
            // population: a single direction's sample eigenvalue lies in its cluster's spread around
            // λ_k, about (1 ± √(g/n))² for a cluster of g (Marchenko–Pastur edges of the g functions'
            // sample Gram matrix); we allow that band widened by 10%
            double ratio = dd.matchedEigenvalue() / r.population().eigenvalue(dd.group());
            double s = Math.sqrt(r.population().multiplicity(dd.group()) / (double) N);
            assertTrue(ratio > 0.9 * (1 - s) * (1 - s) && ratio < 1.1 * (1 + s) * (1 + s), dd + " ratio " + ratio);
        }
        // leading eigenvalues: three clusters of sizes 1, 5, 14, then a gap (degree 4: λ4 ≈ 3.8e-4)
        double[] lead = r.leadingEigenvalues();
        assertEquals(21, lead.length);
        assertTrue(lead[0] > 2 * lead[1] && lead[5] > 3 * lead[6] && lead[19] > 10 * lead[20],
                java.util.Arrays.toString(lead));
    }

    @Test
    void groupMeansAgreeWithTheMercerEigenvalues() {
        EigenfunctionDecayResult r = result;
        assertEquals(3, r.groups().size());
        // The cluster mean of K/n estimates λ_k up to the sample fluctuation of the functions' second
        // moments: Σ_h F̂_h(x)² over an orthonormal basis of degree k is (g/d)‖x‖² (addition theorem),
        // so each cluster mean carries the relative error of mean(‖x‖²)/d, standard error
        // √(Var‖x‖²)/(d√n) = √(2/(dn)); plus the finite-width error of Θ_m, O(m^{-1/2}).
        double tol = 4 * Math.sqrt(2.0 / (D * N)) + 2 / Math.sqrt(M);
        for (GroupDecay g : r.groups()) {
            double lambda = r.population().eigenvalue(g.group());
            assertEquals(lambda, g.populationEigenvalue(), 0.0);
            assertEquals(1, g.clusterMeanEigenvalue() / lambda, tol, g.toString());
            assertEquals(1, eigenvalueOf(g.meanObservedRate()) / lambda, tol, g.toString());
            // observed vs the cluster mean of the sample spectrum: the 5% criterion per group
            assertEquals(0, g.meanObservedRate() / g.clusterRate() - 1, 0.05, g.toString());
        }
    }

    @Test
    void reproducibleAndThreadIndependent() {
        EigenfunctionDecay e = new EigenfunctionDecay(3, 60, 200, 1.0, 1.0, 7);
        long[] reports = new long[1];
        EigenfunctionDecayResult a = e.run(1, (task, done, total) -> reports[0]++);
        EigenfunctionDecayResult b = e.run(2, ProgressListener.NONE);
        assertEquals(a.directions(), b.directions());
        assertEquals(a.groups(), b.groups());
        assertEquals(9, reports[0], "one report per direction (1 + 3 + 5)");
        EigenfunctionDecayResult c = new EigenfunctionDecay(3, 60, 200, 1.0, 1.0, 8).run(1, ProgressListener.NONE);
        assertTrue(!a.directions().equals(c.directions()), "another seed gives another sample");
    }

    @Test
    void rejectsBadArguments() {
        rejects(IllegalArgumentException.class, "dimension", () -> new EigenfunctionDecay(1, 100, 10, 1, 1, 1));
        rejects(IllegalArgumentException.class, "sampleSize", () -> new EigenfunctionDecay(5, 20, 10, 1, 1, 1));
        rejects(IllegalArgumentException.class, "width", () -> new EigenfunctionDecay(2, 100, 0, 1, 1, 1));
        rejects(IllegalArgumentException.class, "learningRate",
                () -> new EigenfunctionDecay(2, 100, 10, Double.NaN, 1, 1));
        rejects(IllegalArgumentException.class, "window", () -> new EigenfunctionDecay(2, 100, 10, 1, 0, 1));
        EigenfunctionDecay e = new EigenfunctionDecay(2, 10, 10, 1, 1, 1);
        rejects(IllegalArgumentException.class, "threads", () -> e.run(0, ProgressListener.NONE));
        rejects(NullPointerException.class, "listener", () -> e.run(1, null));
        assertThrows(IllegalArgumentException.class, () -> new DirectionDecay("a", -1, 1, 1, 1, 1, 1, 1));
    }
}
