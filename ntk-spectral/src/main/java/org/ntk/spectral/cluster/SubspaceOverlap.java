package org.ntk.spectral.cluster;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The principal angles between two subspaces of R^n, each given by an orthonormal basis, and their
 * mean squared cosine (the subspace overlap of MATH.md §2.3).
 *
 * <p>For orthonormal bases Q (n×p) and V (n×q) the cosines of the principal angles are the singular
 * values σ_1 ≥ … ≥ σ_r of QᵀV, r = min(p, q) (Björck &amp; Golub 1973). The overlap is
 * Σ σ_i² / r = ‖QᵀV‖_F² / r: 1 when the smaller subspace lies in the larger, 0 when they are
 * orthogonal. Rounding can put a cosine a few ulps above 1; nothing is clamped.
 *
 * <p>Immutable and thread-safe; {@link #cosines()} returns a fresh copy.
 */
public final class SubspaceOverlap {

    /** How far the Gram matrices of the bases may be from the identity: max |q_a·q_b − δ_ab|. */
    public static final double ORTHONORMALITY_TOLERANCE = 1e-8;

    private final double[] cosines;

    private SubspaceOverlap(double[] cosines) {
        this.cosines = cosines;
    }

    /**
     * The principal angles between span(a) and span(b).
     *
     * <p>Cost O(n·p·q) for QᵀV, O(n·(p² + q²)) for the orthonormality checks and O(p·q·r) for the
     * singular value decomposition (commons-math3).
     *
     * @param a p ≥ 1 orthonormal vectors of length n (a[i] is the i-th basis vector). Not modified or
     *     retained.
     * @param b q ≥ 1 orthonormal vectors of the same length n. Not modified or retained.
     * @return the min(p, q) principal cosines, non-increasing
     * @throws NullPointerException if a, b or one of their vectors is null
     * @throws IllegalArgumentException if a or b is empty, the lengths differ, an entry is not finite,
     *     or a basis is not orthonormal within {@value #ORTHONORMALITY_TOLERANCE}
     */
    public static SubspaceOverlap between(double[][] a, double[][] b) {
        int n = checkBasis(a, "a", -1);
        checkBasis(b, "b", n);
        int p = a.length;
        int q = b.length;
        double[][] c = new double[p][q];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                c[i][j] = dot(a[i], b[j]);
            }
        }
        double[] s = new SingularValueDecomposition(new Array2DRowRealMatrix(c, false)).getSingularValues();
        double[] sorted = Arrays.copyOf(s, Math.min(p, q));
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return new SubspaceOverlap(sorted);
    }

    /** The cosines of the principal angles, non-increasing, min(p, q) of them; a fresh copy. */
    public double[] cosines() {
        return cosines.clone();
    }

    /** The number of principal angles, min(p, q). */
    public int count() {
        return cosines.length;
    }

    /** The mean squared cosine Σ σ_i² / min(p, q), in [0, 1] up to rounding. */
    public double meanSquaredCosine() {
        double s = 0;
        for (double c : cosines) {
            s += c * c;
        }
        return s / cosines.length;
    }

    /** The smallest cosine (the largest principal angle). */
    public double minCosine() {
        return cosines[cosines.length - 1];
    }

    /** The principal angles in radians, non-decreasing, acos of each cosine clamped to [0, 1]. */
    public double[] angles() {
        double[] t = new double[cosines.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.acos(Math.max(0, Math.min(1, cosines[i])));
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubspaceOverlap && Arrays.equals(cosines, ((SubspaceOverlap) o).cosines);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cosines);
    }

    @Override
    public String toString() {
        return "SubspaceOverlap[count=" + cosines.length + ", meanSquaredCosine=" + meanSquaredCosine()
                + ", minCosine=" + minCosine() + "]";
    }

    /** Checks a basis and returns its vector length. */
    private static int checkBasis(double[][] v, String name, int expectedLength) {
        Objects.requireNonNull(v, name);
        if (v.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one vector, got 0");
        }
        int n = Objects.requireNonNull(v[0], name + "[0]").length;
        if (expectedLength >= 0 && n != expectedLength) {
            throw new IllegalArgumentException(name + "[0] has length " + n + ", expected " + expectedLength
                    + " (the length of a's vectors)");
        }
        for (int i = 0; i < v.length; i++) {
            double[] x = Objects.requireNonNull(v[i], name + "[" + i + "]");
            if (x.length != n) {
                throw new IllegalArgumentException(name + "[" + i + "] has length " + x.length + ", expected " + n);
            }
            for (int k = 0; k < n; k++) {
                if (!Double.isFinite(x[k])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + k + "] must be finite, got " + x[k]);
                }
            }
        }
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j <= i; j++) {
                double dev = Math.abs(dot(v[i], v[j]) - (i == j ? 1 : 0));
                if (!(dev <= ORTHONORMALITY_TOLERANCE)) {
                    throw new IllegalArgumentException(name + " must be orthonormal within " + ORTHONORMALITY_TOLERANCE
                            + ", got |" + name + "[" + i + "]·" + name + "[" + j + "] − " + (i == j ? 1 : 0) + "| = "
                            + dev);
                }
            }
        }
        return n;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
