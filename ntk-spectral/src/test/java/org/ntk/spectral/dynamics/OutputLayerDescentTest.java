package org.ntk.spectral.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.sampling.Gaussians;

/**
 * {@link OutputLayerDescent} against the exact function-space identity r_t = (I − ηK/n)^t r_0 (MATH.md
 * §5), a naive re-implementation, finite-difference gradients, and its argument checks.
 */
class OutputLayerDescentTest {

    private static final int D = 3;
    private static final int N = 120;
    private static final int M = 300;

    /** A spectrum of K/n computed in the test by commons-math, independently of the library's solver. */
    static SampleSpectrum independentSpectrum(KernelMatrix k) {
        int n = k.size();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = k.get(i, j) / n;
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        double[] raw = eig.getRealEigenvalues();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(raw[q], raw[p]));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int i = 0; i < n; i++) {
            values[i] = raw[order[i]];
            vectors[i] = eig.getEigenvector(order[i]).toArray();
        }
        return SampleSpectrum.fromEigenpairs(values, vectors);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Test
    void eigenvectorProjectionsFollowTheDiscreteIdentity() {
        double[][] x = Gaussians.standardNormal(N, D, 11);
        ReluNetwork net = ReluNetwork.random(D, M, WeightScale.STANDARD, 12);   // v_0 ~ N(0, 1): f_0 ≠ 0
        double[] y = Gaussians.standardNormal(1, N, 13)[0];
        OutputLayerDescent model = OutputLayerDescent.of(net, x);
        SampleSpectrum spectrum = independentSpectrum(model.kernel());
        SampleDirections dirs = SampleDirections.eigenvectors(spectrum, new int[] {1, D, 26});
        double eta = 1.0;
        DescentSchedule schedule = DescentSchedule.strided(eta, 60, 3);
        OutputLayerTrajectory traj = model.run(y, schedule, dirs, 2, ProgressListener.NONE);
        double r0 = norm(traj.initialResidual());
        int[] steps = traj.steps();
        for (int g = 0; g < dirs.count(); g++) {
            double lambda = spectrum.eigenvalue(g);
            double[] p = traj.projection(g);
            for (int j = 0; j < steps.length; j++) {
                double predicted = Math.pow(1 - eta * lambda, steps[j]) * p[0];
                // 1e-8 relative (the brief's criterion) plus a rounding floor: GD accumulates about
                // t·ε·√m relative to ‖r_0‖ (t ≤ 60, m = 300): far below 1e-12·‖r_0‖.
                assertEquals(predicted, p[j], 1e-8 * Math.abs(predicted) + 1e-12 * r0,
                        "direction " + g + " (Λ = " + lambda + ") at step " + steps[j]);
            }
        }
        // and the whole residual: the loss equals the spectral prediction (an identity)
        double[] predictedLoss = spectrum.predictedLosses(traj.initialResidual(), schedule);
        double[] loss = traj.losses();
        for (int j = 0; j < loss.length; j++) {
            assertEquals(predictedLoss[j], loss[j], 1e-9 * loss[j], "loss at step " + steps[j]);
        }
        // y is noise: most of ‖r_0‖² lies along tiny eigenvalues, so the loss falls, but not far
        assertTrue(loss[loss.length - 1] < loss[0], "training must reduce the loss");
    }

    @Test
    void anyDirectionFollowsTheSpectralPrediction() {
        double[][] x = Gaussians.standardNormal(N, D, 21);
        ReluNetwork random = ReluNetwork.random(D, M, WeightScale.STANDARD, 22);
        ReluNetwork net = ReluNetwork.of(random.hiddenWeights(), new double[M]);   // f_0 = 0
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = Math.sin(x[i][0]) + x[i][1] * x[i][2];
        }
        OutputLayerDescent model = OutputLayerDescent.of(net, x);
        assertArrayEquals(new double[N], model.initialPredictions(), 0.0, "zero output weights give f_0 = 0");
        SampleSpectrum spectrum = independentSpectrum(model.kernel());
        SampleDirections dirs = SampleDirections.eigenfunctions(x);
        DescentSchedule schedule = DescentSchedule.strided(0.7, 40, 4);
        OutputLayerTrajectory traj = model.run(y, schedule, dirs);
        double[] r0 = traj.initialResidual();
        for (int i = 0; i < N; i++) {
            assertEquals(-y[i], r0[i], 0.0, "r_0 = −y when f_0 = 0");
        }
        double[][] predicted = spectrum.predictedProjections(r0, dirs, schedule);
        double scale = norm(r0);
        for (int g = 0; g < dirs.count(); g++) {
            double[] p = traj.projection(g);
            for (int j = 0; j < p.length; j++) {
                assertEquals(predicted[g][j], p[j], 1e-8 * Math.abs(predicted[g][j]) + 1e-12 * scale,
                        dirs.label(g) + " at step " + schedule.recordedStep(j));
            }
        }
    }

    @Test
    void gradientFlowIsTheSmallStepLimit() {
        double[][] x = Gaussians.standardNormal(N, D, 31);
        ReluNetwork net = ReluNetwork.random(D, M, WeightScale.STANDARD, 32);
        double[] y = Gaussians.standardNormal(1, N, 33)[0];
        OutputLayerDescent model = OutputLayerDescent.of(net, x);
        SampleSpectrum spectrum = independentSpectrum(model.kernel());
        SampleDirections dirs = SampleDirections.eigenvectors(spectrum, new int[] {1, D});
        double eta = 0.02;
        DescentSchedule schedule = DescentSchedule.strided(eta, 200, 50);
        OutputLayerTrajectory traj = model.run(y, schedule, dirs);
        int[] steps = schedule.recordedSteps();
        double[] times = new double[steps.length];
        for (int j = 0; j < steps.length; j++) {
            times[j] = eta * steps[j];
        }
        double[][] flow = spectrum.flowProjections(traj.initialResidual(), dirs, times);
        for (int g = 0; g < dirs.count(); g++) {
            double lambda = spectrum.eigenvalue(g);
            double[] p = traj.projection(g);
            for (int j = 1; j < steps.length; j++) {
                // (1 − ηΛ)^t / exp(−ηΛt) = exp(t[ln(1 − ηΛ) + ηΛ]) = 1 − t(ηΛ)²/2 + O(t(ηΛ)³ + t²(ηΛ)⁴)
                double gap = steps[j] * (eta * lambda) * (eta * lambda) / 2;
                double rel = p[j] / flow[g][j] - 1;
                assertEquals(-gap, rel, 0.1 * gap + 1e-9, "direction " + g + " at step " + steps[j]);
            }
        }
        double[] flowLoss = spectrum.flowLosses(traj.initialResidual(), new double[] {0});
        assertEquals(traj.losses()[0], flowLoss[0], 1e-12 * flowLoss[0], "both start from L_0");
    }

    @Test
    void matchesANaiveImplementation() {
        // n = 5, m = 7, d = 2: three steps of v ← v − (η/(n√m)) Φᵀ(Φv/√m − y), written out with loops
        double[][] x = Gaussians.standardNormal(5, 2, 41);
        ReluNetwork net = ReluNetwork.random(2, 7, WeightScale.STANDARD, 42);
        double[] y = {0.3, -1.2, 0.8, 2.0, -0.1};
        double eta = 0.4;
        double[][] w = net.hiddenWeights();
        double[] v = net.outputWeights();
        double[][] phi = new double[5][7];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) {
                phi[i][j] = Math.max(0, w[j][0] * x[i][0] + w[j][1] * x[i][1]);
            }
        }
        for (int step = 0; step < 3; step++) {
            double[] r = new double[5];
            for (int i = 0; i < 5; i++) {
                double f = 0;
                for (int j = 0; j < 7; j++) {
                    f += phi[i][j] * v[j];
                }
                r[i] = f / Math.sqrt(7) - y[i];
            }
            double[] g = new double[7];
            for (int j = 0; j < 7; j++) {
                for (int i = 0; i < 5; i++) {
                    g[j] += phi[i][j] * r[i];
                }
                g[j] /= 5 * Math.sqrt(7);
            }
            for (int j = 0; j < 7; j++) {
                v[j] -= eta * g[j];
            }
        }
        OutputLayerTrajectory traj = OutputLayerDescent.of(net, x).run(y, DescentSchedule.at(eta, 0, 3), null);
        assertArrayEquals(v, traj.finalOutputWeights(), 1e-13);
    }

    @Test
    void oneStepMovesAlongTheFiniteDifferenceGradient() {
        double[][] x = Gaussians.standardNormal(8, 3, 51);
        ReluNetwork net = ReluNetwork.random(3, 6, WeightScale.STANDARD, 52);
        double[] y = Gaussians.standardNormal(1, 8, 53)[0];
        double eta = 1e-3;
        OutputLayerTrajectory traj = OutputLayerDescent.of(net, x).run(y, DescentSchedule.at(eta, 0, 1), null);
        double[] v0 = net.outputWeights();
        double[] v1 = traj.finalOutputWeights();
        double h = 1e-6;
        for (int j = 0; j < v0.length; j++) {
            double[] plus = v0.clone();
            double[] minus = v0.clone();
            plus[j] += h;
            minus[j] -= h;
            double fd = (loss(net, x, y, plus) - loss(net, x, y, minus)) / (2 * h);
            // central difference of a quadratic in v: exact up to rounding (~1e-16/h relative)
            assertEquals(fd, (v0[j] - v1[j]) / eta, 1e-7 * Math.max(1, Math.abs(fd)), "∂L/∂v_" + j);
        }
    }

    private static double loss(ReluNetwork net, double[][] x, double[] y, double[] v) {
        double[] f = ReluNetwork.of(net.hiddenWeights(), v).predict(x);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = f[i] / Math.sqrt(net.width()) - y[i];
            s += r * r;
        }
        return s / (2 * y.length);
    }

    @Test
    void bitwiseIdenticalForEveryThreadCountAndReportsProgress() {
        double[][] x = Gaussians.standardNormal(70, 4, 61);
        ReluNetwork net = ReluNetwork.random(4, 1500, WeightScale.STANDARD, 62);
        double[] y = Gaussians.standardNormal(1, 70, 63)[0];
        OutputLayerDescent model = OutputLayerDescent.of(net, x);
        SampleDirections dirs = SampleDirections.eigenfunctions(x);
        DescentSchedule schedule = DescentSchedule.strided(0.9, 25, 5);
        AtomicLong last = new AtomicLong();
        List<Long> seen = new ArrayList<>();
        OutputLayerTrajectory one = model.run(y, schedule, dirs, 1, (task, done, total) -> {
            seen.add(done);
            last.set(total);
        });
        OutputLayerTrajectory three = model.run(y, schedule, dirs, 3, ProgressListener.NONE);
        assertEquals(one, three, "value equality of the whole trajectory");
        assertEquals(one.hashCode(), three.hashCode());
        assertArrayEquals(one.losses(), three.losses(), 0.0);
        assertArrayEquals(one.finalOutputWeights(), three.finalOutputWeights(), 0.0);
        for (int g = 0; g < dirs.count(); g++) {
            assertArrayEquals(one.projection(g), three.projection(g), 0.0);
        }
        assertEquals(25, seen.size(), "one report per step");
        assertEquals(25L, last.get());
        assertEquals(25L, seen.get(seen.size() - 1));
    }

    @Test
    void resultsAreCopies() {
        double[][] x = Gaussians.standardNormal(20, 2, 71);
        ReluNetwork net = ReluNetwork.random(2, 30, WeightScale.STANDARD, 72);
        double[] y = new double[20];
        OutputLayerTrajectory traj = OutputLayerDescent.of(net, x).run(y, DescentSchedule.everyStep(0.5, 3), null);
        double[] loss = traj.losses();
        loss[0] = 42;
        assertNotEquals(42, traj.losses()[0]);
        int[] steps = traj.steps();
        steps[0] = 9;
        assertEquals(0, traj.steps()[0]);
    }

    @Test
    void divergenceIsReported() {
        double[][] x = Gaussians.standardNormal(30, 3, 81);
        ReluNetwork net = ReluNetwork.random(3, 50, WeightScale.STANDARD, 82);
        double[] y = Gaussians.standardNormal(1, 30, 83)[0];
        // Λ_max(K/n) ≈ λ0 = 0.5625 (d = 3); η = 50 makes |1 − ηΛ_max| ≈ 27, overflow within ~250 steps
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> OutputLayerDescent.of(net, x).run(y, DescentSchedule.everyStep(50, 2000), null));
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
    }

    @Test
    void rejectsBadArguments() {
        double[][] x = Gaussians.standardNormal(10, 2, 91);
        ReluNetwork net = ReluNetwork.random(2, 5, WeightScale.STANDARD, 92);
        OutputLayerDescent model = OutputLayerDescent.of(net, x);
        DescentSchedule s = DescentSchedule.everyStep(0.1, 2);
        double[] y = new double[10];
        rejects(IllegalArgumentException.class, "y", () -> model.run(new double[9], s, null));
        double[] nan = new double[10];
        nan[3] = Double.NaN;
        rejects(IllegalArgumentException.class, "y", () -> model.run(nan, s, null));
        rejects(NullPointerException.class, "y", () -> model.run(null, s, null));
        rejects(NullPointerException.class, "schedule", () -> model.run(y, null, null));
        rejects(IllegalArgumentException.class, "threads", () -> model.run(y, s, null, 0, ProgressListener.NONE));
        rejects(NullPointerException.class, "listener", () -> model.run(y, s, null, 1, null));
        SampleDirections other = SampleDirections.eigenfunctions(Gaussians.standardNormal(12, 2, 93));
        rejects(IllegalArgumentException.class, "directions", () -> model.run(y, s, other));
        rejects(NullPointerException.class, "net", () -> OutputLayerDescent.of(null, x));
        rejects(IllegalArgumentException.class, "x", () -> OutputLayerDescent.of(net, new double[3][3]));
    }

    static void rejects(Class<? extends RuntimeException> type, String argument, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(argument),
                "message should name " + argument + ": " + e.getMessage());
    }
}
