package org.ntk.spectral.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ntk.spectral.dynamics.OutputLayerDescentTest.rejects;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.basis.EigenfunctionBasis;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.sampling.Gaussians;

class SampleDirectionsTest {

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void orthonormalisesInOrder() {
        double[][] v = Gaussians.standardNormal(4, 30, 1);
        SampleDirections q = SampleDirections.orthonormalised(List.of("a", "b", "c", "d"), new int[] {0, 0, 1, 3}, v);
        assertEquals(4, q.count());
        assertEquals(30, q.length());
        for (int g = 0; g < 4; g++) {
            for (int h = 0; h < 4; h++) {
                assertEquals(g == h ? 1 : 0, dot(q.vector(g), q.vector(h)), 1e-14, g + "," + h);
            }
        }
        // the first direction is the first vector normalised; the second lies in span{v0, v1}
        double n0 = Math.sqrt(dot(v[0], v[0]));
        for (int i = 0; i < 30; i++) {
            assertEquals(v[0][i] / n0, q.vector(0)[i], 1e-15);
        }
        double[] q1 = q.vector(1);
        double a = dot(q1, q.vector(0));
        double b = dot(q1, v[1]);
        assertEquals(0, a, 1e-14);
        assertEquals(b * b, dot(v[1], v[1]) - Math.pow(dot(v[1], q.vector(0)), 2), 1e-12);
        assertEquals("c", q.label(2));
        assertEquals(3, q.group(3));
        assertArrayEquals(new int[] {0, 0, 1, 3}, q.groups());
        double[] r = v[2];
        double[] p = q.project(r);
        for (int g = 0; g < 4; g++) {
            assertEquals(dot(q.vector(g), r), p[g], 1e-14);
        }
    }

    @Test
    void eigenfunctionsLabelsAndGroups() {
        double[][] x = Gaussians.standardNormal(50, 3, 2);
        SampleDirections q = SampleDirections.eigenfunctions(x);
        assertEquals(List.of("|x|", "x1", "x2", "x3", "x1x2/|x|", "x1x3/|x|", "x2x3/|x|", "H1", "H2"), q.labels());
        assertArrayEquals(new int[] {0, 1, 1, 1, 2, 2, 2, 2, 2}, q.groups());
        // the first direction is ‖x_i‖ normalised on the sample
        double s = 0;
        for (double[] xi : x) {
            s += xi[0] * xi[0] + xi[1] * xi[1] + xi[2] * xi[2];
        }
        assertEquals(Math.sqrt(x[7][0] * x[7][0] + x[7][1] * x[7][1] + x[7][2] * x[7][2]) / Math.sqrt(s),
                q.vector(0)[7], 1e-15);
        // a zero input gives 0 in the degree ≥ 1 functions' raw values and is handled
        x[3] = new double[3];
        SampleDirections z = SampleDirections.eigenfunctions(x);
        assertEquals(0, z.vector(0)[3], 0.0);
    }

