package org.ntk.spectral.dynamics;

import java.util.Objects;

import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.TwoLayerEmpiricalNtk;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.validation.Validate;

/**
 * Gradient descent with both layers of a finite two-layer ReLU network trained, tracking how far the
 * empirical NTK moves from its value at initialisation (MATH.md §3.2).
 *
 * <p><b>Model and loss.</b> f(x) = m^{-1/2} Σ_j v_j φ(w_j·x), φ = ReLU (the NTK parametrisation;
 * with {@link org.ntk.core.network.WeightScale#STANDARD} hidden weights and v ~ N(0, 1), as
 * {@link ReluNetwork#random} draws); L = (1/2n) Σ_i (f(x_i) − y_i)². One step updates all parameters
 * at once with the gradients at the current point:
 * <pre>
 *   v_j ← v_j − (η/(n√m)) Σ_i r_i φ(w_j·x_i)
 *   w_j ← w_j − (η/(n√m)) v_j Σ_i r_i step(w_j·x_i) x_i,     step(0) = 0,  r = f − y
 * </pre>
 * In the infinite-width limit the NTK stays at its initial value; at width m it moves. The movement
 * is reported as ‖K_t − K_0‖_F/‖K_0‖_F with K_t = {@link TwoLayerEmpiricalNtk#bothLayers} of the
 * current weights (1/m-normalised: exactly the NTK of this parametrisation). The general bound is
 * O(m^{-1/2}) (the Hessian of f is O(m^{-1/2})); with v ~ N(0, 1) symmetric the first-order terms
 * average out over the random signs of v_j and the measured movement falls faster, close to m^{-3/4}
 * (see {@link KernelMovement}).
 *
 * <p><b>Cost.</b> Each step O(n·m·d), split over a fixed block grid (bitwise identical for every
 * thread count); each recorded step adds an NTK assembly, O(n²·(m + d)). Memory O(n·m + n²).
 * Stateless and thread-safe.
 */
public final class BothLayersDescent {

    /** Rows of one forward block. */
    private static final int ROW_BLOCK = 32;
    /** Hidden units of one backward block. */
    private static final int UNIT_BLOCK = 256;

    private BothLayersDescent() {
    }

