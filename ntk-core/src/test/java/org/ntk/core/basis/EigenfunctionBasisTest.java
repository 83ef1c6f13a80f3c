package org.ntk.core.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.mercer.ClosedFormKernels;
import org.ntk.core.mercer.EigenvalueMethod;
import org.ntk.core.mercer.Sphere;
import org.ntk.core.sampling.Gaussians;

class EigenfunctionBasisTest {

    @Test
    void layoutFollowsMath34() {
        EigenfunctionBasis b = EigenfunctionBasis.of(4, 1);
        assertEquals(1 + 4 + 9, b.size());
        assertEquals(1, b.groupSize(0));
        assertEquals(4, b.groupSize(1));
        assertEquals(9, b.groupSize(2));
        List<BasisFunction> f = b.functions();
        assertEquals(FunctionFamily.RADIAL, f.get(0).family());
        assertEquals("F_l[3]", f.get(4).label());
        assertEquals("F_ab[0,1]", f.get(5).label());
        assertEquals("F_ab[2,3]", f.get(10).label());
        assertEquals("F'_g[1]", f.get(11).label());
        assertEquals(FunctionFamily.HELMERT, EigenfunctionBasis.orthonormal(4, 1).functions().get(13).family());
        assertEquals(2, EigenfunctionBasis.of(1, 1).size(), "d = 1: no degree-2 functions");
        assertThrows(UnsupportedOperationException.class, () -> b.functions().clear());
    }

    @Test
    void exactSecondMomentsOfMath34() {
        // MATH.md §3.4: E[F0²] = d, E[F_l²] = 1, E[F_ab²] = 1/(d+2), E[F'_g²] = 4/(d+2), E[F'_g F'_h] = 2/(d+2)
        for (int d = 2; d <= 7; d++) {
            EigenfunctionBasis b = EigenfunctionBasis.of(d, 1);
            double[][] g = b.gram();
            for (int i = 0; i < b.size(); i++) {
                BasisFunction fi = b.functions().get(i);
                for (int j = 0; j < b.size(); j++) {
                    BasisFunction fj = b.functions().get(j);
                    double expected;
                    if (i == j) {
                        expected = switch (fi.family()) {
                            case RADIAL -> d;
                            case LINEAR -> 1;
                            case PRODUCT -> 1.0 / (d + 2);
                            default -> 4.0 / (d + 2);
                        };
                    } else if (fi.family() == FunctionFamily.DIAGONAL && fj.family() == FunctionFamily.DIAGONAL) {
                        expected = 2.0 / (d + 2);
                    } else {
                        expected = 0;
                    }
                    assertEquals(expected, g[i][j], 1e-15, fi.label() + " · " + fj.label());
                }
            }
            // p = 0: the same divided by d
            EigenfunctionBasis zonal = EigenfunctionBasis.of(d, 0);
            for (int i = 0; i < b.size(); i++) {
                assertEquals(b.secondMoment(i) / d, zonal.secondMoment(i), 1e-15);
            }
        }
    }

    @Test
    void orthonormalBasisHasIdentityGram() {
        for (int p = 0; p <= 1; p++) {
            for (int d = 1; d <= 8; d++) {
                double[][] g = EigenfunctionBasis.orthonormal(d, p).gram();
                for (int i = 0; i < g.length; i++) {
                    for (int j = 0; j < g.length; j++) {
                        assertEquals(i == j ? 1 : 0, g[i][j], 1e-14);
                    }
                }
            }
        }
    }