    /** MATH.md §3.4's orthonormal functions at x, written out independently of the library. */
    private static double[] mathFunctions(double[] x) {
        int d = x.length;
        double r = 0;
        for (double v : x) {
            r += v * v;
        }
        r = Math.sqrt(r);
        double[] f = new double[(d + 1) * (d + 2) / 2 - 1];
        int g = 0;
        f[g++] = r / Math.sqrt(d);
        for (int l = 0; l < d; l++) {
            f[g++] = x[l];
        }
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                f[g++] = Math.sqrt(d + 2.0) * x[a] * x[b] / r;
            }
        }
        for (int k = 1; k < d; k++) {
            double s = -k * x[k] * x[k];
            for (int i = 0; i < k; i++) {
                s += x[i] * x[i];
            }
            f[g++] = Math.sqrt((d + 2.0) / (2.0 * k * (k + 1))) * s / r;
        }
        return f;
    }

    @Test
    void eigenfunctionDirectionsSpanTheMathFunctionsInOrder() {
        // direction g is the part of F_g orthogonal to F_0..F_{g−1}: F_g lies in span{q_0..q_g} with
        // a positive component along q_g
        double[][] x = Gaussians.standardNormal(80, 4, 4);
        SampleDirections q = SampleDirections.eigenfunctions(x);
        for (int g = 0; g < q.count(); g++) {
            double[] f = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                f[i] = mathFunctions(x[i])[g];
            }
            double[] rest = f.clone();
            for (int h = 0; h <= g; h++) {
                double[] qh = q.vector(h);
                double c = dot(qh, f);
                if (h == g) {
                    assertTrue(c > 0, q.label(g));
                }
                for (int i = 0; i < rest.length; i++) {
                    rest[i] -= c * qh[i];
                }
            }
            assertEquals(0, Math.sqrt(dot(rest, rest)), 1e-12 * Math.sqrt(dot(f, f)), q.label(g));
        }
    }

    @Test
    void eigenfunctionsArePopulationOrthonormal() {
        // Monte Carlo (n = 20000, d = 4) of E[F̂_g F̂_h] = δ_gh for the normalised functions of
        // MATH.md §3.4 (on which SimplicityBias's population weights rest), each within 5 standard
        // errors (computed from the sample) of its value
        int n = 20000;
        int d = 4;
        double[][] x = Gaussians.standardNormal(n, d, 3);
        int k = (d + 1) * (d + 2) / 2 - 1;
        // the library's orthonormal basis (used by SimplicityBias and KernelMovement) is these functions
        double[][] lib = EigenfunctionBasis.orthonormal(d, 1).evaluate(java.util.Arrays.copyOf(x, 50));
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(mathFunctions(x[i]), lib[i], 1e-13, "point " + i);
        }
        double[][] f = new double[k][n];
        for (int i = 0; i < n; i++) {
            double[] v = mathFunctions(x[i]);
            for (int g = 0; g < k; g++) {
                f[g][i] = v[g];
            }
        }
        for (int g = 0; g < k; g++) {
            for (int h = g; h < k; h++) {
                double mean = 0;
                double sq = 0;
                for (int i = 0; i < n; i++) {
                    double p = f[g][i] * f[h][i];
                    mean += p;
                    sq += p * p;
                }
                mean /= n;
                double se = Math.sqrt((sq / n - mean * mean) / n);
                assertEquals(g == h ? 1 : 0, mean, 5 * se, "E[F" + g + " F" + h + "]");
            }
        }
    }

    @Test
    void eigenvectorDirections() {
        double[][] a = {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}};
        SampleSpectrum s = SampleSpectrum.of(DenseKernelMatrix.of(a));
        SampleDirections q = SampleDirections.eigenvectors(s, new int[] {1, 2});
        assertEquals(List.of("u0", "u1", "u2"), q.labels());
        assertArrayEquals(new int[] {0, 1, 1}, q.groups());
        for (int g = 0; g < 3; g++) {
            assertArrayEquals(s.eigenvector(g), q.vector(g), 0.0);
        }
    }

    @Test
    void rejectsBadArguments() {
        double[][] v = {{1, 0, 0}, {2, 0, 0}};
        rejects(IllegalArgumentException.class, "vectors[1]",
                () -> SampleDirections.orthonormalised(List.of("a", "b"), new int[] {0, 0}, v));
        double[][] ok = {{1, 0, 0}, {0, 1, 0}};
        rejects(IllegalArgumentException.class, "labels",
                () -> SampleDirections.orthonormalised(List.of("a"), new int[] {0, 0}, ok));
        rejects(IllegalArgumentException.class, "groups",
                () -> SampleDirections.orthonormalised(List.of("a", "b"), new int[] {0}, ok));
        rejects(IllegalArgumentException.class, "groups[1]",
                () -> SampleDirections.orthonormalised(List.of("a", "b"), new int[] {0, -1}, ok));
        rejects(IllegalArgumentException.class, "vectors[0]",
                () -> SampleDirections.orthonormalised(List.of("a"), new int[] {0}, new double[][] {{0, 0}}));
        rejects(IllegalArgumentException.class, "vectors",
                () -> SampleDirections.orthonormalised(List.of("a", "b", "c"), new int[] {0, 0, 0},
                        new double[][] {{1, 0}, {0, 1}, {1, 1}}));
        rejects(NullPointerException.class, "labels", () -> SampleDirections.orthonormalised(null, new int[] {0}, ok));
        rejects(IllegalArgumentException.class, "x",
                () -> SampleDirections.eigenfunctions(Gaussians.standardNormal(8, 3, 1)));
        SampleSpectrum s = SampleSpectrum.of(DenseKernelMatrix.of(new double[][] {{1, 0}, {0, 1}}));
        rejects(IllegalArgumentException.class, "clusterSizes[0]", () -> SampleDirections.eigenvectors(s, new int[] {0}));
        rejects(IllegalArgumentException.class, "clusterSizes",
                () -> SampleDirections.eigenvectors(s, new int[] {2, 1}));
        SampleDirections q = SampleDirections.orthonormalised(List.of("a", "b"), new int[] {0, 0}, ok);
        rejects(IllegalArgumentException.class, "r", () -> q.project(new double[2]));
    }
}
