package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ReportParametersTest {

    @Test
    void defaultsMatchTheCliContract() {
        // DESIGN.md: report [--d 10] [--m 2000] [--seed 1] [--out ntk-report]
        ReportParameters p = ReportParameters.defaults();
        assertEquals(10, p.d());
        assertEquals(2000, p.m());
        assertEquals(1, p.seed());
        assertEquals(Path.of("ntk-report"), p.outputDirectory());
        assertTrue(p.threads() >= 1);
    }

    @Test
    void clusteredEigenvaluesIsOnePlusDPlusThirdMultiplicity() {
        // 1 + d + (d(d+1)/2 − 1), MATH.md §2.3
        for (int d = 2; d <= 50; d++) {
            assertEquals(1 + d + (d * (d + 1) / 2 - 1), ReportParameters.clusteredEigenvalues(d));
        }
    }

    @Test
    void rejectsOutOfRangeValues() {
        Path o = Path.of("o");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReportParameters(1, 100, 1, o, 1));
        assertTrue(e.getMessage().startsWith("d must"), e.getMessage());
        // d = 10: the clusters hold 65 eigenvalues, so m must be at least 66
        e = assertThrows(IllegalArgumentException.class, () -> new ReportParameters(10, 65, 1, o, 1));
        assertTrue(e.getMessage().startsWith("m must") && e.getMessage().endsWith("got 65"),
                e.getMessage());
        assertEquals(66, new ReportParameters(10, 66, 1, o, 1).m());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ReportParameters(10, ReportParameters.MAX_M + 1, 1, o, 1));
        assertTrue(e.getMessage().startsWith("m must"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReportParameters(10, 100, 1, o, 0));
        assertTrue(e.getMessage().startsWith("threads must"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class,
                () -> new ReportParameters(10, 100, 1, null, 1));
        assertEquals("outputDirectory", n.getMessage());
    }
}
