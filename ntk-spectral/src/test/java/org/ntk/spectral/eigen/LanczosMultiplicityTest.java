package org.ntk.spectral.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.LanczosOptions;
import org.ntk.spectral.Spectra;
import org.ntk.spectral.TestMatrices;

/**
 * Block Lanczos on exactly repeated eigenvalues: whatever the caller's block size, the whole eigenspace
 * comes back (the completeness check of {@link BlockLanczos}), never fewer copies with smaller
 * eigenvalues in their place.
 */
class LanczosMultiplicityTest {

    /**
     * A planted spectrum with a 10-fold top eigenvalue 5 and the rest 3·0.98^i (gap 2): before the
     * completeness check, block sizes 1, 2 and 4 returned 5, 8 and 10-or-8 copies of 5.
     */
    @Test
    void tenfoldTopEigenvalueComesOutWholeForEveryBlockSize() {
        int n = 200;
        int d = 10;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < d ? 5.0 : 3.0 * Math.pow(0.98, i - d);
        }
        double[][] q = TestMatrices.orthogonal(n, 41);
        KernelMatrix k = TestMatrices.planted(q, lambda);
        double[][] planted = new double[d][];
        for (int i = 0; i < d; i++) {
            planted[i] = TestMatrices.column(q, i);
        }
        for (int b : new int[] {1, 2, 4, 8}) {
            for (int count : new int[] {d, d + 2}) {
                LanczosOptions options = LanczosOptions.defaults().withBlockSize(b);
                Decomposition top = Spectra.top(k, count, options);
                double[][] found = new double[d][];
                for (int i = 0; i < d; i++) {
                    // tolerance 1e-10·λ_max on the residual bounds the eigenvalue error by 5e-10
                    assertEquals(5.0, top.eigenvalue(i), 5e-10 * 5, "b = " + b + ", count = " + count + ", λ_" + i);
                    found[i] = top.eigenvector(i);
                }
                // gap 2, residual ≤ 5e-10: each vector within 2.5e-10 rad of the eigenspace, so the
                // subspace gap d − ‖PᵀV‖_F² is ≤ 10·(2.5e-10)² plus the rounding of the products
                double gap = TestMatrices.subspaceGap(planted, found);
                assertTrue(gap <= 1e-12, "b = " + b + ", count = " + count + ": subspace gap " + gap);
                for (int i = d; i < count; i++) {
                    assertEquals(lambda[i], top.eigenvalue(i), 5e-10 * 5, "b = " + b + ", λ_" + i);
                }
                assertTrue(TestMatrices.orthogonalityError(top) <= 1e-12);
            }
        }
    }

    /** A count that cuts the repeated eigenvalue: any orthonormal vectors of the eigenspace are correct. */
    @Test
    void countSmallerThanTheMultiplicityGivesVectorsOfTheEigenspace() {
        int n = 120;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < 6 ? 2.0 : 1.0 / (1 + i);
        }
        double[][] q = TestMatrices.orthogonal(n, 5);
        KernelMatrix k = TestMatrices.planted(q, lambda);
        double[][] planted = new double[6][];
        for (int i = 0; i < 6; i++) {
            planted[i] = TestMatrices.column(q, i);
        }
        Decomposition top = Spectra.top(k, 3, LanczosOptions.defaults().withBlockSize(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(2.0, top.eigenvalue(i), 1e-9);
            // each vector lies in the 6-dimensional eigenspace: its projection has norm² 1
            double[] v = top.eigenvector(i);
            double s = 0;
            for (double[] p : planted) {
                double c = TestMatrices.dot(p, v);
                s += c * c;
            }
            assertEquals(1.0, s, 1e-12, "vector " + i);
        }
    }

    /**
     * The analytic FIM of a FAN_IN network, d = 10, m = 600: its top eigenvalue is single and the next
     * d form the group-1 cluster (MATH.md §2.3, limit m/(4d)); Spectra.top(J, 1 + d) must agree with
     * the dense LAPACK decomposition (an independent method) to 1e-8 relative, eigenvalue by eigenvalue
     * and as a subspace, also with block size 1.
     */
    @Test
    void fisherTopClusterAgreesWithTheDenseDecomposition() {
        int d = 10;
        KernelMatrix j = FisherInformation.analytic(ReluNetwork.random(d, 600, WeightScale.FAN_IN, 2024), 2);
        Decomposition dense = Spectra.decompose(j);
        double scale = dense.eigenvalue(0);
        double[][] reference = new double[1 + d][];
        for (int i = 0; i <= d; i++) {
            reference[i] = dense.eigenvector(i);
        }
        // the group-1 cluster is separated from the group-2 values below it (sanity of the set-up)
        assertTrue(dense.eigenvalue(d) > 2 * dense.eigenvalue(d + 1));
        for (LanczosOptions options : new LanczosOptions[] {LanczosOptions.defaults(),
            LanczosOptions.defaults().withBlockSize(1), LanczosOptions.defaults().withBlockSize(3)}) {
            Decomposition top = Spectra.top(j, 1 + d, options);
            double[][] found = new double[1 + d][];
            for (int i = 0; i <= d; i++) {
                assertEquals(dense.eigenvalue(i), top.eigenvalue(i), 1e-8 * scale,
                        "block " + options.blockSize() + ", λ_" + i);
                found[i] = top.eigenvector(i);
            }
            double gap = TestMatrices.subspaceGap(reference, found);
            assertTrue(gap <= 1e-8, "block " + options.blockSize() + ": subspace gap " + gap);
        }
    }
}
