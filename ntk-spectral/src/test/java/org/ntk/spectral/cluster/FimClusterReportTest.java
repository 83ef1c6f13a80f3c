package org.ntk.spectral.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.Spectra;

class FimClusterReportTest {

    private static final int M = 2000;

    /**
     * The issue's acceptance criteria at m = 2000, VAR-1/d (FAN_IN), one seeded draw of W per d.
     *
     * <p>Reference values, all from MATH.md (J-scale = (m/d)·λ_k of the VAR-1 kernel, §2.2/§3.6):
     * §9.1 λ0 exact 0.87890625 (d=5), 1.6730121167 (d=10); λ0 papers 0.8753521870, 1.6711269025;
     * λ1 = 1/4; λ2 exact 2.44140625e−2, 1.3826546419e−2; λ2 papers 2.2736420442e−2, 1.3262911924e−2;
     * λ4 3.8147e−4 (mult 55), 8.1814e−5 (mult 660), given to 5 digits; frac(d) 0.98828125, 0.98392912.
     * Tolerances from the issue (1%, 1%, 2% on the cluster means; 0.003 on the trace share; overlaps
     * ≥ 0.99; radial alignment ≥ 0.998), consistent with the finite-m deviations MATH.md §9.2 and §2.3
     * report at m = 3000.
     */
    @ParameterizedTest
    @CsvSource({
        "5, 0.87890625, 0.8753521870, 2.44140625e-2, 2.2736420442e-2, 3.8147e-4, 55, 0.98828125",
        "10, 1.6730121167, 1.6711269025, 1.3826546419e-2, 1.3262911924e-2, 8.1814e-5, 660, 0.98392912"})
    void issueCriteriaAtWidth2000(int d, double lambda0, double lambda0Papers, double lambda2, double lambda2Papers,
            double lambda4, int n4, double frac) {
        ReluNetwork net = ReluNetwork.random(d, M, WeightScale.FAN_IN, 2000 + d);
        DenseKernelMatrix j = FisherInformation.analytic(net);
        Decomposition eig = Spectra.decompose(j);
        FimClusterReport r = FimClusterReport.of(net, WeightScale.FAN_IN, eig);
        double f = (double) M / d;
        int n2 = d * (d + 1) / 2 - 1;

        FimCluster c0 = r.cluster(0);
        FimCluster c1 = r.cluster(1);
        FimCluster c2 = r.cluster(2);
        assertEquals(f * lambda0, c0.exactLimit(), 1e-9 * f);
        assertEquals(f * lambda0Papers, c0.papersValue().orElseThrow(), 1e-9 * f);
        assertEquals(f / 4, c1.exactLimit(), 1e-12 * f);
        assertEquals(f / 4, c1.papersValue().orElseThrow(), 1e-12 * f);
        assertEquals(f * lambda2, c2.exactLimit(), 1e-9 * f * lambda2);
        assertEquals(f * lambda2Papers, c2.papersValue().orElseThrow(), 1e-9 * f * lambda2);

        // positions and multiplicities 1, d, d(d+1)/2 − 1 (MATH.md §2.3), then degree 4 with N(d, 4)
        assertEquals(List.of(0, 1, 2, 4), r.clusters().subList(0, 4).stream().map(FimCluster::degree).toList());
        assertEquals(1, c0.multiplicity());
        assertEquals(d, c1.multiplicity());
        assertEquals(n2, c2.multiplicity());
        assertEquals(0, c0.firstIndex());
        assertEquals(1, c1.firstIndex());
        assertEquals(1 + d, c2.firstIndex());
        assertEquals(1 + d + n2, r.topCount());
        FimCluster c4 = r.cluster(4);
        assertEquals(n4, c4.multiplicity());
        assertEquals(1 + d + n2, c4.firstIndex());
        assertEquals(f * lambda4, c4.exactLimit(), 1e-4 * f * lambda4);
        assertTrue(c4.papersValue().isEmpty() && c4.overlap().isEmpty());

        // the issue's criteria, literally: this draw's means against the exact limits. The means of
        // clusters 1 and 2 scale with the draw's ‖W‖_F², whose relative standard deviation √(2/(md))
        // is 1.4% (d = 5) and 1.0% (d = 10) at m = 2000, so a draw meets 1% only with probability
        // about 1/2 and 2/3; this one does (measured when this comment was written: d = 5 errors
        // −0.13%, −0.23%, −0.55%; d = 10 +0.985%, +0.966%, +0.40%). That the criteria hold for every
        // draw once ‖W‖_F² is accounted for is checked by criteriaHoldForEveryDrawAgainstTheTraceAdjustedLimits.
        assertEquals(0, c0.relativeError(), 0.01, () -> "cluster 1 mean " + c0.mean() + " vs " + c0.exactLimit());
        assertEquals(0, c1.relativeError(), 0.01, () -> "cluster 2 mean " + c1.mean() + " vs " + c1.exactLimit());
        assertEquals(0, c2.relativeError(), 0.02, () -> "cluster 3 mean " + c2.mean() + " vs " + c2.exactLimit());
        assertEquals(frac, r.exactTraceFraction(), 1e-8);
        assertEquals(frac, r.topShare(), 0.003);
        assertEquals(0.5 + 1.5 / Math.PI, r.papersTraceFraction(), 1e-15);
        assertTrue(c1.overlap().orElseThrow().meanSquaredCosine() >= 0.99, c1.overlap()::toString);
        assertTrue(c2.overlap().orElseThrow().meanSquaredCosine() >= 0.99, c2.overlap()::toString);
        assertTrue(r.radialAlignment() >= 0.998, () -> "radial alignment " + r.radialAlignment());
        // MATH.md §2.3: the uniform vector aligns worse than the column norms
        assertTrue(r.uniformAlignment() < r.radialAlignment());
        assertEquals(r.radialAlignment(), c0.overlap().orElseThrow().cosines()[0], 1e-12);
        assertEquals(d, c1.overlap().orElseThrow().count());
        assertEquals(n2, c2.overlap().orElseThrow().count());

        // observed statistics are those of the positions: recomputed here from the decomposition
        double[] lambda = eig.eigenvalues();
        double trace = j.trace();
        for (FimCluster c : r.clusters()) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = c.firstIndex(); i < c.firstIndex() + c.multiplicity(); i++) {
                sum += lambda[i];
                min = Math.min(min, lambda[i]);
                max = Math.max(max, lambda[i]);
            }
            assertEquals(sum / c.multiplicity(), c.mean(), 1e-12 * c.mean());
            assertEquals(min, c.min());
            assertEquals(max, c.max());
            assertEquals(sum / trace, c.traceShare(), 1e-12);
            assertEquals((max - min) / c.mean(), c.relativeSpread(), 1e-12);
        }
        FimCluster last = r.clusters().get(r.clusters().size() - 1);
        assertTrue(last.firstIndex() + last.multiplicity() <= M);

        // traces: tr J = ‖W‖_F²/2 (MATH.md §2.1), computed here from the weights
        double frob = 0;
        for (double[] w : net.hiddenWeights()) {
            for (double x : w) {
                frob += x * x;
            }
        }
        assertEquals(frob / 2, r.trace(), 1e-12 * frob);
        assertEquals(M / 2.0, r.expectedTrace(), 1e-12 * M); // MATH.md §2.1, VAR-1/d
        for (FimCluster c : r.clusters()) {
            assertEquals(c.exactLimit() * frob / M, c.adjustedLimit(), 1e-12 * c.exactLimit());
        }
        // the same tolerances hold against the limits rescaled by the draw's ‖W‖_F² (which removes the
        // fluctuation of relative size √(2/(md)) that dominates clusters 1 and 2)
        assertEquals(0, c0.adjustedRelativeError(), 0.01);
        assertEquals(0, c1.adjustedRelativeError(), 0.01);
        assertEquals(0, c2.adjustedRelativeError(), 0.02);
        assertEquals(c0.traceShare() + c1.traceShare() + c2.traceShare(), r.topShare(), 1e-12);
        assertEquals(1 + d + n2, r.observedTrace().dimension());
        assertEquals(1 + d + n2, r.theoreticalTrace().dimension());
        // Ky Fan: no subspace of dimension p captures more of tr J than the top p eigenvalues
        assertTrue(r.theoreticalTrace().captured() <= r.observedTrace().captured() * (1 + 1e-12));
        assertEquals(r.trace(), r.theoreticalTrace().trace(), 1e-12 * r.trace());
    }

    /**
     * The issue's criteria are not a property of one lucky draw: for three further draws per d (seeds
     * 1, 2, 3, not selected), the cluster means are within 1%, 1% and 2% of the exact limits rescaled
     * by the draw's own tr J / E[tr J] ({@link FimCluster#adjustedLimit}), and the top trace share is
     * within 0.003 of frac(d) (MATH.md §2.4, §9.1 values). Without the rescaling three of these six
     * draws miss 1% for cluster 1 (measured: d = 5 seed 3 +1.8%; d = 10 seeds 2, 3 +1.01%, +1.02%), as
     * the ‖W‖_F² fluctuation √(2/(md)) predicts; with it, the errors measured on ten draws (seeds 3, 5,
     * 7, 8 and 2000 + d for both d) were all below 0.5%.
     */
    @ParameterizedTest
    @CsvSource({"5, 1, 0.98828125", "5, 2, 0.98828125", "5, 3, 0.98828125",
        "10, 1, 0.98392912", "10, 2, 0.98392912", "10, 3, 0.98392912"})
    void criteriaHoldForEveryDrawAgainstTheTraceAdjustedLimits(int d, long seed, double frac) {
        ReluNetwork net = ReluNetwork.random(d, M, WeightScale.FAN_IN, seed);
        FimClusterReport r = FimClusterReport.of(net, WeightScale.FAN_IN, Spectra.decompose(FisherInformation.analytic(net)));
        FimCluster c0 = r.cluster(0);
        FimCluster c1 = r.cluster(1);
        FimCluster c2 = r.cluster(2);
        // the rescaling is the draw's ‖W‖_F²/(m·d·σ²) = tr J/(m/2), computed here from the weights
        double frob = 0;
        for (double[] w : net.hiddenWeights()) {
            for (double x : w) {
                frob += x * x;
            }
        }
        for (FimCluster c : List.of(c0, c1, c2)) {
            assertEquals(c.exactLimit() * frob / M, c.adjustedLimit(), 1e-12 * c.exactLimit());
        }
        assertEquals(0, c0.adjustedRelativeError(), 0.01, () -> "cluster 1 mean " + c0.mean() + " vs " + c0.adjustedLimit());
        assertEquals(0, c1.adjustedRelativeError(), 0.01, () -> "cluster 2 mean " + c1.mean() + " vs " + c1.adjustedLimit());
        assertEquals(0, c2.adjustedRelativeError(), 0.02, () -> "cluster 3 mean " + c2.mean() + " vs " + c2.adjustedLimit());
        assertEquals(frac, r.topShare(), 0.003);
    }

    /**
     * d = 1 in closed form. With a_j = max(w_j, 0) and b_j = max(−w_j, 0), φ(w_j x) = a_j φ(x) + b_j φ(−x)
     * and E[φ(x)²] = 1/2, E[φ(x)φ(−x)] = 0, so J = (a aᵀ + b bᵀ)/2 exactly: rank 2, eigenvalues
     * A/2 and B/2 (A = ‖a‖², B = ‖b‖²), eigenvectors a/‖a‖ and b/‖b‖ (disjoint supports). The column-norm
     * vector |w|/‖w‖ then has cosine √(max(A,B)/(A+B)) with the top eigenvector, and so does the
     * degree-1 theory vector w − (w·û)û (computed by hand: cos = √A/√(A+B) for the b-side when A &gt; B).
     */
    @Test
    void oneDimensionalInputInClosedForm() {
        ReluNetwork net = ReluNetwork.random(1, 60, WeightScale.STANDARD, 5);
        double a2 = 0;
        double b2 = 0;
        for (double[] w : net.hiddenWeights()) {
            if (w[0] > 0) {
                a2 += w[0] * w[0];
            } else {
                b2 += w[0] * w[0];
            }
        }
        double big = Math.max(a2, b2);
        double small = Math.min(a2, b2);
        FimClusterReport r = FimClusterReport.analyze(net, WeightScale.STANDARD);
        assertEquals(List.of(0, 1), r.clusters().stream().map(FimCluster::degree).toList());
        assertEquals(2, r.topCount());
        assertEquals(big / 2, r.cluster(0).mean(), 1e-12 * big);
        assertEquals(small / 2, r.cluster(1).mean(), 1e-12 * big);
        assertEquals(1, r.topShare(), 1e-12);
        assertEquals(1, r.exactTraceFraction(), 1e-15); // MATH.md §2.4: frac(1) = 1
        assertEquals(0, r.theoreticalTrace().residualShare(), 1e-12);
        double cos = Math.sqrt(big / (a2 + b2));
        assertEquals(cos, r.radialAlignment(), 1e-12);
        assertArrayEquals(new double[] {cos}, r.cluster(1).overlap().orElseThrow().cosines(), 1e-12);
        // MATH.md §2.3 (d = 1, VAR-1): exact limits m·d·c_1² = m/4 and m/4, papers' m·3/(4π)
        assertEquals(60 / 4.0, r.cluster(0).exactLimit(), 1e-12);
        assertEquals(30, r.expectedTrace(), 1e-12); // m·d/2 under VAR-1
        assertEquals(r.cluster(1).exactLimit() * (a2 + b2) / 2 / 30, r.cluster(1).adjustedLimit(), 1e-12);
        assertEquals(60 * 3 / (4 * Math.PI), r.cluster(0).papersValue().orElseThrow(), 1e-12);
    }

    /**
     * The same draw in both scales: with d = 4 the FAN_IN weights are exactly half the STANDARD ones
     * (σ = 1/2 is a power of two), so J scales by exactly d = 4; so do the predictions (MATH.md §0, §2.3),
     * and everything relative must agree.
     */
    @Test
    void bothWeightScalesGiveTheSameRelativeReport() {
        FimClusterReport fan = FimClusterReport.analyze(ReluNetwork.random(4, 300, WeightScale.FAN_IN, 9),
                WeightScale.FAN_IN);
        FimClusterReport std = FimClusterReport.analyze(ReluNetwork.random(4, 300, WeightScale.STANDARD, 9),
                WeightScale.STANDARD);
        assertEquals(fan.clusters().size(), std.clusters().size());
        assertEquals(4 * fan.trace(), std.trace(), 1e-12 * std.trace());
        assertEquals(fan.topShare(), std.topShare(), 1e-12);
        assertEquals(fan.radialAlignment(), std.radialAlignment(), 1e-10);
        for (int i = 0; i < fan.clusters().size(); i++) {
            FimCluster a = fan.clusters().get(i);
            FimCluster b = std.clusters().get(i);
            assertEquals(a.degree(), b.degree());
            assertEquals(4 * a.exactLimit(), b.exactLimit(), 1e-12 * b.exactLimit());
            assertEquals(a.relativeError(), b.relativeError(), 1e-10);
            if (a.overlap().isPresent()) {
                assertEquals(a.overlap().get().meanSquaredCosine(), b.overlap().get().meanSquaredCosine(), 1e-9);
            }
        }
    }

    /** A partial decomposition (Spectra.top) gives the clusters that fit, with the full one's values. */
    @Test
    void partialDecompositionReportsTheClustersThatFit() {
        ReluNetwork net = ReluNetwork.random(3, 400, WeightScale.FAN_IN, 21);
        DenseKernelMatrix j = FisherInformation.analytic(net);
        FimClusterReport full = FimClusterReport.of(net, WeightScale.FAN_IN, Spectra.decompose(j), 16, 2);
        // d = 3: multiplicities 1, 3, 5, then N(3, 4) = 9 (MATH.md §9.1), N(3, 6) = 13: 18 fit in 20, 31 do not
        FimClusterReport part = FimClusterReport.of(net, WeightScale.FAN_IN, Spectra.top(j, 20), 16, 1);
        assertEquals(List.of(0, 1, 2, 4), part.clusters().stream().map(FimCluster::degree).toList());
        assertEquals(9, part.cluster(4).multiplicity());
        assertTrue(full.clusters().size() > 4);
        assertEquals(18, full.cluster(6).firstIndex());
        assertEquals(13, full.cluster(6).multiplicity());
        for (FimCluster c : part.clusters()) {
            FimCluster e = full.cluster(c.degree());
            assertEquals(e.mean(), c.mean(), 1e-10 * full.cluster(0).mean());
            assertEquals(e.firstIndex(), c.firstIndex());
        }
        assertEquals(full.topShare(), part.topShare(), 1e-10);
        assertEquals(full.theoreticalTrace().captured(), part.theoreticalTrace().captured(), 1e-10 * full.trace());
        // maxDegree 2: only the three clusters of MATH.md §2.3
        assertEquals(3, FimClusterReport.of(net, WeightScale.FAN_IN, Spectra.top(j, 20), 2, 1).clusters().size());
        // analyze agrees with of on the LAPACK decomposition
        FimClusterReport analyzed = FimClusterReport.analyze(net, WeightScale.FAN_IN, 16, 1);
        assertEquals(full.clusters().size(), analyzed.clusters().size());
        for (int i = 0; i < full.clusters().size(); i++) {
            FimCluster a = full.clusters().get(i);
            FimCluster b = analyzed.clusters().get(i);
            assertEquals(a.degree(), b.degree());
            assertEquals(a.mean(), b.mean(), 1e-12 * full.cluster(0).mean());
            assertEquals(a.exactLimit(), b.exactLimit(), 0.0);
        }
        assertEquals(full.cluster(2).overlap().orElseThrow().meanSquaredCosine(),
                analyzed.cluster(2).overlap().orElseThrow().meanSquaredCosine(), 1e-10);
    }

    private static void assertRejected(Class<? extends RuntimeException> type, String name, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(name), "message names " + name + ": " + e.getMessage());
    }

    @Test
    void rejections() {
        ReluNetwork net = ReluNetwork.random(3, 50, WeightScale.FAN_IN, 1);
        DenseKernelMatrix j = FisherInformation.analytic(net);
        Decomposition eig = Spectra.decompose(j);
        assertRejected(NullPointerException.class, "net", () -> FimClusterReport.of(null, WeightScale.FAN_IN, eig));
        assertRejected(NullPointerException.class, "scale", () -> FimClusterReport.of(net, null, eig));
        assertRejected(NullPointerException.class, "eig", () -> FimClusterReport.of(net, WeightScale.FAN_IN, null));
        assertRejected(NullPointerException.class, "net", () -> FimClusterReport.analyze(null, WeightScale.FAN_IN));
        assertRejected(IllegalArgumentException.class, "maxDegree",
                () -> FimClusterReport.of(net, WeightScale.FAN_IN, eig, 1, 1));
        assertRejected(IllegalArgumentException.class, "threads",
                () -> FimClusterReport.of(net, WeightScale.FAN_IN, eig, 4, 0));
        ReluNetwork wider = ReluNetwork.random(3, 51, WeightScale.FAN_IN, 1);
        assertRejected(IllegalArgumentException.class, "eig has size 50",
                () -> FimClusterReport.of(wider, WeightScale.FAN_IN, eig));
        assertRejected(IllegalArgumentException.class, "eig must hold at least 1 + d + d(d+1)/2 − 1 = 9",
                () -> FimClusterReport.of(net, WeightScale.FAN_IN, Spectra.top(j, 8)));
        ReluNetwork other = ReluNetwork.random(3, 50, WeightScale.FAN_IN, 2);
        assertRejected(IllegalArgumentException.class, "eig must hold eigenpairs",
                () -> FimClusterReport.of(other, WeightScale.FAN_IN, eig));
        assertRejected(IllegalArgumentException.class, "net width m must be >= 1 + d + d(d+1)/2 − 1 = 9",
                () -> FimClusterReport.analyze(ReluNetwork.random(3, 8, WeightScale.FAN_IN, 1), WeightScale.FAN_IN));
        FimClusterReport r = FimClusterReport.of(net, WeightScale.FAN_IN, eig, 2, 1);
        assertRejected(IllegalArgumentException.class, "degree", () -> r.cluster(4));
    }
}
