package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.progress.ProgressListener;

/** One FIM section run at d = 5, m = 400, checked against MATH.md's closed forms. */
class FimSectionTest {

    private static final int D = 5;
    private static final int M = 400;
    private static final long SEED = 3;

    @TempDir
    static Path tmp;

    private static JsonNode fim;

    @BeforeAll
    static void run() throws IOException {
        ReportRunner.run(new ReportParameters(D, M, SEED, tmp.resolve("r"), 2), ProgressListener.NONE,
                List.of(new FimSection()));
        fim = ResultNode.parse(Files.readAllBytes(tmp.resolve("r/results.json"))).get("fim");
    }

    /** ‖W‖_F² of the test's network, computed independently of the section. */
    private static double froNorm2() {
        double fro = 0;
        for (double[] row : ReluNetwork.random(D, M, WeightScale.FAN_IN, SEED).hiddenWeights()) {
            for (double v : row) {
                fro += v * v;
            }
        }
        return fro;
    }

    @Test
    void traceIsHalfTheSquaredFrobeniusNorm() {
        // independent computation: ‖W‖_F²/2 of the same seeded network (MATH.md §2.1)
        double fro = froNorm2();
        assertEquals(fro / 2, fim.get("trace").doubleValue(), 1e-12 * fro);
        double sum = 0;
        for (JsonNode e : fim.get("eigenvalues")) {
            sum += e.doubleValue();
        }
        // trace = Σλ to rounding (n·ε·‖J‖ scale)
        assertEquals(fro / 2, sum, 1e-10 * fro);
        assertEquals(M, fim.get("eigenvalues").size());
    }

    @Test
    void clusterTableHasTheClosedForms() {
        JsonNode c = fim.get("clusters");
        // multiplicities 1, d, d(d+1)/2 − 1 (MATH.md §2.3), then N(5, 4) = 55 and N(5, 6) = 140
        // (N(d, k) = C(k+d−1, d−1) − C(k+d−3, d−1)); N(5, 8) = 285 no longer fits in 400 − 215; rest
        assertEquals(6, c.size());
        int[] mult = {1, 5, 14, 55, 140, 400 - 215};
        int[] degree = {0, 1, 2, 4, 6};
        for (int i = 0; i < mult.length; i++) {
            assertEquals(mult[i], c.get(i).get("multiplicity").intValue(), "row " + i);
            if (i < degree.length) {
                assertEquals(degree[i], c.get(i).get("degree").intValue(), "row " + i);
            }
        }
        assertEquals("rest", c.get(5).get("cluster").textValue());
        assertTrue(c.get(5).get("degree").isNull());
        // d = 5: c_5 = 3/16 (MATH.md §0), so m·d·c_d² = 400·5·9/256 = 70.3125, m/(4d) = 20,
        // m·d·c_d²/(d+1)² = 70.3125/36; papers: 400·11/(20π), 20, 400/(70π) (closed forms)
        assertEquals(3.0 / 16, fim.get("sphereConstant").doubleValue(), 1e-15);
        assertEquals(70.3125, c.get(0).get("exactLimit").doubleValue(), 1e-12);
        assertEquals(20.0, c.get(1).get("exactLimit").doubleValue(), 1e-12);
        assertEquals(70.3125 / 36, c.get(2).get("exactLimit").doubleValue(), 1e-13);
        assertEquals(4400 / (20 * Math.PI), c.get(0).get("papersValue").doubleValue(), 1e-12);
        assertEquals(20.0, c.get(1).get("papersValue").doubleValue(), 1e-12);
        assertEquals(400 / (70 * Math.PI), c.get(2).get("papersValue").doubleValue(), 1e-13);
        assertTrue(c.get(5).get("exactLimit").isNull());
        assertTrue(c.get(3).get("papersValue").isNull());
        // adjusted limit = exact limit × tr J / E[tr J], E[tr J] = m/2 (FimCluster, MATH.md §2.1)
        double ratio = froNorm2() / 2 / (M / 2.0);
        for (int i = 0; i < 5; i++) {
            assertEquals(c.get(i).get("exactLimit").doubleValue() * ratio,
                    c.get(i).get("adjustedLimit").doubleValue(), 1e-12 * c.get(i).get("exactLimit").doubleValue());
        }
        // finite-m agreement. Every cluster scales with the weight scale ‖W‖_F²/m, whose relative
        // standard deviation is √(2/(md)) (‖W‖_F² ~ χ²_{md}/d): 3.2 % here. Tolerance 5 SE.
        double se = Math.sqrt(2.0 / (M * D));
        assertEquals(1, c.get(0).get("observedMean").doubleValue() / 70.3125, 5 * se);
        assertEquals(1, c.get(1).get("observedMean").doubleValue() / 20.0, 5 * se);
        assertEquals(1, c.get(2).get("observedMean").doubleValue() / (70.3125 / 36), 5 * se);
        // conditional on W, cluster 2 is tight: the degree-1 part of J is exactly WᵀW/4
        // (kappa1(t) = 1/(2π) + t/4 + even powers, MATH.md §1), whose d non-zero eigenvalues sum to
        // ‖W‖_F²/4; the even-degree parts move the cluster at second order in their O(1/√m)
        // coupling to it, so its mean is ‖W‖_F²/(4d) to well under 3 %
        assertEquals(1, c.get(1).get("observedMean").doubleValue() / (froNorm2() / (4.0 * D)), 0.03);
        double shares = 0;
        double[] ev = new double[M];
        for (int i = 0; i < M; i++) {
            ev[i] = fim.get("eigenvalues").get(i).doubleValue();
        }
        int first = 0;
        for (JsonNode row : c) {
            // mean and spread recomputed from the eigenvalues in results.json
            int k = row.get("multiplicity").intValue();
            double sum = 0;
            for (int i = first; i < first + k; i++) {
                sum += ev[i];
            }
            double mean = sum / k;
            assertEquals(mean, row.get("observedMean").doubleValue(), 1e-12 * mean);
            assertEquals((ev[first] - ev[first + k - 1]) / mean, row.get("relativeSpread").doubleValue(), 1e-10);
            first += k;
            shares += row.get("traceShare").doubleValue();
        }
        assertEquals(M, first);
        assertEquals(1.0, shares, 1e-12);
    }

