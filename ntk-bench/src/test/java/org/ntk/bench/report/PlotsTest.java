package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlotsTest {

    @Test
    void spectrumIsLogLogWithLevelsAndNamesOmittedEigenvalues() {
        double[] ev = {100, 10, 10, 1e-3, 0, -1e-12};
        Figure f = Plots.spectrum("s", "eigenvalue λ_k", ev,
                List.of(new Plots.Level("exact 100", 100, false), new Plots.Level("papers 9", 9, true)))
                .build();
        assertTrue(f.logX() && f.logY());
        Figure.Series obs = f.series().get(0);
        assertEquals(Figure.Style.POINTS, obs.style());
        assertArrayEquals(new double[] {1, 2, 3, 4}, obs.x(), 0.0);
        assertArrayEquals(new double[] {100, 10, 10, 1e-3}, obs.y(), 0.0);
        assertTrue(obs.name().contains("2 ≤ 0 not shown"), obs.name());
        assertEquals(Figure.Style.LINE, f.series().get(1).style());
        assertEquals(Figure.Style.DASHED_LINE, f.series().get(2).style());
        assertArrayEquals(new double[] {1, 4}, f.series().get(2).x(), 0.0);
        assertArrayEquals(new double[] {9, 9}, f.series().get(2).y(), 0.0);
    }

    @Test
    void spectrumWithoutNonPositiveEntriesHasPlainLegend() {
        Figure f = Plots.spectrum("s", "λ", new double[] {3, 2, 1}, List.of()).build();
        assertEquals("observed eigenvalues", f.series().get(0).name());
        assertEquals(1, f.series().size());
    }

    @Test
    void observedVsLimitAddsIdentityLine() {
        Figure f = Plots.observedVsLimit("t", "limit", "observed",
                List.of(new Plots.Group("g1", new double[] {0, 1}, new double[] {0.1, 0.9}),
                        new Plots.Group("g2", new double[] {2}, new double[] {2.2}))).build();
        assertEquals(3, f.series().size());
        Figure.Series id = f.series().get(2);
        assertArrayEquals(new double[] {0, 2.2}, id.x(), 0.0);
        assertArrayEquals(id.x(), id.y(), 0.0);
    }

    @Test
    void rejectsUnplottableInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.spectrum("s", "λ", new double[] {0, -1}, List.of()));
        assertTrue(e.getMessage().startsWith("eigenvalues "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Plots.spectrum("s", "λ", new double[] {1, Double.NaN}, List.of()));
        assertTrue(e.getMessage().startsWith("eigenvalues[1] "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Plots.Level("l", 0, false));
        assertTrue(e.getMessage().startsWith("value "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Plots.Group("g", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("observed "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Plots.observedVsLimit("t", "x", "y", List.of()));
        assertTrue(e.getMessage().startsWith("groups "), e.getMessage());
    }
}
