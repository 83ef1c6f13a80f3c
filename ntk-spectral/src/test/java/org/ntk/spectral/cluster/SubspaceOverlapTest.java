package org.ntk.spectral.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.sampling.Gaussians;

class SubspaceOverlapTest {

    private static final int N = 40;

    /** k orthonormal vectors of length N: modified Gram–Schmidt (twice) of seeded Gaussian vectors. */
    private static double[][] orthonormal(int k, long seed) {
        Gaussians g = new Gaussians(seed);
        double[][] q = new double[k][N];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < N; i++) {
                q[c][i] = g.next();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int b = 0; b < c; b++) {
                    double dot = dot(q[b], q[c]);
                    for (int i = 0; i < N; i++) {
                        q[c][i] -= dot * q[b][i];
                    }
                }
            }
            double norm = Math.sqrt(dot(q[c], q[c]));
            for (int i = 0; i < N; i++) {
                q[c][i] /= norm;
            }
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] combine(double c, double[] x, double s, double[] y) {
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = c * x[i] + s * y[i];
        }
        return z;
    }

    @Test
    void plantedAnglesAreRecovered() {
        // u_0..u_5 orthonormal; A = span{u0, u1, u2}; B = span{cos a u0 + sin a u3, cos b u1 + sin b u4, u2}
        // (each vector of B orthonormal by construction): the principal cosines are exactly 1, cos a, cos b.
        double[][] u = orthonormal(6, 3);
        double a = 0.3;
        double b = 1.1;
        double[][] basisA = {u[0], u[1], u[2]};
        // B listed in a mixed order and with a sign flip: principal angles do not depend on either
        double[][] basisB = {combine(-Math.cos(b), u[1], -Math.sin(b), u[4]), u[2],
            combine(Math.cos(a), u[0], Math.sin(a), u[3])};
        SubspaceOverlap o = SubspaceOverlap.between(basisA, basisB);
        assertArrayEquals(new double[] {1, Math.cos(a), Math.cos(b)}, o.cosines(), 1e-14);
        assertArrayEquals(new double[] {0, a, b}, o.angles(), 1e-7); // acos near 1 loses half the digits
        double mean = (1 + Math.cos(a) * Math.cos(a) + Math.cos(b) * Math.cos(b)) / 3;
        assertEquals(mean, o.meanSquaredCosine(), 1e-14);
        assertEquals(Math.cos(b), o.minCosine(), 1e-14);
        assertEquals(3, o.count());
        // symmetric in its arguments (to rounding: QᵀV and VᵀQ are decomposed separately)
        assertArrayEquals(o.cosines(), SubspaceOverlap.between(basisB, basisA).cosines(), 1e-15);
    }

    @Test
    void nestedAndOrthogonalSubspaces() {
        double[][] u = orthonormal(7, 5);
        // a 2-dimensional subspace inside a 5-dimensional one: min(p, q) = 2 cosines, both 1
        double[][] small = {combine(0.6, u[0], 0.8, u[3]), combine(0.8, u[0], -0.6, u[3])};
        double[][] big = {u[0], u[1], u[2], u[3], u[4]};
        SubspaceOverlap nested = SubspaceOverlap.between(big, small);
        assertEquals(2, nested.count());
        assertArrayEquals(new double[] {1, 1}, nested.cosines(), 1e-14);
        assertEquals(1, nested.meanSquaredCosine(), 1e-14);
        SubspaceOverlap orthogonal = SubspaceOverlap.between(new double[][] {u[5], u[6]}, big);
        assertArrayEquals(new double[] {0, 0}, orthogonal.cosines(), 1e-14);
        assertEquals(0, orthogonal.meanSquaredCosine(), 1e-28);
    }

    @Test
    void singleVectorsGiveTheAbsoluteCosine() {
        double[][] u = orthonormal(2, 7);
        double[] v = combine(-0.28, u[0], 0.96, u[1]);
        SubspaceOverlap o = SubspaceOverlap.between(new double[][] {u[0]}, new double[][] {v});
        assertArrayEquals(new double[] {0.28}, o.cosines(), 1e-15);
    }

    private static void assertRejected(Class<? extends RuntimeException> type, String name, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(name), "message names " + name + ": " + e.getMessage());
    }

    @Test
    void rejections() {
        double[][] u = orthonormal(3, 9);
        assertRejected(NullPointerException.class, "a", () -> SubspaceOverlap.between(null, u));
        assertRejected(NullPointerException.class, "b[1]", () -> SubspaceOverlap.between(u, new double[][] {u[0], null}));
        assertRejected(IllegalArgumentException.class, "a must hold at least one vector",
                () -> SubspaceOverlap.between(new double[0][], u));
        assertRejected(IllegalArgumentException.class, "b[0] has length 3",
                () -> SubspaceOverlap.between(u, new double[][] {{1, 0, 0}}));
        double[] nan = u[1].clone();
        nan[4] = Double.NaN;
        assertRejected(IllegalArgumentException.class, "b[1][4] must be finite",
                () -> SubspaceOverlap.between(u, new double[][] {u[0], nan}));
        double[] longer = combine(1.01, u[0], 0, u[0]);
        assertRejected(IllegalArgumentException.class, "a must be orthonormal",
                () -> SubspaceOverlap.between(new double[][] {longer}, u));
        assertRejected(IllegalArgumentException.class, "b must be orthonormal",
                () -> SubspaceOverlap.between(u, new double[][] {u[0], u[0]}));
    }
}