    /**
     * Trains both layers using all available processors and no progress reports; see
     * {@link #run(ReluNetwork, double[][], double[], DescentSchedule, int, ProgressListener)}.
     */
    public static BothLayersTrajectory run(ReluNetwork net, double[][] x, double[] y, DescentSchedule schedule) {
        return run(net, x, y, schedule, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    /**
     * Trains both layers of {@code net} on the sample by gradient descent and records the loss, the
     * NTK movement and the hidden-weight movement at the scheduled steps.
     *
     * @param net the initial network (W_0, v_0). Not modified.
     * @param x n inputs of dimension d (rows). Not modified.
     * @param y the targets, length n, finite. Not modified.
     * @param schedule the step size η and the steps to record
     * @param threads the number of threads, ≥ 1 (results are identical for every value)
     * @param listener receives ("both-layers descent", t, T) after each step
     * @return the trajectory
     * @throws NullPointerException if an argument or a row of x is null
     * @throws IllegalArgumentException if x is empty, ragged, not finite or of the wrong dimension, y
     *     has the wrong length or is not finite, or threads &lt; 1
     * @throws ArithmeticException if the loss stops being finite (η too large)
     */
    public static BothLayersTrajectory run(ReluNetwork net, double[][] x, double[] y, DescentSchedule schedule,
            int threads, ProgressListener listener) {
        Objects.requireNonNull(net, "net");
        int d = Validate.finiteMatrix(x, "x");
        if (d != net.inputDimension()) {
            throw new IllegalArgumentException("x has dimension " + d + ", expected " + net.inputDimension()
                    + " (the network's input dimension)");
        }
        int n = x.length;
        Validate.finiteVector(y, "y");
        if (y.length != n) {
            throw new IllegalArgumentException("y has length " + y.length + ", expected " + n + " (the sample size)");
        }
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(listener, "listener");
        Validate.positive(threads, "threads");
        int m = net.width();
        if ((long) n * m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("x rows × width must fit in a Java array, got " + ((long) n * m));
        }
        Validate.denseFits(n, 4, "both-layers NTK");

        double[][] w0 = net.hiddenWeights();
        // hidden weights stored d×m (row k holds w_jk for every unit j), so that the loops over units
        // run over contiguous memory
        double[] w = new double[m * d];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                w[k * m + j] = w0[j][k];
            }
        }
        double[] wInit = w.clone();
        double w0Norm = norm(wInit);
        double[] v = net.outputWeights();
        double[] xf = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, xf, i * d, d);
        }
        double[][] xCopy = new double[n][];
        for (int i = 0; i < n; i++) {
            xCopy[i] = x[i].clone();
        }

        int total = schedule.totalSteps();
        int records = schedule.recordCount();
        double eta = schedule.learningRate();
        double inv = 1 / Math.sqrt(m);
        double scale = eta / (n * Math.sqrt(m));
        double[] losses = new double[records];
        double[] kernelChanges = new double[records];
        double[] weightChanges = new double[records];
        double[] phi = new double[n * m];
        double[] f = new double[n];
        double[] r = new double[n];
        double[] gv = new double[m];
        double[] gw = new double[m * d];
        double[] k0 = TwoLayerEmpiricalNtk.bothLayers(net, xCopy, threads).toArray();
        double k0Norm = norm(k0);
        int next = 0;
        try (BlockWorkers workers = new BlockWorkers(threads)) {
            for (int t = 0; ; t++) {
                forward(xf, n, d, w, v, m, inv, phi, f, workers);
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    r[i] = f[i] - y[i];
                    ss += r[i] * r[i];
                }
                double loss = ss / (2.0 * n);
                if (!Double.isFinite(loss)) {
                    throw new ArithmeticException("gradient descent diverged at step " + t + " (loss " + loss
                            + "); reduce the learningRate " + eta);
                }
                if (t == schedule.recordedStep(next)) {
                    losses[next] = loss;
                    if (t > 0) {
                        double[] kt = TwoLayerEmpiricalNtk.bothLayers(network(w, v, m, d), xCopy, threads).toArray();
                        for (int e = 0; e < kt.length; e++) {
                            kt[e] -= k0[e];
                        }
                        kernelChanges[next] = norm(kt) / k0Norm;
                        double[] dw = w.clone();
                        for (int e = 0; e < dw.length; e++) {
                            dw[e] -= wInit[e];
                        }
                        weightChanges[next] = norm(dw) / w0Norm;
                    }
                    next++;
                }
                if (t == total) {
                    break;
                }
                backward(xf, n, d, phi, r, v, m, gv, gw, workers);
                for (int j = 0; j < m; j++) {
                    v[j] -= scale * gv[j];
                }
                for (int e = 0; e < w.length; e++) {
                    w[e] -= scale * gw[e];
                }
                listener.progress("both-layers descent", t + 1, Math.max(1, total));
            }
        }
        return new BothLayersTrajectory(schedule, losses, kernelChanges, weightChanges, network(w, v, m, d));
    }

    /**
     * Φ = ReLU(X Wᵀ) and f = m^{-1/2} Φ v, by row blocks. Each pre-activation w_j·x_i is summed over k
     * in increasing order, each f_i over j in increasing order.
     */
    private static void forward(double[] xf, int n, int d, double[] w, double[] v, int m, double inv, double[] phi,
            double[] f, BlockWorkers workers) {
        workers.run(BlockWorkers.blocks(n, ROW_BLOCK), (long) n * m * d, b -> {
            int i1 = Math.min(n, (b + 1) * ROW_BLOCK);
            for (int i = b * ROW_BLOCK; i < i1; i++) {
                int xo = i * d;
                int po = i * m;
                double x0 = xf[xo];
                for (int j = 0; j < m; j++) {
                    phi[po + j] = w[j] * x0;
                }
                for (int k = 1; k < d; k++) {
                    double xk = xf[xo + k];
                    int wo = k * m;
                    for (int j = 0; j < m; j++) {
                        phi[po + j] += w[wo + j] * xk;
                    }
                }
                double s = 0;
                for (int j = 0; j < m; j++) {
                    double p = phi[po + j] > 0 ? phi[po + j] : 0;
                    phi[po + j] = p;
                    s += p * v[j];
                }
                f[i] = s * inv;
            }
        });
    }

    /**
     * gv_j = Σ_i Φ_ij r_i and gw_jk = v_j Σ_i r_i step(Φ_ij) x_ik (unscaled, gw stored d×m), by unit
     * blocks, each sum over i in increasing order.
     */
    private static void backward(double[] xf, int n, int d, double[] phi, double[] r, double[] v, int m, double[] gv,
            double[] gw, BlockWorkers workers) {
        workers.run(BlockWorkers.blocks(m, UNIT_BLOCK), (long) n * m * d, b -> {
            int j0 = b * UNIT_BLOCK;
            int j1 = Math.min(m, j0 + UNIT_BLOCK);
            int len = j1 - j0;
            double[] s = new double[len];
            for (int j = j0; j < j1; j++) {
                gv[j] = 0;
                for (int k = 0; k < d; k++) {
                    gw[k * m + j] = 0;
                }
            }
            for (int i = 0; i < n; i++) {
                double ri = r[i];
                int po = i * m;
                int xo = i * d;
                for (int j = j0; j < j1; j++) {
                    double p = phi[po + j];
                    gv[j] += p * ri;
                    s[j - j0] = p > 0 ? ri : 0;
                }
                for (int k = 0; k < d; k++) {
                    double xk = xf[xo + k];
                    int go = k * m;
                    for (int j = j0; j < j1; j++) {
                        gw[go + j] += s[j - j0] * xk;
                    }
                }
            }
            for (int k = 0; k < d; k++) {
                int go = k * m;
                for (int j = j0; j < j1; j++) {
                    gw[go + j] *= v[j];
                }
            }
        });
    }

    /** The network with hidden weights w (stored d×m) and output weights v. */
    private static ReluNetwork network(double[] w, double[] v, int m, int d) {
        double[][] rows = new double[m][d];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                rows[j][k] = w[k * m + j];
            }
        }
        return ReluNetwork.of(rows, v);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double e : a) {
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
