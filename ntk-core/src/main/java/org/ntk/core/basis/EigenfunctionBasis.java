package org.ntk.core.basis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.mercer.EigenvalueMethod;
import org.ntk.core.mercer.MercerDegree;
import org.ntk.core.mercer.MercerSpectra;
import org.ntk.core.mercer.MercerSpectrum;
import org.ntk.core.validation.Validate;

/**
 * The eigenfunctions of degrees 0, 1 and 2 shared by every kernel ‖x‖^p‖y‖^p h(x̂·ŷ) under
 * x ~ N(0, I_d) (MATH.md §3.3–§3.4): the seed papers' functions ‖x‖, x_l, x_a x_b/‖x‖ and
 * (x_g² − x_1²)/‖x‖, in raw form or orthonormalised (Helmert form), with their exact inner products
 * in L²(N(0, I_d)) and, for a given kernel, the eigenvalue of each degree group.
 *
 * <p>Order of the functions: degree 0 (RADIAL), then degree 1 (LINEAR, l = 0..d−1), then degree 2:
 * PRODUCT (a &lt; b, lexicographic) followed by DIAGONAL (g = 1..d−1, raw basis) or HELMERT
 * (k = 1..d−1, orthonormal basis). Sizes 1, d and d(d+1)/2 − 1 (no degree-2 functions for d = 1).
 * Coordinates are 0-based ({@code x[0]} is MATH.md's x_1).
 *
 * <p>Radial degree p = 1 (arccos1, ntk2, deep kernels) gives the functions as written; p = 0
 * (arccos0, zonal) divides each by ‖x‖, so they depend on x̂ only and their second moments are
 * those of p = 1 divided by d. At x = 0 every function is 0 except the p = 0 constant, which is 1.
 *
 * <p>Exact second moments (p = 1; MATH.md §3.4): E[F0²] = d, E[F_l²] = 1, E[F_ab²] = 1/(d+2),
 * E[F'_g²] = 4/(d+2), E[F'_g F'_h] = 2/(d+2) (g ≠ h); all other pairs are orthogonal. The orthonormal
 * basis is F̂0 = ‖x‖/√d, F̂_l = x_l, F̂_ab = √(d+2) x_a x_b/‖x‖ and
 * Ĥ_k = √((d+2)/(2k(k+1))) (x_1² + … + x_k² − k x_{k+1}²)/‖x‖.
 *
 * <p>Immutable and thread-safe.
 */
public final class EigenfunctionBasis {

    private final int d;
    private final int p;
    private final boolean orthonormal;
    private final List<BasisFunction> functions;
    /** Multiplier of each function (1 for raw; 1/√(raw second moment) for orthonormal). */
    private final double[] scale;

