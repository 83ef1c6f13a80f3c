package org.ntk.core.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.sampling.Gaussians;

/**
 * The analytic kernels against their defining expectations (MATH.md §1, §3.2, §6.2), estimated by
 * Monte Carlo. Each estimate is a mean of N i.i.d. terms; the tolerance is 5 standard errors computed from
 * the sample itself.
 */
class MonteCarloKernelTest {

    private static final int D = 7;
    private static final int N = 400_000;

    /** Running mean and standard error of i.i.d. terms. */
    private static final class Mean {
        private double sum;
        private double sumSq;
        private long count;

        void add(double v) {
            sum += v;
            sumSq += v * v;
            count++;
        }

        double mean() {
            return sum / count;
        }

        double standardError() {
            double m = mean();
            double var = (sumSq / count - m * m) * count / (count - 1.0);
            return Math.sqrt(var / count);
        }
    }

    private static void assertWithin(double expected, Mean mc, String what) {
        double se = mc.standardError();
        assertTrue(se > 0, what + ": degenerate sample");
        double err = Math.abs(mc.mean() - expected);
        assertTrue(err <= 5 * se, what + ": |MC − closed form| = " + err + " > 5·SE = " + 5 * se
                + " (MC " + mc.mean() + ", closed form " + expected + ")");
    }

    @Test
    void arcCosineKernelsAreTheExpectationsOverGaussianWeights() {
        // E_{w~N(0,I_7)}[step(w·x) step(w·y)] and E_w[ReLU(w·x) ReLU(w·y)], N = 4e5 draws, tol 5·SE.
        double[][] pts = Gaussians.standardNormal(3, D, 11);
        double[][] pairs = {pts[0], pts[1], pts[0], pts[2], pts[1], pts[2]};
        Gaussians g = new Gaussians(12);
        for (int p = 0; p < pairs.length; p += 2) {
            double[] x = pairs[p];
            double[] y = pairs[p + 1];
            Mean step = new Mean();
            Mean relu = new Mean();
            double[] w = new double[D];
            for (int s = 0; s < N; s++) {
                for (int k = 0; k < D; k++) {
                    w[k] = g.next();
                }
                double a = ReferenceKernels.dot(w, x);
                double b = ReferenceKernels.dot(w, y);
                step.add(a > 0 && b > 0 ? 1 : 0);
                relu.add(Math.max(a, 0) * Math.max(b, 0));
            }
            assertWithin(Kernels.arcCosine(0).value(x, y), step, "arccos0 pair " + p / 2);
            assertWithin(Kernels.arcCosine(1).value(x, y), relu, "arccos1 pair " + p / 2);
        }
    }

    @Test
    void ntk2IsTheLimitOfTheFiniteWidthBothLayersNtk() {
        // MATH.md §3.2: Θ_m(x, y) = (1/m) Σ_j [ReLU(w_j·x)ReLU(w_j·y) + v_j² step(w_j·x)step(w_j·y)(x·y)]
        // with w_j ~ N(0, I_7), v_j ~ N(0, 1); its expectation is ntk2 for every m. m = 4e5 units,
        // tol 5·SE of the mean over units.
        double[][] pts = Gaussians.standardNormal(2, D, 21);
        double[] x = pts[0];
        double[] y = pts[1];
        // Also an obtuse pair, where the step term is small.
        double[] z = x.clone();
        for (int k = 0; k < D; k++) {
            z[k] = -x[k] + 0.6 * y[k];
        }
        Gaussians g = new Gaussians(22);
        for (double[] other : new double[][] {y, z}) {
            double xy = ReferenceKernels.dot(x, other);
            Mean theta = new Mean();
            double[] w = new double[D];
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < D; k++) {
                    w[k] = g.next();
                }
                double v = g.next();
                double a = ReferenceKernels.dot(w, x);
                double b = ReferenceKernels.dot(w, other);
                double term = Math.max(a, 0) * Math.max(b, 0) + (a > 0 && b > 0 ? v * v * xy : 0);
                theta.add(term);
            }
            assertWithin(Kernels.twoLayerNtk().value(x, other), theta, "ntk2");
        }
    }

    @Test
    void deepKernelsAreTheirLayerExpectationsOverTheGaussianProcess() {
        // MATH.md §6.2 (c_σ = 2): with (u, v) ~ N(0, [[‖x‖², G], [G, ‖y‖²]]) and G = G^(l−1)(x, y),
        //   G^(l)(x, y) = 2 E[ReLU(u) ReLU(v)]   and   K^(l)(x, y) = E[K^(l−1)(x, y)·2 step(u)step(v) + 2 ReLU(u)ReLU(v)],
        // with G^(1) = K^(1) = x·y. The previous layer is the library's own depth l − 2 kernel (checked
        // here at the previous l, so by induction every depth rests on x·y). deepNngp(h) = G^(h+1),
        // deepNtk(h) = K^(h+1); h = 1..4, three pairs (acute, near-orthogonal, obtuse) in d = 7.
        // N = 4e5 draws of (u, v) per pair and depth, tol 5·SE from the sample.
        double[][] pts = Gaussians.standardNormal(3, D, 31);
        double[] obtuse = new double[D];
        double[] acute = new double[D];
        for (int k = 0; k < D; k++) {
            obtuse[k] = -pts[0][k] + 0.4 * pts[1][k];
            acute[k] = 2 * pts[0][k] + 0.5 * pts[2][k];
        }
        double[][] pairs = {pts[0], acute, pts[0], pts[1], pts[0], obtuse};
        Gaussians g = new Gaussians(32);
        for (int p = 0; p < pairs.length; p += 2) {
            double[] x = pairs[p];
            double[] y = pairs[p + 1];
            double nx = Math.sqrt(ReferenceKernels.dot(x, x));
            double ny = Math.sqrt(ReferenceKernels.dot(y, y));
            for (int h = 1; h <= 4; h++) {
                double prevG = h == 1 ? ReferenceKernels.dot(x, y) : Kernels.deepNngp(h - 1).value(x, y);
                double prevK = h == 1 ? ReferenceKernels.dot(x, y) : Kernels.deepNtk(h - 1).value(x, y);
                double rho = prevG / (nx * ny);
                double perp = Math.sqrt(Math.max(0, 1 - rho * rho));
                Mean nngp = new Mean();
                Mean ntk = new Mean();
                for (int s = 0; s < N; s++) {
                    double z1 = g.next();
                    double z2 = g.next();
                    double u = nx * z1;
                    double v = ny * (rho * z1 + perp * z2);
                    double relu = 2 * Math.max(u, 0) * Math.max(v, 0);
                    nngp.add(relu);
                    ntk.add(prevK * (u > 0 && v > 0 ? 2 : 0) + relu);
                }
                String what = "pair " + p / 2 + ", h = " + h;
                assertWithin(Kernels.deepNngp(h).value(x, y), nngp, "deep-nngp " + what);
                assertWithin(Kernels.deepNtk(h).value(x, y), ntk, "deep-ntk " + what);
            }
        }
    }
}
