package org.ntk.spectral.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ntk.spectral.dynamics.OutputLayerDescentTest.rejects;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.TwoLayerEmpiricalNtk;
import org.ntk.core.network.WeightScale;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.sampling.Gaussians;

/** {@link BothLayersDescent}: finite-difference gradients, a naive re-implementation, kernel tracking. */
class BothLayersDescentTest {

    /** L = (1/2n) Σ (m^{-1/2} Σ_j v_j ReLU(w_j·x_i) − y_i)², via ReluNetwork.predict. */
    private static double loss(double[][] w, double[] v, double[][] x, double[] y) {
        double[] f = ReluNetwork.of(w, v).predict(x);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = f[i] / Math.sqrt(v.length) - y[i];
            s += r * r;
        }
        return s / (2 * y.length);
    }

    @Test
    void oneStepMovesAlongTheFiniteDifferenceGradient() {
        int d = 3;
        int m = 5;
        double[][] x = Gaussians.standardNormal(7, d, 1);
        double[] y = Gaussians.standardNormal(1, 7, 2)[0];
        ReluNetwork net = ReluNetwork.random(d, m, WeightScale.STANDARD, 3);
        double eta = 1e-3;
        ReluNetwork after = BothLayersDescent.run(net, x, y, DescentSchedule.at(eta, 0, 1)).finalNetwork();
        double[][] w = net.hiddenWeights();
        double[] v = net.outputWeights();
        double[][] w1 = after.hiddenWeights();
        double[] v1 = after.outputWeights();
        double h = 1e-6;
        for (int j = 0; j < m; j++) {
            double[] vp = v.clone();
            double[] vm = v.clone();
            vp[j] += h;
            vm[j] -= h;
            double fd = (loss(w, vp, x, y) - loss(w, vm, x, y)) / (2 * h);
            assertEquals(fd, (v[j] - v1[j]) / eta, 1e-7 * Math.max(1, Math.abs(fd)), "∂L/∂v_" + j);
            for (int k = 0; k < d; k++) {
                double[][] wp = ArrayCopies.deep(w);
                double[][] wm = ArrayCopies.deep(w);
                wp[j][k] += h;
                wm[j][k] -= h;
                // no pre-activation lies within h·|x| of the kink for this seed (checked by the
                // agreement itself: a kink inside the difference would change fd at O(1))
                double fdw = (loss(wp, v, x, y) - loss(wm, v, x, y)) / (2 * h);
                assertEquals(fdw, (w[j][k] - w1[j][k]) / eta, 1e-7 * Math.max(1, Math.abs(fdw)), "∂L/∂w_" + j + k);
            }
        }
    }

    @Test
    void matchesANaiveImplementation() {
        int d = 2;
        int m = 6;
        int n = 4;
        double[][] x = Gaussians.standardNormal(n, d, 11);
        double[] y = {1.0, -0.5, 0.25, 2.0};
        ReluNetwork net = ReluNetwork.random(d, m, WeightScale.STANDARD, 12);
        double eta = 0.3;
        double[][] w = net.hiddenWeights();
        double[] v = net.outputWeights();
        double c = 1 / Math.sqrt(m);
        for (int step = 0; step < 4; step++) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int j = 0; j < m; j++) {
                    f += v[j] * Math.max(0, w[j][0] * x[i][0] + w[j][1] * x[i][1]);
                }
                r[i] = c * f - y[i];
            }
            double[] gv = new double[m];
            double[][] gw = new double[m][d];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    double z = w[j][0] * x[i][0] + w[j][1] * x[i][1];
                    gv[j] += r[i] * Math.max(0, z) * c / n;
                    if (z > 0) {
                        for (int k = 0; k < d; k++) {
                            gw[j][k] += r[i] * v[j] * x[i][k] * c / n;
                        }
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                v[j] -= eta * gv[j];
                for (int k = 0; k < d; k++) {
                    w[j][k] -= eta * gw[j][k];
                }
            }
        }
        BothLayersTrajectory t = BothLayersDescent.run(net, x, y, DescentSchedule.at(eta, 0, 2, 4));
        assertArrayEquals(v, t.finalNetwork().outputWeights(), 1e-13);
        for (int j = 0; j < m; j++) {
            assertArrayEquals(w[j], t.finalNetwork().hiddenWeights()[j], 1e-13);
        }
        assertEquals(loss(w, v, x, y), t.losses()[2], 1e-13);
    }

    @Test
    void tracksTheBothLayersKernel() {
        double[][] x = Gaussians.standardNormal(30, 4, 21);
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = Math.abs(x[i][0]) - x[i][1] * x[i][2];
        }
        ReluNetwork net = ReluNetwork.random(4, 200, WeightScale.STANDARD, 22);
        DescentSchedule schedule = DescentSchedule.at(0.8, 0, 5, 20, 60);
        BothLayersTrajectory t = BothLayersDescent.run(net, x, y, schedule, 2, ProgressListener.NONE);
        assertEquals(0, t.kernelChanges()[0], 0.0);
        assertEquals(0, t.weightChanges()[0], 0.0);
        // independent: the relative Frobenius change from TwoLayerEmpiricalNtk at both ends
        KernelMatrix k0 = TwoLayerEmpiricalNtk.bothLayers(net, x);
        KernelMatrix kt = TwoLayerEmpiricalNtk.bothLayers(t.finalNetwork(), x);
        double num = 0;
        double den = 0;
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                double a = kt.get(i, j) - k0.get(i, j);
                num += a * a;
                den += k0.get(i, j) * k0.get(i, j);
            }
        }
        assertEquals(Math.sqrt(num / den), t.finalKernelChange(), 1e-12);
        double[] losses = t.losses();
        for (int j = 1; j < losses.length; j++) {
            assertTrue(losses[j] < losses[j - 1], "loss decreases at recorded step " + j);
            assertTrue(t.kernelChanges()[j] > 0 && t.weightChanges()[j] > 0);
        }
        // thread independence, bitwise
        BothLayersTrajectory one = BothLayersDescent.run(net, x, y, schedule, 1, ProgressListener.NONE);
        assertArrayEquals(one.losses(), t.losses(), 0.0);
        assertArrayEquals(one.kernelChanges(), t.kernelChanges(), 0.0);
        assertArrayEquals(one.finalNetwork().outputWeights(), t.finalNetwork().outputWeights(), 0.0);
    }

    @Test
    void rejectsBadArgumentsAndDivergence() {
        double[][] x = Gaussians.standardNormal(5, 2, 31);
        double[] y = new double[5];
        ReluNetwork net = ReluNetwork.random(2, 4, WeightScale.STANDARD, 32);
        DescentSchedule s = DescentSchedule.everyStep(0.1, 2);
        rejects(NullPointerException.class, "net", () -> BothLayersDescent.run(null, x, y, s));
        rejects(IllegalArgumentException.class, "x", () -> BothLayersDescent.run(net, new double[5][3], y, s));
        rejects(IllegalArgumentException.class, "y", () -> BothLayersDescent.run(net, x, new double[4], s));
        rejects(NullPointerException.class, "schedule", () -> BothLayersDescent.run(net, x, y, null));
        rejects(IllegalArgumentException.class, "threads",
                () -> BothLayersDescent.run(net, x, y, s, 0, ProgressListener.NONE));
        rejects(NullPointerException.class, "listener", () -> BothLayersDescent.run(net, x, y, s, 1, null));
        double[] big = {5, -5, 5, -5, 5};
        rejects(ArithmeticException.class, "learningRate",
                () -> BothLayersDescent.run(net, x, big, DescentSchedule.everyStep(1e3, 500)));
    }
}
