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
import org.ntk.core.progress.ProgressListener;

/** The Mercer section's numbers against the reference tables of MATH.md §9.1 and §9.3. */
class MercerSectionTest {

    @TempDir
    static Path tmp;

    private static JsonNode mercer;

    @BeforeAll
    static void run() throws IOException {
        ReportRunner.run(new ReportParameters(3, 20, 1, tmp.resolve("r"), 1), ProgressListener.NONE,
                List.of(new MercerSection()));
        mercer = ResultNode.parse(Files.readAllBytes(tmp.resolve("r/results.json"))).get("mercer");
    }

    private static JsonNode row(String table, int d) {
        for (JsonNode r : mercer.get(table)) {
            if (r.get("d").intValue() == d) {
                return r;
            }
        }
        throw new AssertionError("no row for d = " + d);
    }

    @Test
    void eigenvaluesMatchMathTable91() {
        // MATH.md §9.1 (10 significant digits; deterministic values to 1e-10 relative)
        assertEquals(0.4052847346, row("eigenvalues", 2).get("lambda0").doubleValue(), 1e-10);
        assertEquals(0.3978873577, row("eigenvalues", 2).get("lambda0Papers").doubleValue(), 1e-10);
        assertEquals(4.5031637174e-2, row("eigenvalues", 2).get("lambda2").doubleValue(), 1e-12);
        assertEquals(0.5625, row("eigenvalues", 3).get("lambda0").doubleValue(), 1e-14);
        assertEquals(2.44140625e-2, row("eigenvalues", 5).get("lambda2").doubleValue(), 1e-15);
        assertEquals(2.2736420442e-2, row("eigenvalues", 5).get("lambda2Papers").doubleValue(), 1e-12);
        assertEquals(1.6730121167, row("eigenvalues", 10).get("lambda0").doubleValue(), 1e-9);
        assertEquals(1.3826546419e-2, row("eigenvalues", 10).get("lambda2").doubleValue(), 1e-12);
        assertEquals(159.2345404480, row("eigenvalues", 1000).get("lambda0").doubleValue(), 1e-7);
        assertEquals(159.2345205634, row("eigenvalues", 1000).get("lambda0Papers").doubleValue(), 1e-7);
        // λ4 (mult) at d = 10: 8.1814e-5 (660); at d = 5: 3.8147e-4 (55), 5 significant digits
        assertEquals(8.1814e-5, row("eigenvalues", 10).get("lambda4").doubleValue(), 5e-9);
        assertEquals(660, row("eigenvalues", 10).get("multiplicity4").longValue());
        assertEquals(3.8147e-4, row("eigenvalues", 5).get("lambda4").doubleValue(), 5e-8);
        int[] ds = {2, 3, 5, 10, 100, 1000};
        long[] mult2 = {2, 5, 14, 54, 5049, 500499};
        for (int i = 0; i < ds.length; i++) {
            JsonNode r = row("eigenvalues", ds[i]);
            assertEquals(mult2[i], r.get("multiplicity2").longValue(), "d = " + ds[i]);
            assertEquals(0.25, r.get("lambda1").doubleValue(), 1e-15);
            assertEquals(r.get("lambda2").doubleValue() / r.get("lambda2Papers").doubleValue() - 1,
                    r.get("lambda2Excess").doubleValue(), 1e-15);
        }
        // §10.1: λ2 is 4.2 % above the papers' value at d = 10 and 13 % at d = 2
        assertEquals(0.042, row("eigenvalues", 10).get("lambda2Excess").doubleValue(), 0.001);
        assertEquals(0.13, row("eigenvalues", 2).get("lambda2Excess").doubleValue(), 0.005);
    }

    @Test
    void traceSharesMatchFracAndTheBothLayersTable() {
        // MATH.md §2.4 / §9.1 frac(d), 8 decimals; §9.3 both-layers fractions, 5 decimals
        int[] ds = {2, 3, 5, 10, 100, 1000};
        double[] frac = {0.99534801, 0.9921875, 0.98828125, 0.98392912, 0.97824304, 0.97754423};
        for (int i = 0; i < ds.length; i++) {
            JsonNode r = row("traceShares", ds[i]);
            assertEquals(frac[i], r.get("degrees0to2Share").doubleValue(), 5e-9, "d = " + ds[i]);
            assertEquals(frac[i], r.get("fracExact").doubleValue(), 5e-9, "d = " + ds[i]);
            assertEquals(1 - r.get("degrees0to2Share").doubleValue(),
                    r.get("residualShare").doubleValue(), 1e-15);
            // every residual share is below the limit 1/2 − 3/(2π) (§2.4)
            assertTrue(r.get("residualShare").doubleValue() < 0.5 - 1.5 / Math.PI);
            assertTrue(r.get("degrees0to8Share").doubleValue() > r.get("degrees0to2Share").doubleValue());
            assertEquals(0.977464829275686, r.get("papersShare").doubleValue(), 1e-15);
        }
        assertEquals(0.96157, row("traceShares", 2).get("ntk2Degrees0to2Share").doubleValue(), 5e-6);
        assertEquals(0.91549, row("traceShares", 10).get("ntk2Degrees0to2Share").doubleValue(), 5e-6);
        assertEquals(0.89985, row("traceShares", 100).get("ntk2Degrees0to2Share").doubleValue(), 5e-6);
        // §9.1: Σ_{k≤8} N(d,k)λ_k = 4.99315 at d = 10, against the trace d/2 = 5
        assertEquals(4.99315 / 5, row("traceShares", 10).get("degrees0to8Share").doubleValue(), 1e-5);
    }

    @Test
    void residualCurveAndPlot() throws IOException {
        JsonNode c = mercer.get("residualShareCurve");
        int n = c.get("d").size();
        assertEquals(MercerSection.PLOT_DIMENSIONS.length, n);
        assertEquals(1000, c.get("d").get(n - 1).intValue());
        assertEquals(1 - 0.97754423, c.get("residualShare").get(n - 1).doubleValue(), 5e-9);
        for (int i = 1; i < n; i++) {
            // the residual share increases with d (§2.4: frac(d) decreases strictly)
            assertTrue(c.get("residualShare").get(i).doubleValue() > c.get("residualShare").get(i - 1).doubleValue());
        }
        BufferedImage img = ImageIO.read(tmp.resolve("r/mercer-residual-share.png").toFile());
        assertEquals(800, img.getWidth());
        assertEquals(520, img.getHeight());
    }
}
