package org.ntk.spectral.density;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.ntk.core.sampling.Gaussians;

class GaussQuadratureTest {

    @Test
    void matchesCommonsMathOnRandomJacobiMatrices() {
        // Independent computation: commons-math EigenDecomposition of the same tridiagonal matrix.
        for (int m : new int[] {1, 2, 3, 10, 60}) {
            double[] alpha = Gaussians.standardNormal(1, m, m)[0];
            double[] beta = new double[m - 1];
            double[] g = Gaussians.standardNormal(1, m, 100 + m)[0];
            for (int i = 0; i < m - 1; i++) {
                beta[i] = Math.abs(g[i]) + 0.1;
            }
            double[][] rule = GaussQuadrature.rule(alpha, beta);
            EigenDecomposition ed = new EigenDecomposition(alpha, beta);
            double[] ref = ed.getRealEigenvalues();
            double[][] pairs = new double[m][];
            for (int i = 0; i < m; i++) {
                double c = ed.getEigenvector(i).getEntry(0);
                pairs[i] = new double[] {ref[i], c * c};
            }
            double[][] ours = new double[m][];
            for (int i = 0; i < m; i++) {
                ours[i] = new double[] {rule[0][i], rule[1][i]};
            }
            Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
            Arrays.sort(ours, (a, b) -> Double.compare(a[0], b[0]));
            double wsum = 0;
            for (int i = 0; i < m; i++) {
                assertEquals(pairs[i][0], ours[i][0], 1e-12 * m, "m = " + m);
                assertEquals(pairs[i][1], ours[i][1], 1e-12 * m, "m = " + m);
                wsum += ours[i][1];
            }
            assertEquals(1.0, wsum, 1e-14 * m);
        }
    }

    @Test
    void gaussHermiteRuleIsRecovered() {
        // The Jacobi matrix of the probabilists' Hermite polynomials (alpha = 0, beta_k = √k) gives the
        // Gauss–Hermite rule for N(0, 1): its moments are 0, 1, 0, 3, 0, 15 (exact for degree ≤ 2m − 1).
        int m = 8;
        double[] beta = new double[m - 1];
        for (int k = 1; k < m; k++) {
            beta[k - 1] = Math.sqrt(k);
        }
        double[][] rule = GaussQuadrature.rule(new double[m], beta);
        DiscreteSpectralMeasure mu = new DiscreteSpectralMeasure(rule[0], rule[1]);
        double[] moments = {1, 0, 1, 0, 3, 0, 15, 0, 105, 0, 945, 0, 10395, 0, 135135, 0};
        for (int j = 0; j <= 2 * m - 1; j++) {
            // rounding scale: the absolute moment Σ w |τ|^j (odd moments cancel between ± nodes)
            double absMoment = 0;
            for (int k = 0; k < m; k++) {
                absMoment += rule[1][k] * Math.pow(Math.abs(rule[0][k]), j);
            }
            assertEquals(moments[j], mu.moment(j), 1e-13 * m * absMoment, "j = " + j);
        }
    }
}
