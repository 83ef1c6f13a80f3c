package org.ntk.spectral.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ScaleLawTest {

    @Test
    void parseAndPrintRoundTrip() {
        assertTrue(ScaleLaw.parse("identity").isIdentity());
        assertTrue(ScaleLaw.parse(" IDENTITY ").isIdentity());
        ScaleLaw u = ScaleLaw.parse("uniform:0.5:1.5");
        assertEquals(ScaleLaw.uniform(0.5, 1.5), u);
        assertEquals("uniform:0.5:1.5", u.toString());
        assertEquals(u, ScaleLaw.parse(u.toString()));
        assertEquals("identity", ScaleLaw.identity().toString());
    }

    @Test
    void secondMomentsAreClosedFormsAndMatchSampling() {
        // E[D²] for U[a, b] = (a² + ab + b²)/3; Monte Carlo with 200 000 draws within 5 standard errors.
        assertEquals(1.0, ScaleLaw.identity().secondMoment(), 0.0);
        ScaleLaw u = ScaleLaw.uniform(0.5, 1.5);
        assertEquals((0.25 + 0.75 + 2.25) / 3, u.secondMoment(), 1e-15);
        double[] d = u.sample(200_000, new SplittableRandom(3));
        double s = 0;
        double s2 = 0;
        for (double v : d) {
            assertTrue(v >= 0.5 && v < 1.5);
            s += v * v;
            s2 += v * v * v * v;
        }
        double mean = s / d.length;
        double se = Math.sqrt((s2 / d.length - mean * mean) / d.length);
        assertEquals(u.secondMoment(), mean, 5 * se);
        assertArrayEquals(new double[] {1, 1, 1}, ScaleLaw.identity().sample(3, new SplittableRandom(1)), 0.0);
    }

    @Test
    void rejections() {
        for (String bad : new String[] {"", "uniform", "uniform:1", "uniform:2:1", "uniform:a:b", "normal:0:1",
            "uniform:0:Infinity"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScaleLaw.parse(bad));
            assertTrue(e.getMessage().startsWith("scales "), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScaleLaw.uniform(1, 1));
        assertTrue(e.getMessage().startsWith("b "));
        e = assertThrows(IllegalArgumentException.class, () -> ScaleLaw.uniform(Double.NaN, 1));
        assertTrue(e.getMessage().startsWith("a "));
        e = assertThrows(IllegalArgumentException.class,
                () -> ScaleLaw.identity().sample(0, new SplittableRandom(1)));
        assertTrue(e.getMessage().startsWith("p "));
        assertThrows(NullPointerException.class, () -> ScaleLaw.parse(null));
    }
}
