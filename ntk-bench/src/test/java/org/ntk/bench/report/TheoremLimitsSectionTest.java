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
import org.ntk.core.sampling.Gaussians;

/** The theorem-limits section at d = 5 against MATH.md §4 and §9.4. */
class TheoremLimitsSectionTest {

    private static final int D = 5;
    private static final long SEED = 4;

    @TempDir
    static Path tmp;

    private static JsonNode section;

    @BeforeAll
    static void run() throws IOException {
        ReportRunner.run(new ReportParameters(D, 100, SEED, tmp.resolve("r"), 2), ProgressListener.NONE,
                List.of(new TheoremLimitsSection()));
        section = ResultNode.parse(Files.readAllBytes(tmp.resolve("r/results.json"))).get("theoremLimits");
    }

    @Test
    void constantsMatchTable94() {
        // MATH.md §9.4, d = 5: c_d = 0.1875, 1/(2√d) = 0.2236067977, 1/√(2πd) = 0.1784124116,
        // 1/(2√(2πd)) = 0.0892062058
        JsonNode rows = section.get("groups");
        assertEquals(0.1875, rows.get(0).get("constant").doubleValue(), 1e-15);
        assertEquals(0.2236067977, rows.get(1).get("constant").doubleValue(), 1e-10);
        assertEquals(0.1784124116, rows.get(2).get("constant").doubleValue(), 1e-10);
        assertEquals(0.0892062058, rows.get(3).get("constant").doubleValue(), 1e-10);
    }

    @Test
    void rowGroupErrorMatchesAnIndependentComputation() {
        // G2 at m = 500: u = first row of W (unit), g(x) = Σ_j ReLU(w_j·x) u_j/√m, limit x_1/(2√d),
        // sign chosen so that Σ g·limit ≥ 0, MAE over the section's 1000 test inputs (MATH.md §4)
        int m = 500;
        double[][] w = ReluNetwork.random(D, m, WeightScale.FAN_IN,
                ReportContext.derivedSeed(SEED, TheoremLimitsSection.networkStream(0, 0))).hiddenWeights();
        double[][] x = Gaussians.standardNormal(TheoremLimitsSection.TEST_POINTS, D,
                ReportContext.derivedSeed(SEED, 2));
        double norm = 0;
        for (double[] wj : w) {
            norm += wj[0] * wj[0];
        }
        norm = Math.sqrt(norm);
        double[] g = new double[x.length];
        double[] lim = new double[x.length];
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (double[] wj : w) {
                double z = 0;
                for (int a = 0; a < D; a++) {
                    z += wj[a] * x[i][a];
                }
                s += Math.max(z, 0) * wj[0] / norm;
            }
            g[i] = s / Math.sqrt(m);
            lim[i] = x[i][0] / (2 * Math.sqrt(D));
            dot += g[i] * lim[i];
        }
        double sign = dot >= 0 ? 1 : -1;
        double mae = 0;
        for (int i = 0; i < x.length; i++) {
            mae += Math.abs(sign * g[i] - lim[i]);
        }
        mae /= x.length;
        JsonNode per = entry(section.get("perNetwork"), "G2", 500);
        assertEquals(ReportContext.derivedSeed(SEED, 10), per.get("seeds").get(0).longValue());
        assertEquals(mae, per.get("mae").get(0).doubleValue(), 1e-12 * mae);
    }

    private static JsonNode entry(JsonNode list, String group, int m) {
        for (JsonNode r : list) {
            if (r.get("group").textValue().equals(group) && r.get("m").intValue() == m) {
                return r;
            }
        }
        throw new AssertionError("no entry for " + group + ", m = " + m);
    }

    @Test
    void meanErrorsSummariseTheNetworks() {
        JsonNode rows = section.get("meanAbsoluteErrors");
        assertEquals(12, rows.size());
        for (JsonNode r : rows) {
            JsonNode per = entry(section.get("perNetwork"), r.get("group").textValue(), r.get("m").intValue());
            int n = per.get("mae").size();
            assertEquals(r.get("networks").intValue(), n);
            double mean = 0;
            for (JsonNode e : per.get("mae")) {
                mean += e.doubleValue();
            }
            mean /= n;
            double ss = 0;
            for (JsonNode e : per.get("mae")) {
                ss += (e.doubleValue() - mean) * (e.doubleValue() - mean);
            }
            assertEquals(mean, r.get("meanMae").doubleValue(), 1e-15);
            assertEquals(Math.sqrt(ss / (n - 1) / n), r.get("standardError").doubleValue(), 1e-15);
            assertEquals(mean * Math.sqrt(r.get("m").intValue()), r.get("maeTimesRootM").doubleValue(), 1e-12);
        }
    }

    @Test
    void errorsFallWithWidth() {
        for (String g : List.of("G1", "G2", "G3", "G3'")) {
            double e500 = entry(section.get("meanAbsoluteErrors"), g, 500).get("meanMae").doubleValue();
            double e1e5 = entry(section.get("meanAbsoluteErrors"), g, 100_000).get("meanMae").doubleValue();
            // MATH.md §4: errors ≤ 0.004 at m = 10⁵ (d = 3, 10)
            assertTrue(e1e5 < 0.01, g + " MAE at m = 100 000: " + e1e5);
            // m^{−1/2} predicts a ratio √200 ≈ 14.1. A single network's MAE has a coefficient of
            // variation ≈ 0.75 (docs/design-notes.md), so means of 5 and 3 networks give a log-ratio
            // spread ≈ √(0.34² + 0.43²) ≈ 0.55: a ratio below 3 is 2.8 spreads away
            assertTrue(e500 / e1e5 > 3, g + " decay ratio " + e500 / e1e5);
        }
        for (JsonNode r : section.get("groups")) {
            // §4: correlation with the limit ≥ 0.995 at m = 10⁵; at m = 10⁴ demand 0.9
            assertTrue(r.get("correlation").doubleValue() > 0.9, r.toString());
        }
    }

    @Test
    void scatterPlotIsWritten() throws IOException {
        BufferedImage img = ImageIO.read(tmp.resolve("r/theorem-limits-scatter.png").toFile());
        assertEquals(800, img.getWidth());
        assertEquals(520, img.getHeight());
    }
}
