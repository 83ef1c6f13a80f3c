package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.Kernels;

/**
 * Mercer spectra at the extremes the issue names: input dimension d up to 10 000 and deep kernels of
 * depth 100. Every eigenvalue is finite and non-negative (the kernels are PSD), every error bound
 * finite, every trace share and the captured and residual fractions in [0, 1], and the shares add up
 * to the captured fraction.
 */
class MercerRobustnessTest {

    private static void assertSane(MercerSpectrum s, String what) {
        assertTrue(Double.isFinite(s.trace()) && s.trace() > 0, what + " trace " + s.trace());
        double sum = 0;
        for (MercerDegree g : s.degrees()) {
            String at = what + ", k = " + g.degree();
            assertTrue(Double.isFinite(g.eigenvalue()) && g.eigenvalue() >= 0, at + ": λ = " + g.eigenvalue());
            assertTrue(Double.isFinite(g.errorBound()) && g.errorBound() >= 0, at + ": bound " + g.errorBound());
            assertTrue(g.traceShare() >= 0 && g.traceShare() <= 1, at + ": share " + g.traceShare());
            assertTrue(g.multiplicity() >= 0 && !Double.isNaN(g.multiplicity()), at);
            assertTrue(!Double.isNaN(g.logMultiplicity()), at);
            sum += g.traceShare();
        }
        double captured = s.capturedFraction();
        assertTrue(captured >= 0 && captured <= 1 + 1e-12, what + ": captured " + captured);
        assertTrue(s.residualFraction() >= -1e-12 && s.residualFraction() <= 1, what + ": residual "
                + s.residualFraction());
        assertEquals(sum, captured, 1e-15);
    }

    @Test
    void dimensionTenThousandGivesFiniteNonNegativeSpectra() {
        List<HomogeneousKernel> kernels = List.of(Kernels.arcCosine(0), Kernels.arcCosine(1), Kernels.twoLayerNtk(),
                Kernels.deepNtk(3), Kernels.deepNngp(3));
        for (HomogeneousKernel k : kernels) {
            MercerSpectrum s = MercerSpectra.of(k, 10_000, 8);
            assertSane(s, k + ", d = 10000");
            // the radial degree-1 trace is d·h(1) (MATH.md §3.3): an exact check of the scaling at large d
            assertEquals(k.radialDegree() == 1 ? 10_000 * k.profile(1) : k.profile(1), s.trace(), 1e-12 * s.trace());
            // the degree-1 eigenvalue is resolved and positive for every kernel of this library
            assertTrue(s.degree(1).resolved() && s.eigenvalue(1) > 0, k + ": λ_1 = " + s.eigenvalue(1));
        }
    }

    @Test
    void depthOneHundredKernelsGiveFiniteSpectraAtSmallAndLargeDimension() {
        for (HomogeneousKernel k : List.of(Kernels.deepNtk(100), Kernels.deepNngp(100))) {
            for (int d : new int[] {1, 2, 10, 10_000}) {
                MercerSpectrum s = MercerSpectra.of(k, d, 6);
                assertSane(s, k + ", d = " + d);
            }
        }
    }

    /**
     * deep-ntk with 3 hidden layers at d = 20, degrees to 720: from k ≈ 480 on (N(d, k) ≈ 1e30) the
     * quadrature noise once exceeded its own error estimate by 1.2–1.4× at some degrees, and the
     * spectrum reported shares of +38, +42 and −42 there (97 inconsistent degrees, a captured fraction
     * of 35, negative eigenvalues). The invariants of a PSD kernel must hold at every degree.
     */
    @Test
    void roundOffNoiseAboveItsEstimateIsNotReportedAsAnEigenvalue() {
        MercerSpectrum s = MercerSpectra.of(Kernels.deepNtk(3), 20, 720);
        assertSane(s, "deep-ntk(3), d = 20");
        for (MercerDegree g : s.degrees()) {
            if (g.resolved()) {
                assertTrue(g.eigenvalue() > g.errorBound() || g.eigenvalue() == 0, "k = " + g.degree());
            }
        }
    }

    @Test
    void degreesBeyondTheCapAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MercerSpectra.of(Kernels.arcCosine(1), 3, MercerSpectra.MAX_DEGREE + 1));
        assertEquals("maxDegree must be <= 10000, got 10001", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MercerSpectra.of(Kernels.arcCosine(1), 3, Integer.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("maxDegree"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SphericalHarmonics.legendre(3, Integer.MAX_VALUE, 0.5));
        assertTrue(e.getMessage().startsWith("k must be"), e.getMessage());
    }
}
