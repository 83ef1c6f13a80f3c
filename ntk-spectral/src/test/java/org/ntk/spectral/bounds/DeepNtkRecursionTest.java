package org.ntk.spectral.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.sampling.Gaussians;

class DeepNtkRecursionTest {

    @Test
    void unitVectorTableOfMathMd() {
        // MATH.md §6.2 table (v7): K^(L)(u) for unit vectors with inner product u, L = 1..5.
        double[] us = {-1, -0.5, 0, 0.5, 1};
        double[][] table = {
            {-1, -0.5, 0, 0.5, 1},
            {0, -0.0576688856, 0.3183098862, 0.9423311144, 2},
            {0.3183098862, 0.3438622463, 0.6857086363, 1.3514795611, 3},
            {0.6857086363, 0.7422493226, 1.0603881068, 1.7378446792, 4},
            {1.0603881068, 1.1306221309, 1.4303904972, 2.1071125384, 5}};
        for (int c = 0; c < us.length; c++) {
            double u = us[c];
            double[][] x = {{1, 0}, {u, Math.sqrt(1 - u * u)}};
            DeepNtkRecursion rec = DeepNtkRecursion.of(x, 5);
            for (int l = 1; l <= 5; l++) {
                assertEquals(table[l - 1][c], rec.ntk(l).get(0, 1), 1e-10, "L = " + l + ", u = " + u);
                assertEquals(l, rec.ntk(l).get(1, 1), 1e-15);
            }
        }
    }

    @Test
    void diagonalIsExactAndMatricesAreSymmetric() {
        double[][] x = Gaussians.standardNormal(15, 4, 11);
        DeepNtkRecursion rec = DeepNtkRecursion.of(x, 4);
        for (int i = 0; i < 15; i++) {
            double sq = 0;
            for (double v : x[i]) {
                sq += v * v;
            }
            for (int l = 1; l <= 4; l++) {
                assertEquals(rec.nngp(1).get(i, i), rec.nngp(l).get(i, i), 0.0);
                assertEquals(l * sq, rec.ntk(l).get(i, i), 1e-13 * l * sq);
                if (l >= 2) {
                    assertEquals(1.0, rec.derivative(l).get(i, i), 0.0);
                }
                for (int j = 0; j < 15; j++) {
                    assertEquals(rec.ntk(l).get(i, j), rec.ntk(l).get(j, i), 0.0);
                }
            }
        }
    }

