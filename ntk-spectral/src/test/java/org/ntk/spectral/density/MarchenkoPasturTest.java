package org.ntk.spectral.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarchenkoPasturTest {

    /** Independent computation: the density integrated by the midpoint rule in θ, x = m + r cos θ. */
    private static double massUpTo(MarchenkoPastur mp, double x, int steps) {
        double a = mp.lowerEdge();
        double b = mp.upperEdge();
        double mid = 0.5 * (a + b);
        double rad = 0.5 * (b - a);
        double theta0 = Math.acos(Math.max(-1, Math.min(1, (x - mid) / rad)));
        double h = (Math.PI - theta0) / steps;
        double s = 0;
        for (int k = 0; k < steps; k++) {
            double th = theta0 + (k + 0.5) * h;
            double xx = mid + rad * Math.cos(th);
            s += mp.density(xx) * rad * Math.sin(th) * h;
        }
        return s;
    }

    @Test
    void edgesAndAtomAreTheClosedForms() {
        MarchenkoPastur half = MarchenkoPastur.of(0.5);
        assertEquals(Math.pow(1 - Math.sqrt(0.5), 2), half.lowerEdge(), 1e-15);
        assertEquals(Math.pow(1 + Math.sqrt(0.5), 2), half.upperEdge(), 1e-15);
        assertEquals(0.0, half.atom(), 0.0);
        MarchenkoPastur two = MarchenkoPastur.of(2, 3);
        assertEquals(3 * Math.pow(1 - Math.sqrt(2), 2), two.lowerEdge(), 1e-14);
        assertEquals(3 * Math.pow(1 + Math.sqrt(2), 2), two.upperEdge(), 1e-14);
        assertEquals(0.5, two.atom(), 0.0);
        assertEquals(3.0, two.mean(), 0.0);
    }

    @Test
    void closedFormDistributionFunctionMatchesQuadratureOfTheDensity() {
        for (double ratio : new double[] {0.3, 1, 2.5}) {
            for (double variance : new double[] {1, 0.7}) {
                MarchenkoPastur mp = MarchenkoPastur.of(ratio, variance);
                for (double f : new double[] {0.1, 0.35, 0.6, 0.9}) {
                    double x = mp.lowerEdge() + f * (mp.upperEdge() - mp.lowerEdge());
                    assertEquals(mp.atom() + massUpTo(mp, x, 20_000), mp.cdf(x), 1e-9,
                            "ratio " + ratio + ", variance " + variance + ", x " + x);
                }
                assertEquals(1.0, mp.cdf(mp.upperEdge()), 1e-14);
                assertEquals(mp.atom(), mp.cdf(0), 1e-14);
                assertEquals(0.0, mp.cdf(-1), 0.0);
            }
        }
    }

    @Test
    void quantilesInvertTheDistributionFunction() {
        for (double ratio : new double[] {0.25, 1, 4}) {
            MarchenkoPastur mp = MarchenkoPastur.of(ratio);
            for (double u : new double[] {0.01, 0.3, 0.5, 0.77, 0.99}) {
                double x = mp.quantile(u);
                if (u <= mp.atom()) {
                    assertEquals(0.0, x, 0.0);
                } else {
                    assertEquals(u, mp.cdf(x), 1e-12, "ratio " + ratio + ", u " + u);
                }
                double y = mp.nonZeroQuantile(u);
                double normalised = (mp.cdf(y) - mp.atom()) / (1 - mp.atom());
                assertEquals(u, normalised, 1e-12);
            }
            assertEquals(mp.lowerEdge(), mp.nonZeroQuantile(0), 1e-12);
            assertEquals(mp.upperEdge(), mp.nonZeroQuantile(1), 1e-12);
        }
    }

    @Test
    void quantileGridHasTheMomentsOfTheLaw() {
        // Moments of the non-zero law: MP(λ) has mean 1 and second moment 1 + λ (σ² = 1); the non-zero part has
        // mass min(1, 1/λ), so its normalised moments are 1/min(1, 1/λ) and (1 + λ)/min(1, 1/λ). The midpoint
        // quantile grid of 2000 points reproduces them to 1e-5 relative (midpoint rule in probability).
        for (double ratio : new double[] {0.5, 1, 2}) {
            MarchenkoPastur mp = MarchenkoPastur.of(ratio);
            double[] q = mp.nonZeroQuantileGrid(2000);
            double m1 = 0;
            double m2 = 0;
            for (double x : q) {
                m1 += x / q.length;
                m2 += x * x / q.length;
            }
            double mass = Math.min(1, 1 / ratio);
            assertEquals(1 / mass, m1, 1e-5 / mass, "ratio " + ratio);
            assertEquals((1 + ratio) / mass, m2, 1e-5 * (1 + ratio) / mass, "ratio " + ratio);
            for (int i = 1; i < q.length; i++) {
                assertTrue(q[i] > q[i - 1]);
            }
        }
    }

    @Test
    void rejections() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.of(0));
        assertTrue(e.getMessage().startsWith("ratio "));
        e = assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.of(1, Double.NaN));
        assertTrue(e.getMessage().startsWith("variance "));
        MarchenkoPastur mp = MarchenkoPastur.of(1);
        e = assertThrows(IllegalArgumentException.class, () -> mp.quantile(1.5));
        assertTrue(e.getMessage().startsWith("u "));
        e = assertThrows(IllegalArgumentException.class, () -> mp.nonZeroQuantile(Double.NaN));
        assertTrue(e.getMessage().startsWith("u "));
        e = assertThrows(IllegalArgumentException.class, () -> mp.nonZeroQuantileGrid(0));
        assertTrue(e.getMessage().startsWith("n "));
        // never a density of 0 (or a NaN) at an undefined point
        e = assertThrows(IllegalArgumentException.class, () -> mp.density(Double.NaN));
        assertTrue(e.getMessage().contains("x must be a number, got NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> mp.cdf(Double.NaN));
        assertTrue(e.getMessage().contains("x must be a number, got NaN"), e.getMessage());
    }
}
