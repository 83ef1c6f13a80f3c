package org.ntk.spectral.eigen.nd4j;

import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.eigen.EigenSolver;

/**
 * ND4J's own dense symmetric eigensolver, {@code Eigen.symmetricGeneralizedEigenvalues} (LAPACK
 * {@code dsyev}, QR iteration), behind the {@link EigenSolver} contract: kept as the baseline that the
 * library's {@link LapackEigenSolver} ({@code dsyevd}) is measured against, not for use.
 *
 * <p>ND4J writes the eigenvectors into its input, so this solver hands it a copy; eigenvalues come
 * back ascending and are reversed. Residuals ‖K v_i − λ_i v_i‖ are computed as in
 * {@link LapackEigenSolver} (one {@code K·V} product through ND4J), so both solvers do the same extra
 * work. Measured (docs/performance.md): about 5–8 times slower than {@link LapackEigenSolver} with
 * eigenvectors at n = 2048.
 *
 * <p>Cost: O(n³) time; heap three n×n double arrays plus ND4J's off-heap copies (about 3n² doubles).
 * Native threads follow {@code OMP_NUM_THREADS}. Immutable and thread-safe.
 */
public final class Nd4jEigenSolver implements EigenSolver {

    /** A solver; initialises ND4J's CPU backend on first use. */
    public Nd4jEigenSolver() {
    }

    @Override
    public Decomposition decompose(KernelMatrix k) {
        Objects.requireNonNull(k, "k");
        double[] a = EigenSolver.denseCopy(k, 3);
        int n = k.size();
        INDArray matrix = Nd4j.create(a, new long[] {n, n}, 'c');
        INDArray original = matrix.dup('c');
        INDArray w = Eigen.symmetricGeneralizedEigenvalues(matrix, true);
        // matrix now holds the eigenvectors as columns, in ascending order of eigenvalue.
        INDArray kv = original.mmul(matrix);
        double[] ascending = w.toDoubleVector();
        double[] columns = matrix.transpose().dup('c').data().asDouble(); // vector j at [j·n, (j+1)·n)
        double[] products = kv.transpose().dup('c').data().asDouble();
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            int j = n - 1 - i;
            values[i] = ascending[j];
            System.arraycopy(columns, j * n, vectors, i * n, n);
            double s = 0;
            for (int r = 0; r < n; r++) {
                double d = products[j * n + r] - values[i] * columns[j * n + r];
                s += d * d;
            }
            residuals[i] = Math.sqrt(s);
        }
        return Decomposition.of(n, values, vectors, residuals);
    }

    @Override
    public double[] eigenvalues(KernelMatrix k) {
        Objects.requireNonNull(k, "k");
        double[] a = EigenSolver.denseCopy(k, 2);
        int n = k.size();
        INDArray matrix = Nd4j.create(a, new long[] {n, n}, 'c');
        double[] ascending = Eigen.symmetricGeneralizedEigenvalues(matrix, false).toDoubleVector();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = ascending[n - 1 - i];
        }
        return values;
    }

    @Override
    public String toString() {
        return "Nd4jEigenSolver[Eigen.symmetricGeneralizedEigenvalues, dsyev]";
    }
}
