package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.ntk.core.sampling.Gaussians;

/** The deep-NTK section (n = 100, d = 200, L = 2..5) against MATH.md §6.2, §6.3 and §7. */
class DeepNtkSectionTest {

    private static final long SEED = 7;

    @TempDir
    static Path tmp;

    private static JsonNode section;

    @BeforeAll
    static void run() throws IOException {
        ReportRunner.run(new ReportParameters(10, 100, SEED, tmp.resolve("r"), 2), ProgressListener.NONE,
                List.of(new DeepNtkSection()));
        section = ResultNode.parse(Files.readAllBytes(tmp.resolve("r/results.json"))).get("deepNtk");
    }

    @Test
    void traceBoundIsLTimesTheMeanSquaredNorm() {
        // K^(L)_ii = L‖x_i‖² (MATH.md §6.2), so tr K^(L)/n = L·mean‖x_i‖², from the section's data
        // stream recomputed here
        double[][] x = Gaussians.standardNormal(DeepNtkSection.N, DeepNtkSection.D, ReportContext.derivedSeed(SEED, 4));
        double mean = 0;
        for (double[] row : x) {
            for (double v : row) {
                mean += v * v;
            }
        }
        mean /= x.length;
        JsonNode rows = section.get("bounds");
        assertEquals(4, rows.size());
        for (int i = 0; i < 4; i++) {
            int layers = i + 2;
            assertEquals(layers, rows.get(i).get("layers").intValue());
            assertEquals(layers * mean, rows.get(i).get("traceBound").doubleValue(), 1e-12 * layers * mean);
        }
    }

    @Test
    void theChainHoldsAndIsOrdered() {
        for (JsonNode row : section.get("bounds")) {
            assertEquals("yes", row.get("chainHolds").textValue(), row.toString());
            double lambda = row.get("lambdaMin").doubleValue();
            assertTrue(row.get("schurBound").doubleValue() <= lambda && lambda <= row.get("traceBound").doubleValue(),
                    row.toString());
            // Gershgorin relaxes the exact Khatri–Rao eigenvalue: never above it (§6.3 step 3)
            assertTrue(row.get("gershgorin4").doubleValue() <= row.get("hermite4").doubleValue());
            assertTrue(row.get("gershgorin6").doubleValue() <= row.get("hermite6").doubleValue());
            // Theorem 3.2: λ_min = Θ(d); MATH.md §6.3 measured λ_min/d between 1 and 3 for L = 3..5
            double perD = row.get("lambdaMinOverD").doubleValue();
            assertTrue(perD > 0.3 && perD < 5, row.toString());
        }
        // μ_4 = −1/√(48π), μ_6 = 1/√(160π) (MATH.md §7 table)
        JsonNode mu = section.get("hermiteCoefficients");
        assertEquals(-1 / Math.sqrt(48 * Math.PI), mu.get(0).doubleValue(), 1e-15);
        assertEquals(1 / Math.sqrt(160 * Math.PI), mu.get(1).doubleValue(), 1e-15);
        for (JsonNode row : section.get("dimensionSweep")) {
            assertTrue(row.get("schurBound").doubleValue() <= row.get("lambdaMin").doubleValue());
            assertTrue(row.get("lambdaMin").doubleValue() <= row.get("traceBound").doubleValue());
        }
    }

    @Test
    void finiteWidthApproachesTheLimitLikeWidthToTheMinusOneHalf() {
        JsonNode rows = section.get("finiteWidth");
        assertEquals(8, rows.size());
        for (int i = 0; i < 8; i += 2) {
            JsonNode narrow = rows.get(i);
            JsonNode wide = rows.get(i + 1);
            assertEquals(250, narrow.get("width").intValue());
            assertEquals(1000, wide.get("width").intValue());
            // the relative Frobenius error falls like width^{−1/2} (MATH.md §6.1): × 1/2 for a 4-fold
            // width; 0.75 leaves room for the fluctuation of one draw per width
            double ratio = wide.get("frobeniusRelativeError").doubleValue()
                    / narrow.get("frobeniusRelativeError").doubleValue();
            assertTrue(ratio < 0.75, "error ratio " + ratio + " at L = " + wide.get("layers"));
            // both compare with the same limit
            assertEquals(narrow.get("limitLambdaMin").doubleValue(), wide.get("limitLambdaMin").doubleValue(), 0.0);
            assertTrue(wide.get("empiricalLambdaMin").doubleValue() > 0);
        }
    }
}