    @Test
    void monteCarloSecondMomentsMatchTheExactGram() {
        // N = 400 000 draws of x ~ N(0, I_5); every entry of E[F_i F_j] within 5 standard errors, for the
        // raw and the orthonormal basis of radial degree 1 (p = 0 is p = 1 divided by d, checked exactly)
        int n = 400_000;
        int p = 1;
        for (boolean orthonormal : new boolean[] {false, true}) {
            EigenfunctionBasis b = orthonormal ? EigenfunctionBasis.orthonormal(5, p) : EigenfunctionBasis.of(5, p);
            double[][] exact = b.gram();
            int m = b.size();
            double[][] sum = new double[m][m];
            double[][] sumSq = new double[m][m];
            Gaussians g = new Gaussians(2024 + p + (orthonormal ? 10 : 0));
            double[] x = new double[5];
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < 5; a++) {
                    x[a] = g.next();
                }
                double[] v = b.values(x);
                for (int i = 0; i < m; i++) {
                    for (int j = i; j < m; j++) {
                        double prod = v[i] * v[j];
                        sum[i][j] += prod;
                        sumSq[i][j] += prod * prod;
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double mean = sum[i][j] / n;
                    double se = Math.sqrt(Math.max(sumSq[i][j] / n - mean * mean, 0) / n);
                    assertEquals(exact[i][j], mean, 5 * se, b.functions().get(i).label() + " · "
                            + b.functions().get(j).label() + " (p = " + p + ")");
                }
            }
        }
    }

    @Test
    void integralOperatorActsAsTheGroupEigenvalue() {
        // (T F)(x) = E_y[k(x,y) F(y)] = λ F(x) at random x, for each family: Monte Carlo over N = 10⁶
        // draws of y ~ N(0, I_4), tolerance 5 standard errors of the sample mean. For the degree-2
        // functions the degree-0 and degree-1 parts λ_j Σ F̂(x)F̂(y) are subtracted from k(x, y) first
        // (a control variate: F is exactly orthogonal to them), which cuts the standard error ≈ 10-fold,
        // enough to tell the exact λ2 from the papers' value
        int d = 4;
        int n = 1_000_000;
        double[][] y = Gaussians.standardNormal(n, d, 77);
        double[][] points = Gaussians.standardNormal(2, d, 78);
        HomogeneousKernel[] kernels = {ClosedFormKernels.arccos1(), ClosedFormKernels.ntk2(),
            ClosedFormKernels.deepNtk(2), ClosedFormKernels.arccos0()};
        // one function of each family: F0, F_l[2], F_ab[1,3], F'_g[2] (raw) and H_k[3] (orthonormal)
        int[] raw = {0, 3, 1 + d + 4, 1 + d + 6 + 1};
        for (int p = 0; p <= 1; p++) {
            EigenfunctionBasis basis = EigenfunctionBasis.of(d, p);
            EigenfunctionBasis helmert = EigenfunctionBasis.orthonormal(d, p);
            assertEquals("F_ab[1,3]", basis.functions().get(raw[2]).label());
            assertEquals("F'_g[2]", basis.functions().get(raw[3]).label());
            int h3 = helmert.size() - 1;
            // the five functions, and the orthonormal degree-0/1 functions, at every y
            double[][] fy = new double[n][5];
            double[][] low = new double[n][];
            for (int s = 0; s < n; s++) {
                double[] f = basis.values(y[s]);
                for (int i = 0; i < 4; i++) {
                    fy[s][i] = f[raw[i]];
                }
                double[] o = helmert.values(y[s]);
                fy[s][4] = o[h3];
                low[s] = java.util.Arrays.copyOf(o, 1 + d);
            }
            for (HomogeneousKernel k : kernels) {
                if (k.radialDegree() != p) {
                    continue;
                }
                List<GroupEigenvalue> lambda = basis.eigenvalues(k);
                for (double[] x : points) {
                    double[] lowX = java.util.Arrays.copyOf(helmert.values(x), 1 + d);
                    double[] sum = new double[5];
                    double[] sumSq = new double[5];
                    for (int s = 0; s < n; s++) {
                        double kv = k.value(x, y[s]);
                        double lin = 0;
                        for (int l = 1; l <= d; l++) {
                            lin += lowX[l] * low[s][l];
                        }
                        double reduced = kv - lambda.get(0).exact() * lowX[0] * low[s][0] - lambda.get(1).exact() * lin;
                        for (int i = 0; i < 5; i++) {
                            double v = (i < 2 ? kv : reduced) * fy[s][i];
                            sum[i] += v;
                            sumSq[i] += v * v;
                        }
                    }
                    double[] fx = basis.values(x);
                    double[] fhx = helmert.values(x);
                    for (int i = 0; i < 5; i++) {
                        int degree = i == 0 ? 0 : i == 1 ? 1 : 2;
                        double expected = lambda.get(degree).exact() * (i < 4 ? fx[raw[i]] : fhx[h3]);
                        double mean = sum[i] / n;
                        double se = Math.sqrt((sumSq[i] / n - mean * mean) / n);
                        assertEquals(expected, mean, 5 * se, k.name() + " function " + i);
                    }
                }
            }
        }
    }

    @Test
    void groupEigenvaluesWithThePapersValues() {
        // MATH.md §9.1 columns λ0 papers and λ2 papers; exact values are d²c_d², 1/4, d²c_d²/(d+1)²
        int[] dims = {1, 2, 3, 4, 5, 10, 20, 50, 100, 1000};
        double[] l0papers = {0.2387324146, 0.3978873577, 0.5570423008, 0.7161972439, 0.8753521870, 1.6711269025,
            3.2626763334, 8.0373246261, 15.9950717807, 159.2345205634};
        double[] l2papers = {Double.NaN, 3.9788735773e-2, 3.1830988618e-2, 2.6525823849e-2, 2.2736420442e-2,
            1.3262911924e-2, 7.2343155951e-3, 3.0606719825e-3, 1.5603425793e-3, 1.5883726855e-4};
        for (int i = 0; i < dims.length; i++) {
            int d = dims[i];
            List<GroupEigenvalue> ev = EigenfunctionBasis.of(d, 1).eigenvalues(ClosedFormKernels.arccos1());
            assertEquals(d == 1 ? 2 : 3, ev.size());
            double c = Sphere.reluMean(d);
            assertEquals((double) d * d * c * c, ev.get(0).exact(), 1e-14 * d * d * c * c);
            assertEquals(EigenvalueMethod.CLOSED_FORM, ev.get(0).method());
            assertEquals(l0papers[i], ev.get(0).papers().getAsDouble(), 0.6e-10 * Math.max(1, l0papers[i]));
            assertEquals(0.25, ev.get(1).exact(), 1e-16);
            assertEquals(0.25, ev.get(1).papers().getAsDouble(), 0);
            assertEquals(d, ev.get(1).multiplicity());
            if (d > 1) {
                assertEquals(l2papers[i], ev.get(2).papers().getAsDouble(), 1e-10 * l2papers[i]);
                assertEquals(ev.get(0).exact() / ((d + 1.0) * (d + 1)), ev.get(2).exact(), 1e-14 * ev.get(2).exact());
                assertEquals(d * (d + 1) / 2 - 1, ev.get(2).multiplicity());
            }
        }
        // papers' values only where the papers give them
        assertFalse(EigenfunctionBasis.of(5, 1).eigenvalues(ClosedFormKernels.ntk2()).get(0).papers().isPresent());
        assertFalse(EigenfunctionBasis.of(5, 1).eigenvalues(ClosedFormKernels.renamed(ClosedFormKernels.arccos1(),
                "rf")).get(0).papers().isPresent());
    }

    @Test
    void pointConventionsAndBatchEvaluation() {
        EigenfunctionBasis b = EigenfunctionBasis.orthonormal(3, 1);
        double[] zero = b.values(new double[3]);
        for (double v : zero) {
            assertEquals(0, v, 0);
        }
        double[] zonalZero = EigenfunctionBasis.of(3, 0).values(new double[3]);
        assertEquals(1, zonalZero[0], 0, "the p = 0 constant is 1 everywhere");
        double[] x = {1, -2, 2};
        double[] v = EigenfunctionBasis.of(3, 1).values(x);
        assertEquals(3, v[0], 1e-15); // ‖x‖
        assertEquals(-2, v[2], 0); // x_1
        assertEquals(-2.0 / 3, v[4], 1e-15); // x_0 x_1/‖x‖
        assertEquals((4 - 1) / 3.0, v[7], 1e-15); // (x_1² − x_0²)/‖x‖
        double[][] batch = Gaussians.standardNormal(5, 3, 1);
        double[][] copy = new double[5][];
        for (int i = 0; i < 5; i++) {
            copy[i] = batch[i].clone();
        }
        double[][] e = b.evaluate(batch);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(b.values(batch[i]), e[i], 0);
            assertArrayEquals(copy[i], batch[i], 0, "input not modified");
        }
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EigenfunctionBasis.of(0, 1));
        assertTrue(e.getMessage().startsWith("d "));
        e = assertThrows(IllegalArgumentException.class, () -> EigenfunctionBasis.of(3, 2));
        assertTrue(e.getMessage().startsWith("radialDegree "));
        EigenfunctionBasis b = EigenfunctionBasis.of(3, 1);
        e = assertThrows(IllegalArgumentException.class, () -> b.values(new double[4]));
        assertTrue(e.getMessage().startsWith("x "));
        e = assertThrows(IllegalArgumentException.class, () -> b.values(new double[] {1, Double.NaN, 0}));
        assertTrue(e.getMessage().startsWith("x["));
        e = assertThrows(IllegalArgumentException.class, () -> b.evaluate(new double[][] {{1, 2}}));
        assertTrue(e.getMessage().startsWith("x "));
        assertThrows(NullPointerException.class, () -> b.evaluate(null));
        assertThrows(NullPointerException.class, () -> b.eigenvalues(null));
        e = assertThrows(IllegalArgumentException.class, () -> b.eigenvalues(ClosedFormKernels.arccos0()));
        assertTrue(e.getMessage().contains("radialDegree"));
        e = assertThrows(IllegalArgumentException.class, () -> b.innerProduct(0, 99));
        assertTrue(e.getMessage().startsWith("j "));
        e = assertThrows(IllegalArgumentException.class, () -> EigenfunctionBasis.papersValue(3, 3));
        assertTrue(e.getMessage().startsWith("degree "));
    }
}
