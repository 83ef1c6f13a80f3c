package org.ntk.bench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.bounds.SmallestEigenvalueBounds;
import org.ntk.spectral.cluster.FimCluster;
import org.ntk.spectral.cluster.FimClusterReport;
import org.ntk.spectral.dynamics.SimplicityBiasResult;
import org.ntk.spectral.trace.TraceEstimate;

/**
 * Runs the logic of every example with the parameters its {@code main} uses and checks the numbers
 * it prints against closed forms, independent computations and MATH.md's tables. The examples' own
 * methods must not print: System.out and System.err are captured and must stay empty.
 */
class ExamplesTest {

    @TempDir
    Path dir;

    private PrintStream savedOut;
    private PrintStream savedErr;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void captureOutput() {
        savedOut = System.out;
        savedErr = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    @AfterEach
    void nothingPrinted() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "an example's logic printed");
    }

    @Test
    void firstSpectrum() {
        FirstSpectrum.Result r = FirstSpectrum.run(10, 2000, 1);
        // independent: trace J = ‖W‖_F²/2 (MATH.md §2.1), from the same seeded network
        double[][] w = ReluNetwork.random(10, 2000, WeightScale.FAN_IN, 1).hiddenWeights();
        assertEquals(0.5 * sumOfSquares(w), r.trace(), 1e-12 * r.trace());
        // trace = Σλ (to rounding of m eigenvalues)
        assertEquals(r.trace(), r.eigenvalueSum(), 1e-10 * r.trace());
        // closed forms: m·d·c_d² with d c_d² = 0.1673012117 (MATH.md §9.2), papers m(2d+1)/(4πd) = 2000·21/(40π)
        assertEquals(2000 * 0.16730121167, r.exactLimit(), 1e-7);
        assertEquals(2000 * 21 / (40 * Math.PI), r.papersValue(), 1e-10);
        // finite m: within 1% of the trace-adjusted limit (design-notes: ≤ 0.32% over 12 draws at m = 2000)
        assertEquals(1, r.lambda1() / r.adjustedLimit(), 0.01, "λ1 " + r.lambda1());
        assertTrue(r.maxResidual() < 1e-9 * r.lambda1(), "residual " + r.maxResidual());
    }

    @Test
    void kernelGram() {
        KernelGram.Result r = KernelGram.run(1000, 5, 6, 1);
        // independent: arccos1 has h(1) = 1/2, so trace K = Σ‖x_i‖²/2 (MATH.md §1)
        assertEquals(0.5 * sumOfSquares(Gaussians.standardNormal(1000, 5, 1)), r.trace(), 1e-12 * r.trace());
        // cross and value use the same arithmetic (HomogeneousKernel Javadoc): bitwise equal
        assertEquals(r.valueEntry(), r.crossEntry(), 0.0);
        // MATH.md §6.2 table: K^(3)(u = 0.5) = 1.3514795611
        assertEquals(1.3514795611, r.deepNtkAtHalf(), 1e-10);
        // Lanczos residuals ≤ 1e-10·λ_max bound the eigenvalue errors (symmetric matrix)
        for (int i = 0; i < 6; i++) {
            assertEquals(r.topDense()[i], r.topImplicit()[i], 1e-10 * r.topDense()[0], "eigenvalue " + i);
        }
        // finite-n estimate of λ0 = 225/256 (MATH.md §3.4 Nyström check: 2.5% low at n = 3000; measured here 1.0%)
        assertEquals(225.0 / 256, r.topDense()[0], 0.05 * 225 / 256);
    }

    @Test
    void mercerTable() {
        List<MercerTable.Row> rows = MercerTable.rows(MercerTable.DIMENSIONS);
        assertEquals(6, rows.size());
        // closed forms, MATH.md §3.4: λ0 = d²c_d², λ2 = λ0/(d+1)²; d = 2: 4/π², 4/(9π²); d = 3: 9/16, 9/256; d = 5
        MercerTable.Row d2 = rows.get(0);
        assertEquals(4 / (Math.PI * Math.PI), d2.lambda0(), 1e-15);
        assertEquals(4 / (9 * Math.PI * Math.PI), d2.lambda2(), 1e-15);
        MercerTable.Row d3 = rows.get(1);
        assertEquals(9.0 / 16, d3.lambda0(), 1e-15);
        assertEquals(9.0 / 256, d3.lambda2(), 1e-16);
        MercerTable.Row d5 = rows.get(2);
        assertEquals(225.0 / 256, d5.lambda0(), 1e-15);
        assertEquals(25.0 / 1024, d5.lambda2(), 1e-16);
        // d = 1000: λ0 = 159.2345404478558 (mpmath, design-notes), λ2 = 1.5891654843e-4 (MATH.md §9.1)
        MercerTable.Row d1000 = rows.get(5);
        assertEquals(159.2345404478558, d1000.lambda0(), 1e-12);
        assertEquals(1.5891654843e-4, d1000.lambda2(), 1e-14);
        // frac(d) from MATH.md §2.4 (8 digits) and the both-layers shares from §3.5 (5 digits)
        double[] frac = {0.99534801, 0.9921875, 0.98828125, 0.98392912, 0.97824304, 0.97754423};
        double[] ntk2 = {0.96157, 0.94531, 0.92969, 0.91549, 0.89985};
        for (int i = 0; i < rows.size(); i++) {
            MercerTable.Row r = rows.get(i);
            int d = r.d();
            assertEquals(0.25, r.lambda1(), 1e-15);
            assertEquals(0.25, r.papers1(), 0.0);
            assertEquals((2.0 * d + 1) / (4 * Math.PI), r.papers0(), 1e-14 * d);
            assertEquals(1 / (2 * Math.PI * (d + 2)), r.papers2(), 1e-17);
            assertEquals((long) d * (d + 1) / 2 - 1, r.multiplicity2());
            assertEquals(1 - frac[i], r.residualShare(), 6e-9, "d = " + d);
            assertEquals(r.residualFromFrac(), r.residualShare(), 1e-12, "d = " + d);
            assertTrue(r.residualShare() < 0.5 - 1.5 / Math.PI, "d = " + d);
            if (i < ntk2.length) {
                assertEquals(ntk2[i], r.ntk2Captured(), 6e-6, "d = " + d);
            } else {
                // between the d = 100 value and the limit 1/(2π) + 1/2 + 3/(4π) = 0.89789 (MATH.md §3.5)
                assertTrue(r.ntk2Captured() < ntk2[4] && r.ntk2Captured() > 0.5 + 1.25 / Math.PI);
            }
        }
        String table = MercerTable.table(rows);
        assertEquals(2 + 6, table.lines().count());
        assertTrue(table.contains("| 3 | 0.5625000000 |"), table);
    }

    @Test
    void fimClusters() {
        FimClusterReport r = FimClusters.run(5, 2000, 1);
        double[][] w = ReluNetwork.random(5, 2000, WeightScale.FAN_IN, 1).hiddenWeights();
        assertEquals(0.5 * sumOfSquares(w), r.trace(), 1e-12 * r.trace());
        // sizes 1, d, d(d+1)/2 − 1 and N(5, 4) = 55 (MATH.md §9.1)
        int[] sizes = {1, 5, 14, 55};
        // exact limits (MATH.md §2.3, c_5 = 3/16): m d c_d² = 351.5625, m/(4d) = 100, λ0·/(d+1)² = 9.765625
        double[] limits = {351.5625, 100, 351.5625 / 36};
        List<FimCluster> clusters = r.clusters();
        assertEquals(4, clusters.size());
        for (int k = 0; k < 4; k++) {
            FimCluster c = clusters.get(k);
            assertEquals(sizes[k], c.multiplicity());
            if (k < 3) {
                assertEquals(limits[k], c.exactLimit(), 1e-10 * limits[k]);
                // design-notes: trace-adjusted errors ≤ 0.47% over 12 draws (m = 2000, d = 5, 10)
                assertEquals(0, c.adjustedRelativeError(), 0.01, "degree " + k);
                // design-notes: overlaps ≥ 0.9996 (degree 1), ≥ 0.9999 (degree 2) at m = 2000
                assertTrue(c.overlap().orElseThrow().minCosine() > 0.999, "degree " + k);
            }
        }
        assertEquals(2000 / (2 * Math.PI * 5 * 7), clusters.get(2).papersValue().getAsDouble(), 1e-12);
        // MATH.md §9.2: the top-19 share is within 0.002 of frac(5) = 0.98828125
        assertEquals(20, r.topCount());
        assertEquals(0.98828125, r.topShare(), 0.002);
        // MATH.md §10.5: the column norms beat the uniform vector, overlap > 0.998
        assertTrue(r.radialAlignment() > 0.998 && r.radialAlignment() > r.uniformAlignment());
        assertTrue(FimClusters.describe(r).contains("degree 2:   14 eigenvalues"));
    }

    @Test
    void npyInterop() {
        NpyInterop.Result r = NpyInterop.run(dir);
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().startsWith("wrote "), r.stdout());
        assertEquals(200, r.rows());
        assertEquals(200, r.cols());
        assertEquals("<f8", r.dtype());
        // the CLI and the library assemble the same matrix; entries are O(1)
        assertTrue(r.maxDifference() <= 1e-13, "difference " + r.maxDifference());
    }

    @Test
    void traceEstimates() {
        TraceEstimates.Result r = TraceEstimates.run(2000, 10, 60, 1);
        assertEquals(0.5 * sumOfSquares(Gaussians.standardNormal(2000, 10, 1)), r.exact(), 1e-12 * r.exact());
        assertEquals(List.of("Hutchinson", "Hutch++", "XTrace"), List.copyOf(r.estimates().keySet()));
        for (TraceEstimate t : r.estimates().values()) {
            // unbiased estimators: within 5 of their own standard errors (60 products each)
            assertEquals(r.exact(), t.estimate(), 5 * t.standardError(), t.toString());
            assertTrue(t.matvecs() <= 60);
        }
        // deflation pays on a decaying spectrum (TraceEstimator Javadoc): Hutch++ beats Hutchinson
        assertTrue(r.estimates().get("Hutch++").standardError() < r.estimates().get("Hutchinson").standardError());
    }

    @Test
    void dynamics() {
        SimplicityBiasResult r = Dynamics.run(1);
        assertEquals(36, r.flowRatio(), 1e-12);                  // (d+1)², MATH.md §3.4
        assertEquals(225.0 / 256, r.population().lambda0(), 1e-15);
        // the output-layer model is linear: the spectral prediction is an identity
        assertEquals(r.predictedRatio(), r.observedRatio(), 1e-8 * r.observedRatio());
        // the criterion of SimplicityBiasTest (same parameters; measured 4.9%)
        assertEquals(1, r.observedRatio() / r.matchedRatio(), 0.10);
        assertTrue(r.target("|x|").observedTime() < r.target("x1x2/|x|").observedTime());
    }

    @Test
    void density() {
        Density.Result r = Density.run(30, 1);
        // MATH.md §8.3–8.4 for step, D = I, γ1 = 2, γ2 = 1: atom 1 − 1/γ1, outliers at γ1 p a0² = 2·30/4,
        // mean (E φ² − a0²) E[D²] = 1/4
        assertEquals(1800, r.simulation().n());
        assertEquals(0.5, r.prediction().atom(), 0.0);
        assertEquals(0.5, r.simulation().atom(), 0.0);
        assertEquals(15, r.prediction().outlierLocation(), 1e-12);
        assertEquals(0.25, r.prediction().mean(), 1e-3);
        // MATH.md §8.4: "in every run there were d+1 outliers"
        assertEquals(31, r.outliers().length);
        // MATH.md §8.4 reports L1 distances 0.023 (d = 40, γ1 = 2) to 0.13 (d = 20, γ1 = 0.5); measured 0.044
        assertTrue(r.l1Distance() < 0.1, "L1 " + r.l1Distance());
    }

    @Test
    void smallestEigenvalue() {
        SmallestEigenvalue.Result r = SmallestEigenvalue.run(1);
        SmallestEigenvalueBounds b = r.bounds();
        assertTrue(b.holds(), b.toString());
        // independent: tr K^(L)/n = (L/n) Σ‖x_i‖² (K^(L)_ii = L‖x_i‖², MATH.md §6.2)
        double[][] x = Gaussians.standardNormal(100, 500, 1);
        assertEquals(3.0 / 100 * sumOfSquares(x), b.traceBound(), 1e-12 * b.traceBound());
        // MATH.md §6.3 table (another draw): λ_min(K^(3)) = 796 for d = 500, n = 100
        assertEquals(796, b.lambdaMin(), 0.05 * 796);
        // MATH.md §6.3: with r = 4 the Gershgorin relaxation is positive at d = 500 (1.5 there)
        assertTrue(b.hermite().get(0).gershgorinBound() > 0);
        // MATH.md §6.1: relative Frobenius error 0.092 at width 1000 and 0.041 at 3000 (L = 3)
        assertTrue(r.finiteWidth().frobeniusRelativeError() < 0.092, r.finiteWidth().toString());
        assertEquals(1, r.finiteWidth().lambdaMinRatio(), 0.1);
    }

    private static double sumOfSquares(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }
}
