package org.ntk.core.fisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.basis.EigenfunctionBasis;
import org.ntk.core.mercer.Sphere;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.sampling.Gaussians;

class TheoremLimitTest {

    private static List<TheoremLimit> allFamilies(int d, WeightScale s) {
        return List.of(TheoremLimits.uniform(d, s), TheoremLimits.radial(d, s), TheoremLimits.row(d, s, 0),
                TheoremLimits.product(d, s, 0, 1), TheoremLimits.normalisedProduct(d, s, 0, 1),
                TheoremLimits.difference(d, s, 1, 0), TheoremLimits.normalisedDifference(d, s, 1, 0),
                TheoremLimits.centredSquare(d, s, 0));
    }

    @Test
    void constantsOfMath94() {
        // MATH.md §9.4 (VAR-1/d): G1 c_d, uniform 1/√(2πd), G2 1/(2√d), G3 1/√(2πd),
        // G3 exact √(d(d+2)) c_d/(d+1), G3' 1/(2√(2πd)); 10 decimals
        int[] dims = {2, 3, 5, 10, 100};
        double[][] table = {
            {0.3183098862, 0.2820947918, 0.3535533906, 0.2820947918, 0.3001054387, 0.1410473959},
            {0.25, 0.2303294330, 0.2886751346, 0.2303294330, 0.2420614591, 0.1151647165},
            {0.1875, 0.1784124116, 0.2236067977, 0.1784124116, 0.1848774932, 0.0892062058},
            {0.1293449696, 0.1261566261, 0.1581138830, 0.1261566261, 0.1288093774, 0.0630783131},
            {0.0399940867, 0.0398942280, 0.05, 0.0398942280, 0.0399921264, 0.0199471140},
        };
        for (int i = 0; i < dims.length; i++) {
            int d = dims[i];
            WeightScale f = WeightScale.FAN_IN;
            double[] actual = {TheoremLimits.radial(d, f).constant(), TheoremLimits.uniform(d, f).constant(),
                TheoremLimits.row(d, f, 1).constant(), TheoremLimits.product(d, f, 0, 1).constant(),
                TheoremLimits.normalisedProduct(d, f, 0, 1).constant(), TheoremLimits.difference(d, f, 1, 0).constant()};
            for (int c = 0; c < actual.length; c++) {
                assertEquals(table[i][c], actual[c], 0.6e-10, "d = " + d + " column " + c);
            }
            // VAR-1: √d times (MATH.md §4)
            List<TheoremLimit> fan = allFamilies(d, f);
            List<TheoremLimit> std = allFamilies(d, WeightScale.STANDARD);
            for (int k = 0; k < fan.size(); k++) {
                assertEquals(Math.sqrt(d) * fan.get(k).constant(), std.get(k).constant(), 1e-15 * std.get(k).constant());
            }
        }
        assertEquals(0.5, TheoremLimits.row(7, WeightScale.STANDARD, 3).constant(), 1e-15, "VAR-1 row: x_l/2");
    }

    @Test
    void squaredNormsOfTheLimitsAreTheClusterEigenvalues() {
        // ‖limit‖² in L²(N(0, I_d)) = constant² E[F²] = J-eigenvalue/m (MATH.md §4 consistency checks);
        // E[F²] from the basis moments of §3.4
        for (int d : new int[] {2, 3, 6, 40}) {
            List<ClusterPrediction> p = ClusterPrediction.of(d, 1, WeightScale.FAN_IN);
            EigenfunctionBasis b = EigenfunctionBasis.of(d, 1);
            double radial = b.secondMoment(0);
            double linear = b.secondMoment(1);
            double product = b.secondMoment(1 + d);
            double diagonal = b.secondMoment(1 + d + d * (d - 1) / 2);
            WeightScale f = WeightScale.FAN_IN;
            assertEquals(p.get(0).exactLimit(), sq(TheoremLimits.radial(d, f)) * radial, 1e-15);
            assertEquals(p.get(1).exactLimit(), sq(TheoremLimits.row(d, f, 0)) * linear, 1e-15);
            assertEquals(p.get(2).exactLimit(), sq(TheoremLimits.normalisedProduct(d, f, 0, 1)) * product, 1e-15);
            assertEquals(p.get(2).exactLimit(), sq(TheoremLimits.normalisedDifference(d, f, 1, 0)) * diagonal, 1e-15);
            // the Gaussian-polynomial vectors have Rayleigh quotient m/(2πd(d+2)) = the papers' value
            assertEquals(p.get(2).papersValue(), sq(TheoremLimits.product(d, f, 0, 1)) * product, 1e-15);
            assertEquals(p.get(2).papersValue(), sq(TheoremLimits.difference(d, f, 1, 0)) * diagonal, 1e-15);
        }
    }

