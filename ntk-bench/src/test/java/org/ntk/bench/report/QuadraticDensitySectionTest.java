package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.core.progress.ProgressListener;

/** The quadratic-density section at d = p = 20 (n = 800) against MATH.md §8. */
class QuadraticDensitySectionTest {

    private static final int D = 20;

    @TempDir
    static Path tmp;

    private static JsonNode section;
    private static String markdown;

    @BeforeAll
    static void run() throws IOException {
        ReportRunner.run(new ReportParameters(10, 100, 2, tmp.resolve("r"), 2), ProgressListener.NONE,
                List.of(new QuadraticDensitySection(D)));
        section = ResultNode.parse(Files.readAllBytes(tmp.resolve("r/results.json"))).get("quadraticDensity");
        markdown = Files.readString(tmp.resolve("r/report.md"));
    }

    private static JsonNode row(String prefix) {
        for (JsonNode r : section.get("comparison")) {
            if (r.get("quantity").textValue().startsWith(prefix)) {
                return r;
            }
        }
        throw new AssertionError("no row " + prefix);
    }

    @Test
    void sizesAndHermiteConstants() {
        assertEquals(20, section.get("p").intValue());
        assertEquals(800, section.get("n").intValue());
        // step: a0 = 1/2, a1 = 1/√(2π), c⊥ = 1/4 − 1/(2π) (MATH.md §8.3 table)
        assertEquals(0.5, section.get("a0").doubleValue(), 1e-15);
        assertEquals(1 / Math.sqrt(2 * Math.PI), section.get("a1").doubleValue(), 1e-15);
        assertEquals(0.25 - 1 / (2 * Math.PI), section.get("orthogonalVariance").doubleValue(), 1e-15);
    }

    @Test
    void atomOutliersAndDensityAgreeWithThePrediction() {
        // atom (1 − 1/γ1)_+ = 1/2; rank K ≤ dp = 400 of n = 800 (MATH.md §8.2): exactly half zero
        assertEquals(0.5, row("atom").get("predicted").doubleValue(), 1e-15);
        assertEquals(0.5, row("atom").get("observed").doubleValue(), 0.0);
        // d outliers near γ1·p·a0² = 2·20/4 = 10, one more near γ1·p·a1² = 40/(2π) (§8.3, §8.4:
        // "in every run there were d + 1 outliers")
        assertEquals(10.0, row("outlier location").get("predicted").doubleValue(), 1e-12);
        assertEquals(40 / (2 * Math.PI), row("extra outlier").get("predicted").doubleValue(), 1e-12);
        JsonNode counts = section.get("outlierCounts").get(0);
        assertEquals(D + 1, counts.get("predicted").intValue());
        assertEquals(D + 1, counts.get("observed").intValue());
        assertEquals(D + 1, section.get("observedOutliers").size());
        // the top d average near their predicted location, the extra one near its own: the d outliers
        // spread by about ±25% (measured in the default report, d = 40: from 16 to 25 around 20, mean
        // +3%; extra −4%), so 15% for the means
        assertEquals(1, row("outlier location").get("observed").doubleValue() / 10.0, 0.15);
        assertEquals(1, row("extra outlier").get("observed").doubleValue() / (40 / (2 * Math.PI)), 0.15);
        // L1 distance of the smoothed densities: MATH.md §8.4 measured 0.132 at d = 20 (γ1 = 0.5) and
        // 0.023 at d = 40 (γ1 = 2), decreasing with d
        double l1 = section.get("l1Distance").doubleValue();
        assertTrue(l1 > 0 && l1 < 0.15, "L1 " + l1);
        // the mean of the limit law is ∫t dH = c⊥ + a1² = 1/4 (§8.3, D = I), up to the discretisation
        // of H by 400 midpoint quantiles of the Marchenko–Pastur law (measured 3e-6)
        assertEquals(0.25, row("bulk: mean").get("predicted").doubleValue(), 1e-5);
    }

    @Test
    void saysThatReluIsOutsideTheTheorem() {
        assertTrue(markdown.contains("ReLU is formally outside"), markdown);
        assertTrue(markdown.contains("](quadratic-density-density.png)"));
        assertTrue(markdown.contains("](quadratic-density-outliers.png)"));
    }

    @Test
    void rejectsTooSmallSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QuadraticDensitySection(1));
        assertTrue(e.getMessage().startsWith("d "), e.getMessage());
    }
}
