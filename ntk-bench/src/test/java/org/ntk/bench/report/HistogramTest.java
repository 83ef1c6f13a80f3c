package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void countsAndDensities() {
        // hand count: bins [0,1), [1,2), [2,3]; 3 is in the last bin, -1 and 4 are outside
        Histogram h = Histogram.of(new double[] {0, 0.5, 1, 2.5, 3, -1, 4}, 3, 0, 3);
        assertArrayEquals(new long[] {2, 1, 2}, h.counts());
        assertEquals(2, h.outside());
        assertEquals(7, h.count());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, h.centres(), 1e-15);
        assertArrayEquals(new double[] {2.0 / 7, 1.0 / 7, 2.0 / 7}, h.densities(), 1e-15);
    }

    @Test
    void ownRangeIntegratesToOne() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i) * i;
        }
        Histogram h = Histogram.of(v, 17);
        double s = 0;
        for (double dens : h.densities()) {
            s += dens * h.binWidth();
        }
        assertEquals(1.0, s, 1e-12);
        assertEquals(0, h.outside());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(new double[] {1, Double.NaN}, 3));
        assertTrue(e.getMessage().startsWith("values[1] "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 0));
        assertTrue(e.getMessage().startsWith("bins "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(new double[] {1}, 2, 1, 1));
        assertTrue(e.getMessage().startsWith("hi "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[0], 2));
        assertTrue(e.getMessage().startsWith("values "), e.getMessage());
    }
}