    private static double sq(TheoremLimit l) {
        return l.constant() * l.constant();
    }

    @Test
    void limitsAreTheWeightExpectationsByMonteCarlo() {
        // limit(x) = E_w[h(w) φ(w·x)] / √E_w[h²] (MATH.md §4), w ~ N(0, I/d): Monte Carlo over N = 10⁶
        // draws of w, tolerance 5 standard errors (numerator and E[h²] checked separately; the exact
        // E[h²] of the §4 table is used in the quotient)
        int d = 4;
        int n = 1_000_000;
        double[][] w = Gaussians.matrix(n, d, 1.0 / d, 99);
        double[][] xs = Gaussians.standardNormal(2, d, 100);
        double beta = Sphere.chiMoment(d, 3) / Math.pow(d, 1.5) / d;
        double[] hSquared = {1, 1, 1.0 / d, 1.0 / (d * d), 1.0 / (d * (d + 2.0)), 4.0 / (d * d), 4.0 / (d * (d + 2.0)),
            3.0 / (d * d) - beta * beta};
        List<TheoremLimit> limits = allFamilies(d, WeightScale.FAN_IN);
        for (int f = 0; f < limits.size(); f++) {
            TheoremLimit l = limits.get(f);
            double s2 = 0;
            double s4 = 0;
            double[] sum = new double[xs.length];
            double[] sumSq = new double[xs.length];
            for (double[] wi : w) {
                double h = l.weight(wi);
                s2 += h * h;
                s4 += h * h * h * h;
                for (int i = 0; i < xs.length; i++) {
                    double z = 0;
                    for (int a = 0; a < d; a++) {
                        z += wi[a] * xs[i][a];
                    }
                    double v = z > 0 ? h * z : 0;
                    sum[i] += v;
                    sumSq[i] += v * v;
                }
            }
            double m2 = s2 / n;
            assertEquals(hSquared[f], m2, 5 * Math.sqrt((s4 / n - m2 * m2) / n) + 1e-15, l.name() + " E[h²]");
            for (int i = 0; i < xs.length; i++) {
                double mean = sum[i] / n;
                double se = Math.sqrt((sumSq[i] / n - mean * mean) / n);
                double root = Math.sqrt(hSquared[f]);
                assertEquals(l.limit(xs[i]), mean / root, 5 * se / root, l.name() + " at x" + i);
            }
        }
    }

    @Test
    void meanAbsoluteErrorDecaysLikeInverseSquareRootOfWidth() {
        // MATH.md §4: fluctuations O(m^{−1/2}); from m = 1000 to 16000 the MAE should shrink ≈ 4-fold.
        // One network's error is a smooth random function, so its MAE is ≈ |Z|·const with Z ~ N(0, 1)
        // (coefficient of variation ≈ 0.75): average over 10 independent networks per width and 7
        // families, and accept a ratio in [2, 8] (decay exponent between 1/4 and 3/4, ≈ ±3.5 standard
        // deviations of the log-ratio)
        int d = 5;
        int[] widths = {1000, 16000};
        int networks = 10;
        double[] mae = new double[2];
        double[][] test = Gaussians.standardNormal(200, d, 500);
        for (int s = 0; s < 2; s++) {
            for (long seed = 1; seed <= networks; seed++) {
                ReluNetwork net = ReluNetwork.random(d, widths[s], WeightScale.FAN_IN, seed + 1000L * s);
                List<TheoremLimit> limits = allFamilies(d, WeightScale.FAN_IN).subList(1, 8);
                double[][] u = new double[limits.size()][];
                for (int k = 0; k < u.length; k++) {
                    u[k] = limits.get(k).vector(net);
                }
                for (double e : TheoremLimits.meanAbsoluteErrors(net, u, limits, test)) {
                    mae[s] += e / (7 * networks);
                }
            }
        }
        double ratio = mae[0] / mae[1];
        assertTrue(ratio > 2 && ratio < 8, "MAE ratio " + ratio + " (" + mae[0] + " → " + mae[1] + ")");
        // and at m = 16000 the outputs track their limits (MAE well below the limits' own mean size)
        ReluNetwork net = ReluNetwork.random(d, 16000, WeightScale.FAN_IN, 77);
        List<TheoremLimit> all = allFamilies(d, WeightScale.FAN_IN);
        double[][] u = new double[all.size()][];
        for (int k = 0; k < u.length; k++) {
            u[k] = all.get(k).vector(net);
        }
        double[] errors = TheoremLimits.meanAbsoluteErrors(net, u, all, test);
        for (int k = 0; k < u.length; k++) {
            assertTrue(errors[k] < 0.5 * meanAbsolute(all.get(k).limits(test)), all.get(k).name() + ": " + errors[k]);
        }
    }