    private EigenfunctionBasis(int d, int p, boolean orthonormal) {
        long size = (d + 1L) * (d + 2L) / 2 - 1;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("d must be at most 65533 (a basis of (d+1)(d+2)/2 − 1 functions"
                    + " must fit in a Java list), got " + d);
        }
        // about 128 bytes per function: the record, its label and the list slot
        Validate.heapFits(size * 16, "eigenfunction basis of " + size + " functions (d = " + d + ")",
                "use a smaller d, or MercerSpectra for the eigenvalues alone");
        this.d = d;
        this.p = p;
        this.orthonormal = orthonormal;
        List<BasisFunction> f = new ArrayList<>();
        f.add(new BasisFunction(FunctionFamily.RADIAL, 0, -1, -1, "F0"));
        for (int l = 0; l < d; l++) {
            f.add(new BasisFunction(FunctionFamily.LINEAR, 1, l, -1, "F_l[" + l + "]"));
        }
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                f.add(new BasisFunction(FunctionFamily.PRODUCT, 2, a, b, "F_ab[" + a + "," + b + "]"));
            }
        }
        for (int g = 1; g < d; g++) {
            f.add(orthonormal
                    ? new BasisFunction(FunctionFamily.HELMERT, 2, g, -1, "H_k[" + g + "]")
                    : new BasisFunction(FunctionFamily.DIAGONAL, 2, g, -1, "F'_g[" + g + "]"));
        }
        this.functions = List.copyOf(f);
        this.scale = new double[f.size()];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = orthonormal ? 1 / Math.sqrt(rawMoment(f.get(i))) : 1;
        }
    }

    /**
     * The raw basis F0, F_l, F_ab, F'_g of MATH.md §3.4.
     *
     * @param d the dimension, ≥ 1
     * @param radialDegree p, 0 or 1
     * @throws IllegalArgumentException if d &lt; 1, p is not 0 or 1, or the (d+1)(d+2)/2 − 1 functions
     *     do not fit in the heap
     */
    public static EigenfunctionBasis of(int d, int radialDegree) {
        return new EigenfunctionBasis(Validate.positive(d, "d"), checkRadial(radialDegree), false);
    }

    /**
     * The orthonormal basis F̂0, F̂_l, F̂_ab, Ĥ_k (Helmert form) of MATH.md §3.4: E[F̂_i F̂_j] = δ_ij
     * under N(0, I_d).
     *
     * @param d the dimension, ≥ 1
     * @param radialDegree p, 0 or 1
     * @throws IllegalArgumentException if d &lt; 1, p is not 0 or 1, or the (d+1)(d+2)/2 − 1 functions
     *     do not fit in the heap
     */
    public static EigenfunctionBasis orthonormal(int d, int radialDegree) {
        return new EigenfunctionBasis(Validate.positive(d, "d"), checkRadial(radialDegree), true);
    }

    private static int checkRadial(int p) {
        if (p != 0 && p != 1) {
            throw new IllegalArgumentException("radialDegree must be 0 or 1, got " + p);
        }
        return p;
    }

    /** The input dimension d. */
    public int dimension() {
        return d;
    }

    /** The radial degree p. */
    public int radialDegree() {
        return p;
    }

    /** Whether this is the orthonormal (Helmert) basis. */
    public boolean isOrthonormal() {
        return orthonormal;
    }

    /** The number of functions, 1 + d + (d(d+1)/2 − 1) (2 for d = 1). */
    public int size() {
        return functions.size();
    }

    /** The functions, in order (an unmodifiable list). */
    public List<BasisFunction> functions() {
        return functions;
    }

    /** The number of functions of degree 0, 1 or 2: N(d, degree). */
    public int groupSize(int degree) {
        if (degree < 0 || degree > 2) {
            throw new IllegalArgumentException("degree must be 0, 1 or 2, got " + degree);
        }
        return degree == 0 ? 1 : degree == 1 ? d : d * (d + 1) / 2 - 1;
    }

    /**
     * Returns the exact second moment E[F_i(x)²] under x ~ N(0, I_d) (1 in the orthonormal basis).
     *
     * @throws IllegalArgumentException if i is out of range
     */
    public double secondMoment(int i) {
        return innerProduct(i, i);
    }

    /**
     * Returns the exact inner product E[F_i(x) F_j(x)] under x ~ N(0, I_d) (MATH.md §3.4).
     *
     * @throws IllegalArgumentException if i or j is out of range
     */
    public double innerProduct(int i, int j) {
        Validate.index(i, size(), "i");
        Validate.index(j, size(), "j");
        BasisFunction fi = functions.get(i);
        BasisFunction fj = functions.get(j);
        double raw;
        if (i == j) {
            raw = rawMoment(fi);
        } else if (fi.family() == FunctionFamily.DIAGONAL && fj.family() == FunctionFamily.DIAGONAL) {
            raw = (2.0 / (d + 2)) / (p == 0 ? d : 1);
        } else {
            raw = 0;
        }
        return raw * scale[i] * scale[j];
    }

    /**
     * Returns the exact Gram matrix E[F_i F_j] (size × size). Cost O(size²) memory.
     *
     * @throws IllegalArgumentException if size² does not fit in memory
     */
    public double[][] gram() {
        int n = size();
        Validate.denseFits(n, 1, "basis Gram matrix");
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = innerProduct(i, j);
            }
        }
        return g;
    }

    /** The raw (unscaled) second moment of one function. */
    private double rawMoment(BasisFunction f) {
        double m;
        switch (f.family()) {
            case RADIAL:
                m = d;
                break;
            case LINEAR:
                m = 1;
                break;
            case PRODUCT:
                m = 1.0 / (d + 2);
                break;
            case DIAGONAL:
                m = 4.0 / (d + 2);
                break;
            default: // HELMERT, coefficient vector (1, …, 1, −k): |α|² = k(k+1), E = 2|α|²/(d+2)
                m = 2.0 * f.a() * (f.a() + 1) / (d + 2);
                break;
        }
        return p == 0 ? m / d : m;
    }

    /**
     * Returns all functions at one point x. Cost O(size).
     *
     * @param x a point of R^d. Not modified.
     * @return a fresh array of length size()
     * @throws IllegalArgumentException if x has the wrong length or a non-finite entry
     */
    public double[] values(double[] x) {
        Validate.finiteVector(x, "x");
        if (x.length != d) {
            throw new IllegalArgumentException("x has dimension " + x.length + ", expected " + d);
        }
        double[] out = new double[size()];
        fill(x, out);
        return out;
    }

    /**
     * Evaluates the basis on a batch of points: row i holds all functions at x_i. Cost O(n·size).
     *
     * @param x n points of dimension d (rows). Not modified.
     * @return a fresh n × size array
     * @throws IllegalArgumentException if x is empty, ragged, of the wrong dimension or not finite
     */
    public double[][] evaluate(double[][] x) {
        int dx = Validate.finiteMatrix(x, "x");
        if (dx != d) {
            throw new IllegalArgumentException("x has dimension " + dx + ", expected " + d);
        }
        Validate.heapFits((long) x.length * size(), "basis values of size " + x.length + "×" + size(),
                "evaluate fewer points at a time");
        double[][] out = new double[x.length][size()];
        for (int i = 0; i < x.length; i++) {
            fill(x[i], out[i]);
        }
        return out;
    }

    private void fill(double[] x, double[] out) {
        double ss = 0;
        for (double v : x) {
            ss += v * v;
        }
        double r = Math.sqrt(ss);
        // factor ‖x‖^{p−2} of the degree-2 functions and ‖x‖^{p−1} of the degree-1 ones; 0 at x = 0
        double inv = r > 0 ? 1 / r : 0;
        double f1 = p == 1 ? 1 : inv;
        double f2 = p == 1 ? inv : inv * inv;
        int idx = 0;
        out[idx++] = (p == 1 ? r : 1) * scale[0];
        for (int l = 0; l < d; l++, idx++) {
            out[idx] = x[l] * f1 * scale[idx];
        }
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++, idx++) {
                out[idx] = x[a] * x[b] * f2 * scale[idx];
            }
        }
        double prefix = x.length > 0 ? x[0] * x[0] : 0;
        double first = prefix;
        for (int g = 1; g < d; g++, idx++) {
            double sq = x[g] * x[g];
            if (orthonormal) {
                out[idx] = (prefix - g * sq) * f2 * scale[idx];
                prefix += sq;
            } else {
                out[idx] = (sq - first) * f2;
            }
        }
    }

    /**
     * Returns the eigenvalue of each degree group under {@code kernel}, exact (via
     * {@link MercerSpectra}) and, for {@code arccos1}, the papers' approximation.
     *
     * <p>For p = 1 the eigenvalue is that of (T f)(x) = E_y[k(x, y) f(y)], y ~ N(0, I_d), on this
     * basis: λ0 = d² c_d², λ1 = 1/4, λ2 = d² c_d²/(d+1)² for arccos1 (MATH.md §3.4); for p = 0 it is
     * μ_k (MATH.md §3.3).
     *
     * @param kernel a kernel whose radial degree equals this basis's
     * @return one entry per degree 0, 1, 2 present (degree 2 absent for d = 1)
     * @throws NullPointerException if kernel is null
     * @throws IllegalArgumentException if the radial degrees differ, or as {@link MercerSpectra#of}
     */
    public List<GroupEigenvalue> eigenvalues(HomogeneousKernel kernel) {
        Objects.requireNonNull(kernel, "kernel");
        if (kernel.radialDegree() != p) {
            throw new IllegalArgumentException("kernel radialDegree must equal the basis's radial degree " + p
                    + ", got " + kernel.radialDegree());
        }
        int maxDegree = d == 1 ? 1 : 2;
        MercerSpectrum s = MercerSpectra.of(kernel, d, maxDegree);
        boolean papers = "arccos1".equals(kernel.name())
                && s.degree(0).method() == EigenvalueMethod.CLOSED_FORM;
        List<GroupEigenvalue> out = new ArrayList<>();
        for (int k = 0; k <= maxDegree; k++) {
            MercerDegree g = s.degree(k);
            OptionalDouble approx = papers ? OptionalDouble.of(papersValue(d, k)) : OptionalDouble.empty();
            out.add(new GroupEigenvalue(k, groupSize(k), g.eigenvalue(), g.errorBound(), g.method(), approx));
        }
        return List.copyOf(out);
    }

    /**
     * The seed papers' eigenvalues of the random-feature kernel (VAR-1, 1/m-normalised):
     * (2d+1)/(4π), 1/4 and 1/(2π(d+2)) for degrees 0, 1, 2 (MATH.md §3.4, §10.1).
     *
     * @param d the dimension, ≥ 1
     * @param degree 0, 1 or 2
     * @throws IllegalArgumentException if d &lt; 1 or degree is not 0, 1 or 2
     */
    public static double papersValue(int d, int degree) {
        Validate.positive(d, "d");
        switch (degree) {
            case 0:
                return (2.0 * d + 1) / (4 * Math.PI);
            case 1:
                return 0.25;
            case 2:
                return 1 / (2 * Math.PI * (d + 2));
            default:
                throw new IllegalArgumentException("degree must be 0, 1 or 2, got " + degree);
        }
    }
}
