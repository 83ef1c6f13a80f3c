package org.ntk.spectral.eigen;

import java.util.Arrays;
import java.util.Objects;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.validation.Validate;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.eigen.nd4j.LapackEigenSolver;

/**
 * Eigenpairs of both Gram matrices of a feature matrix from one decomposition of the smaller: the
 * FIM ↔ NTK duality of MATH.md §2.2.
 *
 * <p>For Φ (n×m, row x is the feature vector φ(x) of sample x), J = ΦᵀΦ/n (m×m, the empirical Fisher
 * information of the output weights) and K = ΦΦᵀ/n (n×n, the empirical NTK of the output layer) have
 * the same non-zero eigenvalues with multiplicity. If K v = λ v with ‖v‖ = 1 and λ &gt; 0 then
 * u = Φᵀ v / √(nλ) is a unit eigenvector of J for λ, and conversely v = Φ u / √(nλ). So only the
 * smaller of the two is assembled (one triangle, mirrored, pure-Java blocked dot products) and
 * decomposed; the other side's vectors are mapped, renormalised, and their residuals
 * ‖M x − λ x‖ computed against the other Gram matrix applied as Φᵀ(Φ x)/n or Φ(Φᵀ x)/n.
 *
 * <p>Which pairs are mapped is an explicit choice: those with λ_i &gt; relativeThreshold · λ_0 (and
 * λ_i &gt; 0). The mapping divides by √λ, so the mapped vector's error grows like ε·λ_0/λ_i: the
 * numerically zero eigenvalues (of size ε·λ_0) have meaningless images, and a threshold of about
 * 1e-10 keeps mapped residuals near 1e-6·λ_0 at worst. All eigenvalues of the smaller side are
 * reported in {@link DualDecomposition#spectrum()}.
 *
 * <p>Cost: O(s²·L) for the Gram matrix (s = min(n, m), L = max(n, m)), the dense decomposition of an
 * s×s matrix, and O(n·m·rank) for the mapping. Stateless and thread-safe.
 */
public final class FeatureDuality {

    private static final int TILE = 32;

    private FeatureDuality() {
    }

    /**
     * Decomposes both Gram matrices of features with the LAPACK solver.
     *
     * @param features Φ, n×m, finite. Not modified.
     * @param relativeThreshold keep λ_i &gt; relativeThreshold · λ_0; in [0, 1)
     * @return the matched decompositions
     * @throws NullPointerException if features or a row is null
     * @throws IllegalArgumentException if features is empty, ragged or not finite, or the threshold is
     *     outside [0, 1)
     * @throws IllegalStateException if the OpenBLAS native library cannot be loaded
     */
    public static DualDecomposition decompose(double[][] features, double relativeThreshold) {
        Validate.finiteMatrix(features, "features");
        checkThreshold(relativeThreshold);
        return decompose(features, relativeThreshold, new LapackEigenSolver());
    }

