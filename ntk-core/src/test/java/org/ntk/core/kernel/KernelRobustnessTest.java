package org.ntk.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.sampling.Gaussians;

/**
 * Every kernel on zero, tiny (1e−300), huge (1e+300) and mixed-magnitude vectors, and the deep
 * kernels at depth 100: results are finite, zero vectors give exactly 0, scaling by powers of two is
 * exact, and a value that cannot be represented is refused with a message rather than returned as ∞
 * or NaN.
 */
class KernelRobustnessTest {

    private static final List<HomogeneousKernel> KERNELS = List.of(Kernels.arcCosine(0), Kernels.arcCosine(1),
            Kernels.twoLayerNtk(), Kernels.deepNtk(1), Kernels.deepNtk(3), Kernels.deepNngp(2), Kernels.deepNtk(100),
            Kernels.deepNngp(100));

    private static final int D = 5;

    private static double[] scaled(double[] v, double s) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] * s;
        }
        return r;
    }

    @Test
    void zeroVectorsGiveExactlyZeroRowsAndColumns() {
        double[][] x = Gaussians.standardNormal(7, D, 3);
        x[2] = new double[D];
        x[5] = scaled(x[5], 1e-300);
        for (HomogeneousKernel k : KERNELS) {
            assertEquals(0.0, k.value(new double[D], x[0]), k.toString());
            assertEquals(0.0, k.value(x[0], new double[D]), k.toString());
            assertEquals(0.0, k.value(new double[D], new double[D]), k.toString());
            KernelMatrix g = k.gram(x, 2);
            for (int j = 0; j < x.length; j++) {
                assertEquals(0.0, g.get(2, j), k + " row 2, column " + j);
                assertEquals(0.0, g.get(j, 2), k + " column 2, row " + j);
            }
            for (double v : g.toArray()) {
                assertTrue(Double.isFinite(v), k.toString());
            }
            KernelMatrix implicit = ImplicitKernelMatrix.of(k, x, 2);
            for (int j = 0; j < x.length; j++) {
                assertEquals(0.0, implicit.get(2, j), k.toString());
            }
        }
    }

    /**
     * Scaling x by 2^−1000 and y by 2^+1000 changes no bit of any kernel value (PointSet scales every
     * point by a power of two before the inner products), and scaling both by 2^−1000 changes a
     * radial-degree-0 value by no bit either.
     */
    @Test
    void powerOfTwoScalingIsExactAtBothEndsOfTheRange() {
        double[][] x = Gaussians.standardNormal(6, D, 11);
        double down = 0x1p-1000;
        double up = 0x1p1000;
        for (HomogeneousKernel k : KERNELS) {
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    double ref = k.value(x[i], x[j]);
                    assertEquals(ref, k.value(scaled(x[i], down), scaled(x[j], up)), k + " (" + i + ", " + j + ")");
                    if (k.radialDegree() == 0) {
                        assertEquals(ref, k.value(scaled(x[i], down), scaled(x[j], down)), k.toString());
                    }
                }
            }
        }
    }

    /**
     * Tiny (1e−300) and huge (1e+300) vectors paired with each other, or tiny with tiny: finite values,
     * equal to the unit-scale value times the radial factor (closed form of the homogeneity
     * k(ax, by) = (ab)^p k(x, y)); tiny·tiny radial factors underflow to 0, correctly. Scaling by 1e±300
     * rounds each coordinate (relative ε), which moves a cosine by a few ε: off the diagonal (|t| &lt; 1)
     * that changes the value by about 1e−15 relative (tolerance 1e−13); on the diagonal t = 1 − δ with
     * δ ≤ 4ε, where arccos has an infinite slope, θ = √(2δ) ≤ √(8ε) and each of the L layers of a deep
     * NTK loses about θ/π of its K_l, so the value moves by up to max(1, h(1))·√(8ε)/π relative
     * (h(1) = L for the deep NTK; 1.3e−8 for the two-layer kernels, 1.4e−6 at depth 100).
     */
    @Test
    void tinyAndHugeVectorsGiveFiniteHomogeneousValues() {
        double[][] x = Gaussians.standardNormal(5, D, 12);
        for (HomogeneousKernel k : KERNELS) {
            int p = k.radialDegree();
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    double ref = k.value(x[i], x[j]);
                    double diagonal = Math.max(1, k.profile(1)) * Math.sqrt(8 * Math.ulp(1.0)) / Math.PI;
                    double tol = (i == j ? diagonal : 1e-13) * Math.abs(ref);
                    double mixed = k.value(scaled(x[i], 1e-300), scaled(x[j], 1e300));
                    assertEquals(ref, mixed, tol, k + " tiny·huge");
                    double tiny = k.value(scaled(x[i], 1e-300), scaled(x[j], 1e-300));
                    assertTrue(Double.isFinite(tiny), k + " tiny·tiny " + tiny);
                    if (p == 0) {
                        assertEquals(ref, tiny, tol, k.toString());
                        assertEquals(ref, k.value(scaled(x[i], 1e300), scaled(x[j], 1e300)), tol, k.toString());
                    } else {
                        assertEquals(0.0, tiny, Double.MIN_VALUE * 4, k.toString());
                    }
                }
            }
            // a Gram matrix over all magnitudes at once: finite, exactly symmetric
            double[][] mixed = {x[0], scaled(x[1], 1e-300), scaled(x[2], 1e150), scaled(x[3], 1e-150), new double[D]};
            KernelMatrix g = k.gram(mixed, 3);
            for (int i = 0; i < mixed.length; i++) {
                for (int j = 0; j < mixed.length; j++) {
                    assertTrue(Double.isFinite(g.get(i, j)), k.toString());
                    assertEquals(g.get(i, j), g.get(j, i));
                }
            }
        }
    }

    /**
     * A radial-degree-1 kernel value ‖x‖‖y‖·h(t) of two vectors of norm 1e300 is about 1e600, beyond
     * the double range: the value, the Gram matrix, the cross matrix and the implicit matrix refuse it
     * with a message naming the argument, instead of returning ∞ (or NaN = ∞·0 for t = −1).
     */
    @Test
    void valuesBeyondTheDoubleRangeAreRefusedNotReturnedAsInfinity() {
        double[] u = Gaussians.standardNormal(1, D, 13)[0];
        double[] huge = scaled(u, 1e300);
        double[] opposite = scaled(u, -1e300);
        for (HomogeneousKernel k : KERNELS) {
            if (k.radialDegree() == 0) {
                assertTrue(Double.isFinite(k.value(huge, opposite)));
                assertTrue(Double.isFinite(k.gram(new double[][] {huge, opposite}).get(0, 1)));
                continue;
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.value(huge, opposite));
            assertTrue(e.getMessage().startsWith("x and y too large"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> k.gram(new double[][] {u, huge}));
            assertTrue(e.getMessage().startsWith("x[1] too large"), e.getMessage());
            assertTrue(e.getMessage().contains("overflows the double range"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> ImplicitKernelMatrix.of(k, new double[][] {huge}));
            assertTrue(e.getMessage().startsWith("x[0] too large"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> k.cross(new double[][] {huge}, new double[][] {huge}));
            assertTrue(e.getMessage().startsWith("x and y too large"), e.getMessage());
            // the largest norm that still fits: k(x, x) = ‖x‖²·h(1) just below the range is returned
            double h1 = k.profile(1);
            double[] big = scaled(u, 0.5 * Math.sqrt(Double.MAX_VALUE) / Math.sqrt(h1) / norm(u));
            double v = k.value(big, big);
            assertTrue(Double.isFinite(v) && v > 0.2 * Double.MAX_VALUE, k + ": " + v);
            assertTrue(Double.isFinite(k.gram(new double[][] {big, u}).get(0, 0)));
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * Depth 100 (the deepest the issue asks for): the profiles are finite on a fine grid of [−1, 1] and
     * between 0 and h(1), with h(1) = L = 101 for the NTK and 1 for the NNGP (MATH.md §6.2); the NNGP
     * profile is non-decreasing (a composition of the non-decreasing map kappa1_nrm; the NTK profile
     * is not: K_2(t) = t·kappa0_nrm(t) + kappa1_nrm(t) falls near t = −1, and is even negative there,
     * so h ≥ 0 is a property of depth ≥ 2 only). The Gram matrix has the diagonal L‖x_i‖² (resp.
     * ‖x_i‖²) and every entry in [0, L‖x_i‖‖x_j‖].
     */
    @Test
    void deepKernelsAtDepthOneHundredStayFiniteAndInRange() {
        for (HomogeneousKernel k : List.of(Kernels.deepNtk(100), Kernels.deepNngp(100), Kernels.deepNtk(60))) {
            double top = k instanceof DeepReluNtkKernel ? ((DeepReluNtkKernel) k).hiddenLayers() + 1 : 1;
            assertEquals(top, k.profile(1), 1e-13 * top, k.toString());
            double prev = -1;
            for (int i = 0; i <= 4000; i++) {
                double t = -1 + i / 2000.0;
                double h = k.profile(t);
                assertTrue(Double.isFinite(h) && h >= 0 && h <= top * (1 + 1e-15), k + " h(" + t + ") = " + h);
                if (k instanceof DeepReluNngpKernel) {
                    assertTrue(h >= prev, k + " not monotone at t = " + t);
                }
                prev = h;
            }
            double[][] x = Gaussians.matrix(60, 8, 4.0, 21);
            KernelMatrix g = k.gram(x, 2);
            for (int i = 0; i < x.length; i++) {
                double ni = norm(x[i]);
                assertEquals(top * ni * ni, g.get(i, i), 1e-12 * top * ni * ni, k.toString());
                for (int j = 0; j < x.length; j++) {
                    double v = g.get(i, j);
                    assertTrue(v >= 0 && v <= top * ni * norm(x[j]) * (1 + 1e-12), k + " entry " + v);
                }
            }
        }
    }

    /** Cosines of parallel and antiparallel vectors round outside [−1, 1]; the clamp keeps acos defined. */
    @Test
    void cosinesAreClampedForParallelAndAntiparallelVectors() {
        double[] a = {0.1, 0.7, 1.3, 1e-3, 3.3};
        for (HomogeneousKernel k : KERNELS) {
            for (double s : new double[] {3.0, 1.0 / 3, 7.1, -3.0, -1.0 / 7}) {
                double v = k.value(a, scaled(a, s));
                assertTrue(Double.isFinite(v), k + " at scale " + s);
                double expected = (k.radialDegree() == 1 ? norm(a) * norm(a) * Math.abs(s) : 1)
                        * k.profile(s > 0 ? 1 : -1);
                assertEquals(expected, v, 1e-13 * Math.max(Math.abs(expected), 1e-300), k + " at scale " + s);
            }
            assertTrue(Double.isFinite(k.profile(1 + 1e-9)) && k.profile(1 + 1e-9) == k.profile(1));
            assertTrue(k.profile(-1 - 1e-9) == k.profile(-1));
        }
    }
}
