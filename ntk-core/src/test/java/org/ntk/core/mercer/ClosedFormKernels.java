package org.ntk.core.mercer;

import java.util.function.DoubleUnaryOperator;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.KernelMatrix;

/**
 * Test-only kernels with closed-form profiles, written here independently of the library's
 * {@code Kernels} (MATH.md §1, §3.2, §6.2): kappa0, kappa1, ntk2 = kappa1 + t·kappa0 (written with one
 * arccos) and the deep
 * recursion on unit vectors g_1 = t, g_l = 2 kappa1(g_{l−1}), ġ_l = 2 kappa0(g_{l−1}), K_1 = t,
 * K_l = K_{l−1} ġ_l + g_l.
 */
public final class ClosedFormKernels {

    private ClosedFormKernels() {
    }

    /** kappa1(t) = (√(1−t²) + (π − arccos t) t)/(2π). */
    public static double kappa1(double t) {
        return (Math.sqrt((1 - t) * (1 + t)) + (Math.PI - Math.acos(t)) * t) / (2 * Math.PI);
    }

    /** kappa0(t) = (π − arccos t)/(2π). */
    public static double kappa0(double t) {
        return (Math.PI - Math.acos(t)) / (2 * Math.PI);
    }

    /** K_{L} (ntk) or g_{L} of the deep recursion at cosine t. */
    public static double deep(double t, int layers, boolean ntk) {
        double g = t;
        double k = t;
        for (int l = 2; l <= layers; l++) {
            double rest = Math.PI - Math.acos(g); // one arccos per layer for both kappa0 and kappa1
            double gDot = rest / Math.PI;
            double gNew = (Math.sqrt((1 - g) * (1 + g)) + rest * g) / Math.PI;
            k = k * gDot + gNew;
            g = Math.min(1, gNew);
        }
        return ntk ? k : g;
    }

    public static HomogeneousKernel arccos0() {
        return custom("arccos0", 0, ClosedFormKernels::kappa0);
    }

    public static HomogeneousKernel arccos1() {
        return custom("arccos1", 1, ClosedFormKernels::kappa1);
    }

    public static HomogeneousKernel ntk2() {
        return custom("ntk2", 1, t -> (Math.sqrt((1 - t) * (1 + t)) + 2 * (Math.PI - Math.acos(t)) * t) / (2 * Math.PI));
    }

    /** deepNtk(h) = K_{h+1}. */
    public static HomogeneousKernel deepNtk(int hidden) {
        return custom("deep-ntk", 1, t -> deep(t, hidden + 1, true));
    }

    /** deepNngp(h) = g_{h+1}. */
    public static HomogeneousKernel deepNngp(int hidden) {
        return custom("deep-nngp", 1, t -> deep(t, hidden + 1, false));
    }

    /** The same kernel under another name (so that it is not recognised: quadrature only). */
    public static HomogeneousKernel renamed(HomogeneousKernel k, String name) {
        return custom(name, k.radialDegree(), k::profile);
    }

    /** A kernel (‖x‖‖y‖)^p h(x̂·ŷ) with the given profile (t clamped to [−1, 1]). */
    public static HomogeneousKernel custom(String name, int p, DoubleUnaryOperator h) {
        return new HomogeneousKernel() {
            @Override
            public double profile(double t) {
                return h.applyAsDouble(Math.max(-1, Math.min(1, t)));
            }

            @Override
            public int radialDegree() {
                return p;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public double value(double[] x, double[] y) {
                double xx = 0;
                double yy = 0;
                double xy = 0;
                for (int i = 0; i < x.length; i++) {
                    xx += x[i] * x[i];
                    yy += y[i] * y[i];
                    xy += x[i] * y[i];
                }
                if (xx == 0 || yy == 0) {
                    return 0;
                }
                double r = Math.sqrt(xx * yy);
                double v = profile(xy / r);
                return p == 1 ? r * v : v;
            }

            @Override
            public KernelMatrix gram(double[][] x) {
                int n = x.length;
                double[] a = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        double v = value(x[i], x[j]);
                        a[i * n + j] = v;
                        a[j * n + i] = v;
                    }
                }
                return DenseKernelMatrix.wrapSymmetric(n, a);
            }

            @Override
            public KernelMatrix gram(double[][] x, int threads) {
                return gram(x);
            }

            @Override
            public double[][] cross(double[][] x, double[][] y) {
                double[][] c = new double[x.length][y.length];
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j < y.length; j++) {
                        c[i][j] = value(x[i], y[j]);
                    }
                }
                return c;
            }
        };
    }
}
