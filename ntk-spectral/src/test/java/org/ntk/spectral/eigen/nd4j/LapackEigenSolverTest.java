package org.ntk.spectral.eigen.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.TestMatrices;
import org.ntk.spectral.eigen.CommonsMathEigenSolver;
import org.ntk.spectral.eigen.EigenSolver;
import org.ntk.spectral.eigen.EigenSolverContractTest;

/** Runs the {@link EigenSolver} contract on the LAPACK solver, and cross-checks it against commons-math. */
class LapackEigenSolverTest extends EigenSolverContractTest {

    @Override
    protected EigenSolver solver() {
        return new LapackEigenSolver();
    }

    @Test
    void agreesWithCommonsMathOnARandomGramMatrix() {
        // Independent computation: commons-math3's Householder + QL in pure Java.
        int n = 150;
        double[][] x = Gaussians.standardNormal(n, 20, 17);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double dot = TestMatrices.dot(x[i], x[j]);
                a[i][j] = Math.exp(-0.05 * (TestMatrices.dot(x[i], x[i]) + TestMatrices.dot(x[j], x[j]) - 2 * dot));
                a[j][i] = a[i][j];
            }
        }
        DenseKernelMatrix k = DenseKernelMatrix.of(a);
        double[] lapack = new LapackEigenSolver().eigenvalues(k);
        Decomposition lapackFull = new LapackEigenSolver().decompose(k);
        double[] commons = new CommonsMathEigenSolver().eigenvalues(k);
        double norm = Math.abs(lapack[0]);
        for (int i = 0; i < n; i++) {
            assertEquals(commons[i], lapack[i], 1e-12 * norm, "eigenvalue " + i);
            assertEquals(commons[i], lapackFull.eigenvalue(i), 1e-12 * norm, "eigenvalue " + i);
        }
        assertTrue(lapackFull.maxResidual() <= 1e-12 * n * norm);
    }
}