    @Test
    void topClusterTraceShareAgainstFrac() {
        // frac(5) = 0.98828125 and 1/2 + 3/(2π) = 0.977464829275686 (MATH.md §2.4 table / §9.1)
        assertEquals(0.98828125, fim.get("fracExact").doubleValue(), 1e-12);
        assertEquals(0.977464829275686, fim.get("fracPapers").doubleValue(), 1e-15);
        double top = fim.get("topClusterTraceShare").doubleValue();
        JsonNode c = fim.get("clusters");
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += c.get(i).get("traceShare").doubleValue();
        }
        assertEquals(sum, top, 1e-14);
        // §9.2: within 0.002 of frac(d) at m = 3000; ×√(3000/400) ≈ 2.7 and ×2 margin → 0.011
        assertEquals(0.98828125, top, 0.011);
        assertEquals(top, fim.get("traceShares").get(0).get("share").doubleValue(), 0.0);
    }

    @Test
    void eigenvectorsLieInTheTheoreticalSpans() {
        JsonNode o = fim.get("eigenvectorOverlaps");
        // MATH.md §2.3 at m = 3000: |cos| ≥ 0.9998 (d = 5), cluster 2 ≥ 0.994, cluster 3 ≥ 0.99;
        // 1 − cos² scales like 1/m, so ×7.5 at m = 400: ≥ 0.997, ≥ 0.95, ≥ 0.92
        assertTrue(fim.get("topEigenvectorCosine").doubleValue() > 0.997);
        assertTrue(o.get(2).get("meanSquaredCosine").doubleValue() > 0.95, o.get(2).toString());
        assertTrue(o.get(3).get("meanSquaredCosine").doubleValue() > 0.92, o.get(3).toString());
        // the uniform vector fits worse than the column norms, the papers' cluster-3 vectors (no
        // 1/‖w_j‖) worse than the corrected ones (§2.3)
        assertTrue(o.get(1).get("meanSquaredCosine").doubleValue()
                < o.get(0).get("meanSquaredCosine").doubleValue());
        assertTrue(o.get(4).get("meanSquaredCosine").doubleValue()
                < o.get(3).get("meanSquaredCosine").doubleValue());
        // the cluster table carries the same overlaps
        for (int i = 2; i <= 3; i++) {
            assertEquals(o.get(i).get("meanSquaredCosine").doubleValue(),
                    fim.get("clusters").get(i - 1).get("overlap").doubleValue(), 0.0);
        }
        // a cosine is at most 1 (up to rounding) and the smallest is below the root mean square
        for (JsonNode row : o) {
            double min = row.get("minCosine").doubleValue();
            assertTrue(min <= Math.sqrt(row.get("meanSquaredCosine").doubleValue()) + 1e-12, row.toString());
            assertTrue(min <= 1 + 1e-12, row.toString());
        }
    }

    @Test
    void plotsAreReadablePngs() throws IOException {
        for (String f : List.of("fim-spectrum.png", "fim-trace-share.png")) {
            BufferedImage img = ImageIO.read(tmp.resolve("r").resolve(f).toFile());
            assertEquals(800, img.getWidth(), f);
            assertEquals(520, img.getHeight(), f);
        }
        String md = Files.readString(tmp.resolve("r/report.md"));
        assertTrue(md.contains("](fim-spectrum.png)"), md);
    }
}
