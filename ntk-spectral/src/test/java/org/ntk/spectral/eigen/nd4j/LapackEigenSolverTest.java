package org.ntk.spectral.eigen.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void residualsAreDeferredAndEqualAnIndependentComputation() {
        // Independent computation: ‖K v_i − λ_i v_i‖ summed in plain Java from the returned pairs.
        int n = 60;
        double[][] x = Gaussians.standardNormal(n, 5, 23);
        DenseKernelMatrix k = org.ntk.core.kernel.Kernels.arcCosine(1).gram(x);
        Decomposition d = new LapackEigenSolver().decompose(k);
        assertFalse(d.residualsComputed(), "decompose must not pay for the residual pass");
        double[] r = d.residuals();
        assertTrue(d.residualsComputed());
        double scale = d.eigenvalue(0);
        for (int i = 0; i < n; i++) {
            double[] v = d.eigenvector(i);
            double s = 0;
            for (int a = 0; a < n; a++) {
                double kv = 0;
                for (int b = 0; b < n; b++) {
                    kv += k.get(a, b) * v[b];
                }
                double e = kv - d.eigenvalue(i) * v[a];
                s += e * e;
            }
            // both are rounding-level quantities of the same size; their difference is at the rounding of the check
            assertEquals(Math.sqrt(s), r[i], 4 * n * Math.ulp(scale), "residual " + i);
            assertTrue(r[i] <= 1e-13 * n * scale, "residual " + i + " = " + r[i]);
        }
    }
}