    @Test
    void unrolledFormMatchesTheRecursion() {
        // MATH.md §6.2: K^(L) = G^(L) + Σ_{l=1}^{L−1} G^(l) ∘ Ġ^(l+1) ∘ … ∘ Ġ^(L), assembled independently here.
        int n = 12;
        int layers = 5;
        DeepNtkRecursion rec = DeepNtkRecursion.of(Gaussians.standardNormal(n, 6, 3), layers);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = rec.nngp(layers).get(i, j);
                for (int l = 1; l < layers; l++) {
                    double term = rec.nngp(l).get(i, j);
                    for (int h = l + 1; h <= layers; h++) {
                        term *= rec.derivative(h).get(i, j);
                    }
                    sum += term;
                }
                assertEquals(sum, rec.ntk().get(i, j), 1e-12 * layers * 6);
            }
        }
    }

    @Test
    void secondLayerNngpIsTheHermiteSeries() {
        // MATH.md §6.3 step 2: G^(2) = 2 D [Σ_s μ_s² (X̂X̂ᵀ)^{∘s}] D, D = diag(‖x_i‖); off-diagonal cosines
        // here are below 0.95 in magnitude, so terms beyond s = 1500 are below 0.95^1500 < 1e-33.
        int n = 10;
        double[][] x = Gaussians.standardNormal(n, 8, 5);
        DeepNtkRecursion rec = DeepNtkRecursion.of(x, 2);
        DenseKernelMatrix g1 = rec.nngp(1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double ni = Math.sqrt(g1.get(i, i));
                double nj = Math.sqrt(g1.get(j, j));
                double rho = g1.get(i, j) / (ni * nj);
                assertTrue(Math.abs(rho) < 0.95);
                double series = 0;
                double pow = 1;
                for (int s = 0; s <= 1500; s++) {
                    double mu = ReluHermite.relu(s);
                    series += mu * mu * pow;
                    pow *= rho;
                }
                assertEquals(2 * ni * nj * series, rec.nngp(2).get(i, j), 1e-13 * ni * nj);
            }
        }
    }

    @Test
    void secondLayerMatricesMatchMonteCarlo() {
        // G^(2)_ij = 2E[ReLU(w·x_i)ReLU(w·x_j)], Ġ^(2)_ij = 2E[step(w·x_i)step(w·x_j)], w ~ N(0, I_d)
        // (MATH.md §6.2); 200 000 draws, tolerance 5 standard errors estimated from the same draws.
        double[][] x = Gaussians.standardNormal(3, 4, 17);
        DeepNtkRecursion rec = DeepNtkRecursion.of(x, 2);
        int draws = 200_000;
        Gaussians g = new Gaussians(99);
        double[] w = new double[4];
        double[][] sumG = new double[3][3];
        double[][] sumG2 = new double[3][3];
        double[][] sumD = new double[3][3];
        double[][] sumD2 = new double[3][3];
        double[] a = new double[3];
        for (int t = 0; t < draws; t++) {
            for (int k = 0; k < 4; k++) {
                w[k] = g.next();
            }
            for (int i = 0; i < 3; i++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += w[k] * x[i][k];
                }
                a[i] = s;
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double vg = 2 * Math.max(a[i], 0) * Math.max(a[j], 0);
                    double vd = (a[i] > 0 && a[j] > 0) ? 2 : 0;
                    sumG[i][j] += vg;
                    sumG2[i][j] += vg * vg;
                    sumD[i][j] += vd;
                    sumD2[i][j] += vd * vd;
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double mg = sumG[i][j] / draws;
                double seG = Math.sqrt((sumG2[i][j] / draws - mg * mg) / draws);
                assertEquals(mg, rec.nngp(2).get(i, j), 5 * seG);
                double md = sumD[i][j] / draws;
                double seD = Math.sqrt((sumD2[i][j] / draws - md * md) / draws);
                assertEquals(md, rec.derivative(2).get(i, j), 5 * seD);
            }
        }
    }

    @Test
    void zeroInputHasZeroKernelAgainstEverything() {
        double[][] x = {{1, 2}, {0, 0}, {-1, 0.5}};
        DeepNtkRecursion rec = DeepNtkRecursion.of(x, 3);
        for (int j = 0; j < 3; j++) {
            assertEquals(0.0, rec.ntk().get(1, j), 0.0);
            assertEquals(0.0, rec.nngp(3).get(j, 1), 0.0);
        }
        assertTrue(rec.ntk().get(0, 2) != 0);
    }

    @Test
    void rejections() {
        double[][] x = {{1, 0}, {0, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeepNtkRecursion.of(x, 0));
        assertTrue(e.getMessage().startsWith("layers "));
        e = assertThrows(IllegalArgumentException.class,
                () -> DeepNtkRecursion.of(new double[][] {{1, Double.NaN}}, 2));
        assertTrue(e.getMessage().startsWith("x[0][1] "));
        assertThrows(NullPointerException.class, () -> DeepNtkRecursion.of(null, 2));
        DeepNtkRecursion rec = DeepNtkRecursion.of(x, 2);
        e = assertThrows(IllegalArgumentException.class, () -> rec.derivative(1));
        assertTrue(e.getMessage().startsWith("l "));
        e = assertThrows(IllegalArgumentException.class, () -> rec.ntk(3));
        assertTrue(e.getMessage().startsWith("l "));
    }
}