    private static double meanAbsolute(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.abs(x);
        }
        return s / v.length;
    }

    @Test
    void signIsAlignedAndOutputsAreScaled() {
        ReluNetwork net = ReluNetwork.random(3, 500, WeightScale.FAN_IN, 8);
        TheoremLimit l = TheoremLimits.row(3, WeightScale.FAN_IN, 2);
        double[][] test = Gaussians.standardNormal(50, 3, 9);
        double[] u = l.vector(net);
        double[] minus = new double[u.length];
        double[] scaled = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            minus[j] = -u[j];
            scaled[j] = 3 * u[j];
        }
        double e = TheoremLimits.meanAbsoluteError(net, u, l, test);
        assertEquals(e, TheoremLimits.meanAbsoluteError(net, minus, l, test), 1e-15);
        TheoremLimit other = TheoremLimits.radial(3, WeightScale.FAN_IN);
        double[] batch = TheoremLimits.meanAbsoluteErrors(net, new double[][] {u, other.vector(net)}, List.of(l, other), test);
        assertEquals(e, batch[0], 1e-15);
        assertEquals(TheoremLimits.meanAbsoluteError(net, other.vector(net), other, test), batch[1], 1e-15);
        assertEquals(e, TheoremLimits.meanAbsoluteError(net, scaled, l, test), 1e-15);
        // g_u(x)/√m by hand at one point
        double[][] w = net.hiddenWeights();
        double g = 0;
        for (int j = 0; j < w.length; j++) {
            double z = w[j][0] * test[0][0] + w[j][1] * test[0][1] + w[j][2] * test[0][2];
            g += Math.max(z, 0) * u[j];
        }
        assertEquals(g / Math.sqrt(500), TheoremLimits.scaledOutputs(net, u, test)[0], 1e-14);
        // u1 of the families class is the RADIAL limit's vector
        double[] u1 = FimEigenvectorFamilies.of(net).radial();
        double[] r = TheoremLimits.radial(3, WeightScale.FAN_IN).vector(net);
        for (int j = 0; j < u1.length; j++) {
            assertEquals(u1[j], r[j], 1e-15);
        }
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TheoremLimits.product(3, WeightScale.FAN_IN, 1, 1));
        assertTrue(e.getMessage().startsWith("b "));
        e = assertThrows(IllegalArgumentException.class, () -> TheoremLimits.row(3, WeightScale.FAN_IN, 3));
        assertTrue(e.getMessage().startsWith("a "));
        e = assertThrows(IllegalArgumentException.class, () -> TheoremLimits.radial(0, WeightScale.FAN_IN));
        assertTrue(e.getMessage().startsWith("d "));
        assertThrows(NullPointerException.class, () -> TheoremLimits.radial(3, null));
        ReluNetwork net = ReluNetwork.random(3, 10, WeightScale.FAN_IN, 1);
        TheoremLimit l = TheoremLimits.radial(3, WeightScale.FAN_IN);
        double[][] test = Gaussians.standardNormal(4, 3, 2);
        e = assertThrows(IllegalArgumentException.class, () -> TheoremLimits.meanAbsoluteError(net, new double[10], l, test));
        assertTrue(e.getMessage().startsWith("u "));
        e = assertThrows(IllegalArgumentException.class, () -> TheoremLimits.meanAbsoluteError(net, new double[9], l, test));
        assertTrue(e.getMessage().startsWith("u "));
        e = assertThrows(IllegalArgumentException.class, () -> TheoremLimits.meanAbsoluteError(net, l.vector(net),
                TheoremLimits.radial(4, WeightScale.FAN_IN), test));
        assertTrue(e.getMessage().startsWith("limit "));
        e = assertThrows(IllegalArgumentException.class, () -> TheoremLimits.meanAbsoluteErrors(net,
                new double[][] {l.vector(net)}, List.of(l, l), test));
        assertTrue(e.getMessage().startsWith("limits "));
        e = assertThrows(IllegalArgumentException.class,
                () -> TheoremLimits.meanAbsoluteError(net, l.vector(net), l, new double[][] {{1, 2}}));
        assertTrue(e.getMessage().startsWith("testPoints "));
        e = assertThrows(IllegalArgumentException.class, () -> l.vector(ReluNetwork.random(4, 10, WeightScale.FAN_IN, 1)));
        assertTrue(e.getMessage().startsWith("net "));
        e = assertThrows(IllegalArgumentException.class, () -> l.limit(new double[] {1, Double.NaN, 0}));
        assertTrue(e.getMessage().startsWith("x["));
    }
}
