package org.ntk.spectral.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.sampling.Gaussians;

class BenigniPaquetteModelTest {

    private static final ActivationDerivative STEP = ActivationDerivative.STEP;

    @Test
    void sizesAtomAndOutliers() {
        BenigniPaquetteModel m = BenigniPaquetteModel.of(STEP, ScaleLaw.identity(), 2, 1, 40);
        assertEquals(40, m.p());
        assertEquals(3200, m.n());
        assertEquals(0.5, m.atom(), 0.0);
        assertEquals(40, m.outlierCount());
        // γ1 p a0² E[D²] = 2·40·(1/4)·1 (MATH.md §8.3)
        assertEquals(20.0, m.outlierLocation(), 1e-12);
        BenigniPaquetteModel u = BenigniPaquetteModel.of(STEP, ScaleLaw.uniform(0.5, 1.5), 0.5, 0.5, 30);
        assertEquals(15, u.p());
        assertEquals(225, u.n());
        assertEquals(0.0, u.atom(), 0.0);
        assertEquals(0.5 * 15 * 0.25 * (0.25 + 0.75 + 2.25) / 3, u.outlierLocation(), 1e-12);
    }

    @Test
    void khatriRaoIdentityHoldsExactly() {
        // MATH.md §8.2: K = (1/(dp)) M Mᵀ with row_i(M) = x_i ⊗ (D z_i), z_i = φ(Wᵀ x_i/√d); checked against an
        // independent assembly of M, to rounding.
        int n = 9;
        int d = 4;
        int p = 3;
        double[][] x = Gaussians.standardNormal(n, d, 1);
        double[][] w = Gaussians.standardNormal(d, p, 2);
        double[] dk = {0.7, 1.3, 1.0};
        for (ActivationDerivative phi : ActivationDerivative.values()) {
            DenseKernelMatrix k = BenigniPaquetteModel.matrix(x, w, dk, phi, 1);
            double[][] mm = new double[n][d * p];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < p; c++) {
                    double g = 0;
                    for (int a = 0; a < d; a++) {
                        g += x[i][a] * w[a][c];
                    }
                    double z = phi.value(g / Math.sqrt(d)) * dk[c];
                    for (int a = 0; a < d; a++) {
                        mm[i][a * p + c] = x[i][a] * z;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int c = 0; c < d * p; c++) {
                        s += mm[i][c] * mm[j][c];
                    }
                    s /= d * p;
                    assertEquals(s, k.get(i, j), 1e-14 * (1 + Math.abs(s)), phi + " (" + i + ", " + j + ")");
                    assertEquals(k.get(i, j), k.get(j, i), 0.0);
                }
            }
        }
    }

    @Test
    void seededMatrixIsReproducibleAndThreadIndependent() {
        BenigniPaquetteModel m = BenigniPaquetteModel.of(ActivationDerivative.LOGISTIC, ScaleLaw.uniform(0.5, 1.5),
                1, 0.5, 10);
        double[] one = m.matrix(7, 1).toArray();
        double[] three = m.matrix(7, 3).toArray();
        assertArrayEquals(one, three, 0.0);
        assertTrue(m.matrix(8, 1).get(0, 0) != one[0]);
    }

    @Test
    void normalisedTraceIsTheSecondMomentOfPhiTimesThatOfD() {
        // tr(K)/n = (1/n) Σ_i (‖x_i‖²/d)(1/p) Σ_k D_k² φ(g_ik)² → E φ² E[D²] (MATH.md §8.3). For φ = step and
        // D = I the conditional mean given W is exactly E[(‖x‖²/d) step(x·w_k)] = 1/2 (x ↦ −x symmetry), and the
        // n diagonal terms are i.i.d. given W: tolerance 5 standard errors estimated from them.
        BenigniPaquetteModel m = BenigniPaquetteModel.of(STEP, ScaleLaw.identity(), 2, 1, 20);
        DenseKernelMatrix k = m.matrix(3);
        int n = k.size();
        double mean = k.trace() / n;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double e = k.get(i, i) - mean;
            s2 += e * e;
        }
        double se = Math.sqrt(s2 / (n - 1) / n);
        assertEquals(STEP.secondMoment(), mean, 5 * se);
    }

    @Test
    void explicitPopulationLawHasTheRightMixtureAndMean() {
        // MATH.md §8.3: ∫t dH = c⊥ + a1² (E D² = 1), up to the midpoint-quantile error of E L (≈ 1e-5 relative);
        // the atom at c⊥ has mass 1 − f_pair − f_single: γ2 = 0.5 → 0.25, γ2 = 2 → 0.75, γ2 = 1 → 0.5.
        for (double gamma2 : new double[] {0.5, 1, 2}) {
            for (ActivationDerivative phi : ActivationDerivative.values()) {
                DiscreteSpectralMeasure h = BenigniPaquetteModel.explicitPopulationLaw(phi, gamma2, 200);
                assertEquals(1.0, h.totalWeight(), 1e-12);
                double cPerp = phi.orthogonalVariance();
                double a1sq = phi.a1() * phi.a1();
                assertEquals(cPerp + a1sq, h.moment(1), 1e-4 * (cPerp + a1sq), phi + " gamma2 " + gamma2);
                double trivial = 0;
                double[] t = h.nodes();
                double[] w = h.weights();
                for (int i = 0; i < t.length; i++) {
                    if (t[i] == cPerp) {
                        trivial += w[i];
                    }
                    assertTrue(t[i] >= cPerp);
                }
                double fPair = Math.min(gamma2, 1 / gamma2) / 2;
                double fSingle = Math.max(1 - gamma2, 0);
                assertEquals(1 - fPair - fSingle, trivial, 1e-12);
            }
        }
    }

    @Test
    void surrogatePopulationLawAgreesWithTheExplicitOneForIdentityScales() {
        // Two independent constructions of H for D = I (MATH.md §8.3): the explicit mixture and the spectrum of
        // the dp×dp surrogate covariance (d = 20, 3 draws). The surrogate's mean is exactly
        // c⊥ + a1²(1 + 1/d)·‖Y‖²/p-average, whose expectation is c⊥ + a1²(1 + 1/d) with standard deviation
        // a1²√(2/(dp))/√draws; the two predicted densities (η = 0.02) must agree to L1 ≤ 0.05 of mass 0.5.
        ActivationDerivative phi = STEP;
        double cPerp = phi.orthogonalVariance();
        double a1sq = phi.a1() * phi.a1();
        int ds = 20;
        int draws = 3;
        DiscreteSpectralMeasure sur = BenigniPaquetteModel.surrogatePopulationLaw(phi, ScaleLaw.identity(), 1, ds,
                draws, 5);
        assertEquals(ds * ds * draws, sur.size());
        double sd = a1sq * Math.sqrt(2.0 / (ds * ds)) / Math.sqrt(draws);
        assertEquals(cPerp + a1sq * (1 + 1.0 / ds), sur.moment(1), 5 * sd);
        assertTrue(sur.min() >= cPerp * (1 - 1e-12));
        DiscreteSpectralMeasure exp = BenigniPaquetteModel.explicitPopulationLaw(phi, 1, 200);
        SilversteinEquation a = new SilversteinEquation(exp, 2);
        SilversteinEquation b = new SilversteinEquation(sur, 2);
        double[] grid = DensityTestMatrices.linspace(0, 1.25 * a.upperEdge(), 300);
        double[] da = a.density(grid, 0.02);
        double[] db = b.density(grid, 0.02);
        double[] diff = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            diff[i] = Math.abs(da[i] - db[i]);
        }
        assertTrue(DensityTestMatrices.trapezoid(grid, diff) < 0.05,
                () -> "L1 " + DensityTestMatrices.trapezoid(grid, diff));
    }

    @Test
    void predictedDensityIntegratesToOneMinusAtom() {
        // The continuous part has mass 1 − (1 − 1/γ1)_+. Cauchy smoothing of width η moves a mass of about
        // (η/π)∫ρ(λ)(1/λ + 1/(X − λ))dλ = O(η) out of the window [0, X], so the integral over the grid is
        // I(η) = (1 − atom) − cη + O(η²); the Richardson combination 2I(η) − I(2η) removes the O(η) term and
        // must equal 1 − atom to within the trapezoid error of 4000 points (below 2e-4).
        for (double gamma1 : new double[] {0.5, 2}) {
            BenigniPaquetteModel m = BenigniPaquetteModel.of(STEP, ScaleLaw.identity(), gamma1, 1, 40);
            DensityPrediction p = m.predict(4000, 1e-4);
            DensityPrediction p2 = m.predict(4000, 2e-4);
            assertEquals(Math.max(0, 1 - 1 / gamma1), p.atom(), 0.0);
            assertTrue(p.integral() < 1 - p.atom());
            assertEquals(1 - p.atom(), 2 * p.integral() - p2.integral(), 2e-4, "gamma1 " + gamma1);
            double[] grid = p.grid();
            double[] dens = p.density();
            assertEquals(0.0, grid[0], 0.0);
            assertEquals(1.25 * p.upperEdge(), grid[grid.length - 1], 1e-12);
            for (int i = 0; i < grid.length; i++) {
                assertTrue(dens[i] > -1e-9, "density must be non-negative");
                if (grid[i] > p.upperEdge() * 1.01) {
                    assertTrue(dens[i] < 1e-3);
                }
            }
            assertEquals(STEP.orthogonalVariance() + STEP.a1() * STEP.a1(), p.mean(), 1e-4);
        }
    }

    @Test
    void rejections() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenigniPaquetteModel.of(STEP, ScaleLaw.identity(), 0, 1, 10));
        assertTrue(e.getMessage().startsWith("gamma1 "));
        e = assertThrows(IllegalArgumentException.class,
                () -> BenigniPaquetteModel.of(STEP, ScaleLaw.identity(), 1, Double.NaN, 10));
        assertTrue(e.getMessage().startsWith("gamma2 "));
        e = assertThrows(IllegalArgumentException.class,
                () -> BenigniPaquetteModel.of(STEP, ScaleLaw.identity(), 1, 1, 0));
        assertTrue(e.getMessage().startsWith("d "));
        e = assertThrows(IllegalArgumentException.class,
                () -> BenigniPaquetteModel.of(STEP, ScaleLaw.identity(), 10, 1, 100));
        assertTrue(e.getMessage().startsWith("n "));
        assertThrows(NullPointerException.class, () -> BenigniPaquetteModel.of(null, ScaleLaw.identity(), 1, 1, 5));
        BenigniPaquetteModel m = BenigniPaquetteModel.of(STEP, ScaleLaw.identity(), 1, 1, 5);
        e = assertThrows(IllegalArgumentException.class, () -> m.predict(1, 0.01));
        assertTrue(e.getMessage().startsWith("gridPoints "));
        e = assertThrows(IllegalArgumentException.class, () -> m.predict(new double[] {0, 1, 0.5}, 0.01));
        assertTrue(e.getMessage().startsWith("grid "));
        e = assertThrows(IllegalArgumentException.class, () -> m.predict(10, -1));
        assertTrue(e.getMessage().startsWith("eta "));
        e = assertThrows(IllegalArgumentException.class, () -> m.matrix(1, 0));
        assertTrue(e.getMessage().startsWith("threads "));
        double[][] x = Gaussians.standardNormal(3, 2, 1);
        double[][] w = Gaussians.standardNormal(3, 2, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> BenigniPaquetteModel.matrix(x, w, new double[] {1, 1}, STEP, 1));
        assertTrue(e.getMessage().startsWith("w "));
        e = assertThrows(IllegalArgumentException.class,
                () -> BenigniPaquetteModel.matrix(x, Gaussians.standardNormal(2, 2, 1), new double[] {1}, STEP, 1));
        assertTrue(e.getMessage().startsWith("scales "));
    }

    @Test
    void simulatedMatrixIsBitwiseTheSameForEveryThreadCount() {
        // d = p = 6, n = γ1·d·p = 72: three row tasks of 32, the last one partial.
        BenigniPaquetteModel m = BenigniPaquetteModel.of(STEP, ScaleLaw.identity(), 2, 1, 6);
        assertEquals(72, m.matrix(9, 1).size());
        double[] one = m.matrix(9, 1).toArray();
        for (int threads : new int[] {2, 3, 8}) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(one, m.matrix(9, threads).toArray(), 0.0,
                    threads + " threads");
        }
    }
}
