package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.basis.EigenfunctionBasis;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.sampling.Gaussians;

/**
 * A sweep of the public entry points of {@code org.ntk.core.mercer}, {@code org.ntk.core.basis} and
 * {@code org.ntk.core.sampling} with bad arguments, including user kernels whose profile is NaN or
 * infinite: each is refused with the documented exception type and a message that names the
 * argument, so no NaN eigenvalue is ever reported as "below resolution".
 */
class MercerValidationAuditTest {

    private static void rejects(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, argument);
        assertTrue(e.getMessage().contains(argument), "message should name " + argument + ": " + e.getMessage());
    }

    private static void rejectsNull(String argument, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call, argument);
        assertEquals(argument, e.getMessage());
    }

    /** A user kernel with radial degree 1 and the given profile. */
    private static HomogeneousKernel custom(java.util.function.DoubleUnaryOperator h, int p) {
        return new HomogeneousKernel() {
            @Override
            public double profile(double t) {
                return h.applyAsDouble(t);
            }

            @Override
            public int radialDegree() {
                return p;
            }

            @Override
            public String name() {
                return "custom";
            }
        };
    }

    @Test
    void mercerSpectra() {
        HomogeneousKernel k = Kernels.arcCosine(1);
        rejectsNull("kernel", () -> MercerSpectra.of(null, 3, 2));
        rejects("d must be >= 1, got 0", () -> MercerSpectra.of(k, 0, 2));
        rejects("maxDegree must be >= 0, got -1", () -> MercerSpectra.of(k, 3, -1));
        rejects("kernel radialDegree must be 0 or 1, got 2", () -> MercerSpectra.of(custom(t -> 1, 2), 3, 2));
        rejects("kernel profile must be finite on [−1, 1], got NaN",
                () -> MercerSpectra.of(custom(t -> t < 0 ? Double.NaN : 1 + t, 1), 5, 3));
        rejects("kernel profile at t = 1 must be finite and > 0, got Infinity",
                () -> MercerSpectra.of(custom(t -> 1 / (1 - t), 1), 5, 3));
        rejects("kernel profile at t = −1 must be finite, got NaN",
                () -> MercerSpectra.of(custom(t -> t < 0 ? Double.NaN : 1, 1), 1, 3));
        rejects("d must be >= 1, got 0", () -> Sphere.reluMean(0));
        rejects("k must be >= 0, got -1", () -> Sphere.chiMoment(3, -1));
        rejects("k must be <= 1 for d = 1", () -> SphericalHarmonics.legendre(1, 2, 0.5));
        rejects("t must be finite, got NaN", () -> SphericalHarmonics.legendre(3, 2, Double.NaN));
        rejects("out must have length >= 1, got 0", () -> SphericalHarmonics.legendreAll(3, 0.5, new double[0]));
        rejectsNull("out", () -> SphericalHarmonics.legendreAll(3, 0.5, null));
        rejects("d must be >= 1, got 0", () -> SphericalHarmonics.multiplicity(0, 1));
        rejects("k must be >= 0, got -3", () -> SphericalHarmonics.logMultiplicity(4, -3));
    }

    @Test
    void eigenfunctionBasis() {
        rejects("d must be >= 1, got 0", () -> EigenfunctionBasis.of(0, 1));
        rejects("radialDegree must be 0 or 1, got 2", () -> EigenfunctionBasis.orthonormal(3, 2));
        EigenfunctionBasis b = EigenfunctionBasis.of(3, 1);
        rejects("x has dimension 2, expected 3", () -> b.values(new double[] {1, 2}));
        rejects("x[0] must be finite, got NaN", () -> b.values(new double[] {Double.NaN, 1, 2}));
        rejects("x[1][0] must be finite, got Infinity",
                () -> b.evaluate(new double[][] {{1, 2, 3}, {Double.POSITIVE_INFINITY, 0, 0}}));
        rejects("i must be in [0, " + b.size() + "), got -1", () -> b.innerProduct(-1, 0));
        rejects("degree must be 0, 1 or 2, got 3", () -> b.groupSize(3));
        rejectsNull("kernel", () -> b.eigenvalues(null));
        rejects("kernel radialDegree must equal the basis's radial degree 1, got 0",
                () -> b.eigenvalues(Kernels.arcCosine(0)));
        rejects("degree must be 0, 1 or 2, got 5", () -> EigenfunctionBasis.papersValue(3, 5));
    }

    @Test
    void gaussianSampling() {
        rejects("n must be >= 1, got 0", () -> Gaussians.matrix(0, 3, 1, 1));
        rejects("d must be >= 1, got -1", () -> Gaussians.standardNormal(3, -1, 1));
        rejects("variance must be finite and > 0, got 0.0", () -> Gaussians.matrix(3, 3, 0, 1));
        rejects("variance must be finite and > 0, got NaN", () -> Gaussians.matrix(3, 3, Double.NaN, 1));
        rejects("variance must be finite and > 0, got Infinity", () -> Gaussians.matrix(3, 3, Double.POSITIVE_INFINITY, 1));
    }
}