    /**
     * Decomposes both Gram matrices of features with the given dense solver.
     *
     * @param features Φ, n×m, finite. Not modified.
     * @param relativeThreshold keep λ_i &gt; relativeThreshold · λ_0; in [0, 1)
     * @param solver the dense solver for the smaller Gram matrix
     * @return the matched decompositions
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if features is empty, ragged or not finite, or the threshold is
     *     outside [0, 1)
     */
    public static DualDecomposition decompose(double[][] features, double relativeThreshold, EigenSolver solver) {
        int m = Validate.finiteMatrix(features, "features");
        checkThreshold(relativeThreshold);
        Objects.requireNonNull(solver, "solver");
        int n = features.length;
        boolean sampleSideSmaller = n <= m;
        double[][] rows = sampleSideSmaller ? features : transpose(features, n, m);
        int s = rows.length;
        Validate.denseFits(s, 4, "the smaller Gram matrix");
        double[] g = rowGram(rows, n);
        Decomposition small = solver.decompose(DenseKernelMatrix.wrapSymmetric(s, g));
        double[] spectrum = small.eigenvalues();
        int rank = 0;
        double bound = relativeThreshold * spectrum[0];
        while (rank < s && spectrum[rank] > 0 && spectrum[rank] > bound) {
            rank++;
        }
        int big = sampleSideSmaller ? m : n;
        double[] values = Arrays.copyOf(spectrum, rank);
        double[] smallVectors = new double[rank * s];
        double[] smallResiduals = Arrays.copyOf(small.residuals(), rank);
        double[] bigVectors = new double[rank * big];
        double[] bigResiduals = new double[rank];
        for (int i = 0; i < rank; i++) {
            double[] v = small.eigenvector(i);
            System.arraycopy(v, 0, smallVectors, i * s, s);
            // sample side smaller: v ∈ R^n, u = Φᵀ v; feature side smaller: u ∈ R^m, v = Φ u.
            double[] x = sampleSideSmaller ? multiplyTransposed(features, v, m) : multiply(features, v);
            double nrm = 0;
            for (double e : x) {
                nrm += e * e;
            }
            nrm = Math.sqrt(nrm);
            for (int a = 0; a < big; a++) {
                x[a] /= nrm;
            }
            System.arraycopy(x, 0, bigVectors, i * big, big);
            double[] mx = sampleSideSmaller
                    ? multiplyTransposed(features, multiply(features, x), m)
                    : multiply(features, multiplyTransposed(features, x, m));
            double r = 0;
            for (int a = 0; a < big; a++) {
                double d = mx[a] / n - values[i] * x[a];
                r += d * d;
            }
            bigResiduals[i] = Math.sqrt(r);
        }
        Decomposition smallKept = Decomposition.of(s, values, smallVectors, smallResiduals);
        Decomposition bigKept = Decomposition.of(big, values, bigVectors, bigResiduals);
        return sampleSideSmaller
                ? new DualDecomposition(smallKept, bigKept, spectrum, relativeThreshold)
                : new DualDecomposition(bigKept, smallKept, spectrum, relativeThreshold);
    }

    private static void checkThreshold(double relativeThreshold) {
        if (!(relativeThreshold >= 0 && relativeThreshold < 1)) {
            throw new IllegalArgumentException("relativeThreshold must be in [0, 1), got " + relativeThreshold);
        }
    }

    /** rows · rowsᵀ / divisor, one triangle in TILE×TILE tiles, mirrored: exactly symmetric. */
    private static double[] rowGram(double[][] rows, int divisor) {
        int s = rows.length;
        double[] g = new double[s * s];
        for (int i0 = 0; i0 < s; i0 += TILE) {
            int i1 = Math.min(s, i0 + TILE);
            for (int j0 = 0; j0 <= i0; j0 += TILE) {
                int j1 = Math.min(s, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    double[] a = rows[i];
                    int jEnd = Math.min(j1, i + 1);
                    for (int j = j0; j < jEnd; j++) {
                        double[] b = rows[j];
                        double s0 = 0;
                        double s1 = 0;
                        double s2 = 0;
                        double s3 = 0;
                        int len = a.length;
                        int k = 0;
                        for (; k + 3 < len; k += 4) {
                            s0 += a[k] * b[k];
                            s1 += a[k + 1] * b[k + 1];
                            s2 += a[k + 2] * b[k + 2];
                            s3 += a[k + 3] * b[k + 3];
                        }
                        for (; k < len; k++) {
                            s0 += a[k] * b[k];
                        }
                        double v = ((s0 + s1) + (s2 + s3)) / divisor;
                        g[i * s + j] = v;
                        g[j * s + i] = v;
                    }
                }
            }
        }
        return g;
    }

    private static double[][] transpose(double[][] x, int n, int m) {
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < m; a++) {
                t[a][i] = x[i][a];
            }
        }
        return t;
    }

    /** Φ u (length n). */
    private static double[] multiply(double[][] phi, double[] u) {
        double[] out = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            double[] row = phi[i];
            double s = 0;
            for (int a = 0; a < row.length; a++) {
                s += row[a] * u[a];
            }
            out[i] = s;
        }
        return out;
    }

    /** Φᵀ v (length m). */
    private static double[] multiplyTransposed(double[][] phi, double[] v, int m) {
        double[] out = new double[m];
        for (int i = 0; i < phi.length; i++) {
            double[] row = phi[i];
            double vi = v[i];
            for (int a = 0; a < m; a++) {
                out[a] += vi * row[a];
            }
        }
        return out;
    }
}
