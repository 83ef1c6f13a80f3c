package org.ntk.spectral.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

class SilversteinEquationTest {

    private static DiscreteSpectralMeasure dirac(double t) {
        return new DiscreteSpectralMeasure(new double[] {t}, new double[] {1});
    }

    @Test
    void pointMassPopulationGivesMarchenkoPastur() {
        // MATH.md §8.4: with H = δ_1 the law is Marchenko–Pastur of ratio γ1 (closed-form edges, atom, density).
        for (double gamma1 : new double[] {0.5, 2}) {
            SilversteinEquation eq = new SilversteinEquation(dirac(1), gamma1);
            MarchenkoPastur mp = MarchenkoPastur.of(gamma1);
            assertEquals(mp.upperEdge(), eq.upperEdge(), 1e-10, "gamma1 " + gamma1);
            assertEquals(mp.lowerEdge(), eq.lowerEdge(), 1e-10, "gamma1 " + gamma1);
            assertEquals(mp.atom(), eq.atom(), 0.0);
            double[] grid = DensityTestMatrices.linspace(mp.lowerEdge() + 0.05, mp.upperEdge() - 0.05, 50);
            double eta = 1e-9;
            double[] dens = eq.density(grid, eta);
            for (int i = 0; i < grid.length; i++) {
                // smoothing error O(η·|ρ'|/ρ) ≲ 1e-7 this far inside the support
                assertEquals(mp.density(grid[i]), dens[i], 1e-6 * mp.density(grid[i]), "x = " + grid[i]);
            }
        }
    }

    @Test
    void scaledPointMassScalesTheLaw() {
        // H = δ_s gives the MP law with variance s.
        SilversteinEquation eq = new SilversteinEquation(dirac(0.3), 0.7);
        MarchenkoPastur mp = MarchenkoPastur.of(0.7, 0.3);
        assertEquals(mp.upperEdge(), eq.upperEdge(), 1e-11);
        assertEquals(mp.lowerEdge(), eq.lowerEdge(), 1e-11);
        double x = 0.5 * (mp.lowerEdge() + mp.upperEdge());
        assertEquals(mp.density(x), eq.density(new double[] {x}, 1e-10)[0], 1e-6 * mp.density(x));
    }

