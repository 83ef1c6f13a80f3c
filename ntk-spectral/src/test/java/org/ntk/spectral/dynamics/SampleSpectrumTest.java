package org.ntk.spectral.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ntk.spectral.dynamics.OutputLayerDescentTest.rejects;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.Spectra;

/** {@link SampleSpectrum} on a planted spectrum K = n·Q diag(λ) Qᵀ, so that K/n has eigenvalues λ. */
class SampleSpectrumTest {

    private static final int N = 6;
    private static final double[] LAMBDA = {0.9, 0.5, 0.3, 0.3, 0.05, 0.0};
    private static double[][] q;
    private static SampleSpectrum spectrum;

    @BeforeAll
    static void plant() {
        RealMatrix g = new Array2DRowRealMatrix(Gaussians.standardNormal(N, N, 5));
        q = new QRDecomposition(g).getQ().getData();   // columns orthonormal
        double[][] k = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                for (int c = 0; c < N; c++) {
                    k[i][j] += N * q[i][c] * LAMBDA[c] * q[j][c];
                }
            }
        }
        spectrum = SampleSpectrum.of(DenseKernelMatrix.of(k, 1e-14));
    }

    private static double[] column(int c) {
        double[] u = new double[N];
        for (int i = 0; i < N; i++) {
            u[i] = q[i][c];
        }
        return u;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void eigenvaluesAreThoseOfKOverN() {
        assertEquals(N, spectrum.size());
        assertArrayEquals(LAMBDA, spectrum.eigenvalues(), 1e-14);
        // the simple eigenvectors are the planted ones up to sign
        for (int c : new int[] {0, 1, 4, 5}) {
            assertEquals(1, Math.abs(dot(spectrum.eigenvector(c), column(c))), 1e-12, "vector " + c);
        }
    }

    @Test
    void predictionsInClosedForm() {
        double[] c = {1.0, -2.0, 0.5, 0.25, 3.0, 1.5};
        double[] r0 = new double[N];
        for (int k = 0; k < N; k++) {
            for (int i = 0; i < N; i++) {
                r0[i] += c[k] * q[i][k];
            }
        }
        double eta = 1.5;
        DescentSchedule s = DescentSchedule.at(eta, 0, 1, 7);
        double[] loss = spectrum.predictedLosses(r0, s);
        double[] flow = spectrum.flowLosses(r0, new double[] {0, 2.5});
        for (int j = 0; j < 3; j++) {
            double expected = 0;
            for (int k = 0; k < N; k++) {
                expected += Math.pow(1 - eta * LAMBDA[k], 2 * s.recordedStep(j)) * c[k] * c[k];
            }
            assertEquals(expected / (2 * N), loss[j], 1e-14);
        }
        double expectedFlow = 0;
        for (int k = 0; k < N; k++) {
            expectedFlow += Math.exp(-2 * LAMBDA[k] * 2.5) * c[k] * c[k];
        }
        assertEquals(expectedFlow / (2 * N), flow[1], 1e-14);
        // projection on u_0 and on the eigen-direction (u_2 + u_3)/√2 of the repeated eigenvalue
        double[] mixed = new double[N];
        for (int i = 0; i < N; i++) {
            mixed[i] = (q[i][2] + q[i][3]) / Math.sqrt(2);
        }
        SampleDirections dirs = SampleDirections.orthonormalised(List.of("u0", "u23"), new int[] {0, 1},
                new double[][] {column(0), mixed});
        double[][] p = spectrum.predictedProjections(r0, dirs, s);
        double[][] pf = spectrum.flowProjections(r0, dirs, new double[] {3});
        for (int j = 0; j < 3; j++) {
            int t = s.recordedStep(j);
            assertEquals(Math.pow(1 - eta * 0.9, t) * c[0], p[0][j], 1e-14);
            assertEquals(Math.pow(1 - eta * 0.3, t) * (c[2] + c[3]) / Math.sqrt(2), p[1][j], 1e-14);
        }
        assertEquals(Math.exp(-0.9 * 3) * c[0], pf[0][0], 1e-14);
        assertArrayEquals(c, signFix(spectrum.coefficients(r0)), 1e-13);
    }

    /** Coefficients on the planted columns, from the computed ones (signs may differ, u_2/u_3 rotate). */
    private static double[] signFix(double[] computed) {
        double[] out = new double[N];
        double[] rebuilt = new double[N];
        for (int k = 0; k < N; k++) {
            double[] u = spectrum.eigenvector(k);
            for (int i = 0; i < N; i++) {
                rebuilt[i] += computed[k] * u[i];
            }
        }
        for (int k = 0; k < N; k++) {
            out[k] = dot(rebuilt, column(k));
        }
        return out;
    }

    @Test
    void matchedEigenvalueAndOverlap() {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = (q[i][0] + q[i][4]) / Math.sqrt(2);
        }
        assertEquals(1, spectrum.overlap(v, 0, N), 1e-14);
        assertEquals(0.5, spectrum.overlap(v, 0, 1), 1e-14);
        assertEquals(0.9, spectrum.matchedEigenvalue(v, 0, 1), 1e-14);
        assertEquals((0.9 + 0.05) / 2, spectrum.matchedEigenvalue(v, 0, 5), 1e-14);
        // a direction exactly orthogonal to the cluster has no matched eigenvalue
        SampleSpectrum unit = SampleSpectrum.fromEigenpairs(new double[] {2, 1}, new double[][] {{1, 0}, {0, 1}});
        rejects(IllegalArgumentException.class, "direction", () -> unit.matchedEigenvalue(new double[] {1, 0}, 1, 2));
        rejects(IllegalArgumentException.class, "cluster", () -> spectrum.overlap(v, 3, 3));
        rejects(IllegalArgumentException.class, "cluster", () -> spectrum.overlap(v, 0, N + 1));
    }

    @Test
    void fromADecomposition() {
        SampleSpectrum viaDecomposition = SampleSpectrum.of(Spectra.decompose(
                DenseKernelMatrix.of(new double[][] {{4, 1}, {1, 4}})));
        assertArrayEquals(new double[] {2.5, 1.5}, viaDecomposition.eigenvalues(), 1e-14);
        rejects(IllegalArgumentException.class, "decomposition",
                () -> SampleSpectrum.of(Spectra.top(DenseKernelMatrix.of(new double[][] {{4, 1}, {1, 4}}), 1)));
    }

    @Test
    void fromEigenpairsChecks() {
        double[][] id = {{1, 0}, {0, 1}};
        SampleSpectrum s = SampleSpectrum.fromEigenpairs(new double[] {2, 1}, new double[][] {{-1, 0}, {0, 1}});
        assertArrayEquals(new double[] {1, 0}, s.eigenvector(0), 0.0, "canonical sign");
        rejects(IllegalArgumentException.class, "eigenvalues",
                () -> SampleSpectrum.fromEigenpairs(new double[] {1, 2}, id));
        rejects(IllegalArgumentException.class, "eigenvectors[1]",
                () -> SampleSpectrum.fromEigenpairs(new double[] {2, 1}, new double[][] {{1, 0}, {0, 2}}));
        rejects(IllegalArgumentException.class, "eigenvectors",
                () -> SampleSpectrum.fromEigenpairs(new double[] {2, 1, 0}, id));
        rejects(NullPointerException.class, "kernel", () -> SampleSpectrum.of((org.ntk.core.kernel.KernelMatrix) null));
        rejects(IllegalArgumentException.class, "r", () -> s.coefficients(new double[3]));
        rejects(IllegalArgumentException.class, "initialResidual",
                () -> s.predictedLosses(new double[3], DescentSchedule.at(1, 0)));
        rejects(IllegalArgumentException.class, "times[0]", () -> s.flowLosses(new double[2], new double[] {-1}));
        SampleDirections other = SampleDirections.orthonormalised(List.of("a"), new int[] {0}, new double[][] {{1, 0, 0}});
        rejects(IllegalArgumentException.class, "directions",
                () -> s.predictedProjections(new double[2], other, DescentSchedule.at(1, 0)));
    }
}
