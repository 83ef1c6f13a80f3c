package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.progress.ProgressListener;

class NetworkSectionTest {

    @TempDir
    Path tmp;

    @Test
    void numbersMatchClosedFormsForD5M400() throws IOException {
        int d = 5;
        int m = 400;
        long seed = 11;
        ReportRunner.run(new ReportParameters(d, m, seed, tmp.resolve("r"), 1), ProgressListener.NONE,
                List.of(new NetworkSection()));
        JsonNode net = ResultNode.parse(Files.readAllBytes(tmp.resolve("r/results.json"))).get("network");

        // independent computation: ‖W‖_F²/2 from the same seeded network (MATH.md §2.1)
        double[][] w = ReluNetwork.random(d, m, WeightScale.FAN_IN, seed).hiddenWeights();
        double fro = 0;
        for (double[] row : w) {
            for (double v : row) {
                fro += v * v;
            }
        }
        assertEquals(fro / 2, net.get("traceClosedForm").doubleValue(), 1e-12 * fro);

        JsonNode checks = net.get("checks");
        assertEquals(3, checks.size());
        // E‖w‖ for w ~ N(0, I_5/5): √(2/5)·Γ(3)/Γ(5/2) = √(2/5)·2/(3√π/4) = 8√(2/5)/(3√π) (closed form)
        double expectedNorm = 8 * Math.sqrt(2.0 / 5) / (3 * Math.sqrt(Math.PI));
        assertEquals(expectedNorm, checks.get(0).get("theory").doubleValue(), 1e-13);
        assertEquals(m / 2.0, checks.get(1).get("theory").doubleValue(), 0.0);
        assertEquals(Math.sqrt(m / (2.0 * d)), checks.get(1).get("standardError").doubleValue(), 1e-12);
        assertEquals(fro / 2, checks.get(2).get("theory").doubleValue(), 1e-12 * fro);
        for (JsonNode c : checks) {
            double z = (c.get("observed").doubleValue() - c.get("theory").doubleValue())
                    / c.get("standardError").doubleValue();
            assertEquals(z, c.get("z").doubleValue(), 1e-12 * Math.max(1, Math.abs(z)));
            // each row is an estimate within 5 standard errors of its theory (seeded, MATH.md §9)
            assertTrue(Math.abs(z) < 5, c.get("quantity").textValue() + " z = " + z);
        }
        // Monte Carlo SE with n = 4000 inputs: relative SE ≈ √(2/d)/√n ≈ 1 % of the trace (§2.1)
        double relSe = checks.get(2).get("standardError").doubleValue() / (fro / 2);
        assertTrue(relSe > 0.003 && relSe < 0.03, "relative MC standard error " + relSe);

        String md = Files.readString(tmp.resolve("r/report.md"));
        assertTrue(md.contains("![Hidden-unit norms"), md);
        assertTrue(Files.size(tmp.resolve("r/network-norms.png")) > 1000);
    }

    @Test
    void normDensityIsTheScaledChiDensity() {
        // d = 2: √2·χ_2(√2 r) = 2 r e^{−r²} (closed form)
        for (double r : new double[] {0.1, 0.7, 1.0, 2.3}) {
            assertEquals(2 * r * Math.exp(-r * r), NetworkSection.normDensity(r, 2), 1e-15);
        }
        // d = 10: integrates to 1 and has mean E‖w‖ = √(2/10)Γ(11/2)/Γ(5) (trapezoid, h = 1e-4)
        double h = 1e-4;
        double mass = 0;
        double mean = 0;
        for (double r = h; r < 4; r += h) {
            double f = NetworkSection.normDensity(r, 10);
            mass += f * h;
            mean += r * f * h;
        }
        double gammaRatio = (945.0 / 32) * Math.sqrt(Math.PI) / 24; // Γ(11/2)/Γ(5)
        assertEquals(1.0, mass, 1e-8);
        assertEquals(Math.sqrt(0.2) * gammaRatio, mean, 1e-8);
        assertEquals(0.0, NetworkSection.normDensity(0, 10), 0.0);
    }
}