    @Test
    void momentsOfTheLawAreThoseOfTheFreeConvolution() {
        // μ = (1/γ1)(H ⊠ π_γ1) + (1 − 1/γ1)δ_0 has ∫λ dμ = E_H t and ∫λ² dμ = γ1 E_H t² + (E_H t)² (expansion of
        // the Silverstein equation at z → ∞). Two-atom H, γ1 = 1.5; integrals of the η = 1e-6 density over a
        // 20 000-point grid covering the support (trapezoid and smoothing errors below 1e-3 relative).
        DiscreteSpectralMeasure h = new DiscreteSpectralMeasure(new double[] {0.2, 1.0}, new double[] {0.6, 0.4});
        double gamma1 = 1.5;
        SilversteinEquation eq = new SilversteinEquation(h, gamma1);
        double[] grid = DensityTestMatrices.linspace(0, eq.upperEdge() * 1.02, 20_000);
        double[] dens = eq.density(grid, 1e-6);
        double[] x1 = new double[grid.length];
        double[] x2 = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            x1[i] = grid[i] * dens[i];
            x2[i] = grid[i] * grid[i] * dens[i];
        }
        double et = 0.6 * 0.2 + 0.4;
        double et2 = 0.6 * 0.04 + 0.4;
        assertEquals(1 - eq.atom(), DensityTestMatrices.trapezoid(grid, dens), 1e-3);
        assertEquals(et, DensityTestMatrices.trapezoid(grid, x1), 1e-3 * et);
        assertEquals(gamma1 * et2 + et * et, DensityTestMatrices.trapezoid(grid, x2), 1e-3 * (gamma1 * et2 + et * et));
        assertEquals(1 - 1 / gamma1, eq.atom(), 0.0);
        assertEquals(et, eq.mean(), 1e-15);
    }

    @Test
    void singlePointSolutionSatisfiesTheEquation() {
        DiscreteSpectralMeasure h = new DiscreteSpectralMeasure(new double[] {0.1, 0.5, 2}, new double[] {0.2, 0.5, 0.3});
        SilversteinEquation eq = new SilversteinEquation(h, 0.8);
        for (double x : new double[] {-1, 0.05, 0.4, 1.3, 7}) {
            double eta = 1e-3;
            Complex z = new Complex(x, eta);
            Complex m = eq.stieltjes(x, eta);
            assertTrue(m.getImaginary() > 0);
            Complex rhs = m.reciprocal().negate();
            double[] t = {0.1, 0.5, 2};
            double[] w = {0.2, 0.5, 0.3};
            for (int i = 0; i < 3; i++) {
                rhs = rhs.add(new Complex(w[i] * t[i]).divide(m.multiply(0.8 * t[i]).add(1)));
            }
            assertEquals(0.0, z.subtract(rhs).abs(), 1e-10 * (z.abs() + m.reciprocal().abs()), "x = " + x);
            // continuation on a grid gives the same root
            double im = eq.stieltjesImaginary(new double[] {x + 0.5, x + 0.2, x}, eta)[2];
            assertEquals(m.getImaginary(), im, 1e-9 * m.getImaginary());
        }
    }

    @Test
    void zeroAtomsOfThePopulationEnlargeTheAtomAtZero() {
        // H = ½δ_0 + ½δ_1 with γ1 = 1: only N/2 population directions are non-zero, so the matrix is
        // (1/N) Z₁ᵀZ₁ = ½ · (1/(N/2)) Z₁ᵀZ₁ with n/(N/2) = 2: the Marchenko–Pastur law of ratio 2 and variance ½,
        // atom ½ and upper edge ½(1 + √2)².
        SilversteinEquation eq = new SilversteinEquation(
                new DiscreteSpectralMeasure(new double[] {0, 1}, new double[] {0.5, 0.5}), 1);
        MarchenkoPastur ref = MarchenkoPastur.of(2, 0.5);
        assertEquals(ref.atom(), eq.atom(), 1e-15);
        assertEquals(ref.upperEdge(), eq.upperEdge(), 1e-10);
        assertEquals(ref.lowerEdge(), eq.lowerEdge(), 1e-10);
        double x = 1.2;
        assertEquals(ref.density(x), eq.density(new double[] {x}, 1e-10)[0], 1e-6 * ref.density(x));
    }

    @Test
    void rejections() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SilversteinEquation(dirac(-1), 1));
        assertTrue(e.getMessage().startsWith("populationLaw "));
        e = assertThrows(IllegalArgumentException.class, () -> new SilversteinEquation(dirac(0), 1));
        assertTrue(e.getMessage().startsWith("populationLaw "));
        e = assertThrows(IllegalArgumentException.class, () -> new SilversteinEquation(
                new DiscreteSpectralMeasure(new double[] {1}, new double[] {0.5}), 1));
        assertTrue(e.getMessage().startsWith("populationLaw "));
        e = assertThrows(IllegalArgumentException.class, () -> new SilversteinEquation(dirac(1), 0));
        assertTrue(e.getMessage().startsWith("gamma1 "));
        SilversteinEquation eq = new SilversteinEquation(dirac(1), 1);
        e = assertThrows(IllegalArgumentException.class, () -> eq.density(new double[] {1}, 0));
        assertTrue(e.getMessage().startsWith("eta "));
        e = assertThrows(IllegalArgumentException.class, () -> eq.stieltjes(Double.NaN, 1));
        assertTrue(e.getMessage().startsWith("x "));
        assertThrows(NullPointerException.class, () -> new SilversteinEquation(null, 1));
    }
}
