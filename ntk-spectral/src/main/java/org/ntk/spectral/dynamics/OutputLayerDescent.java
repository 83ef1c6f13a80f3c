package org.ntk.spectral.dynamics;

import java.util.List;
import java.util.Objects;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.TwoLayerEmpiricalNtk;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.validation.Validate;

/**
 * Gradient descent on the output layer of a two-layer ReLU network with frozen hidden weights, on a
 * finite sample: the exact linear model of MATH.md §5.
 *
 * <p><b>Model and loss.</b> State parametrisation f_v(x) = m^{-1/2} v·φ(Wᵀx), φ = ReLU, with W (the
 * network's hidden weights) frozen and v ∈ R^m trained; on the sample x_1..x_n with targets y,
 * L(v) = (1/2n) Σ_i (f_v(x_i) − y_i)². One step is v ← v − η ∇L(v) = v − (η/(n√m)) Φᵀ r with
 * Φ_ij = φ(w_j·x_i) and r = f_v − y. The run really performs these updates on v (it does not use the
 * closed form); in function space they are exactly r ← (I − η K/n) r with K = (1/m) Φ Φᵀ
 * ({@link #kernel()}), which is what {@link SampleSpectrum} predicts. The initial v is the network's
 * output weights; give a network with zero output weights to start from f_0 = 0 (then r_0 = −y).
 * Stability needs η &lt; 2/Λ_max(K/n).
 *
 * <p><b>Cost.</b> Construction O(n·m·d) time and n·m doubles (Φ is held). Each step O(n·m), split
 * over a fixed block grid; results are bitwise identical for every thread count.
 *
 * <p>Immutable and thread-safe (each run has its own state). MATH.md §3.1, §5.
 */
public final class OutputLayerDescent {

    /** Rows of one block of Φ v. */
    private static final int ROW_BLOCK = 32;
    /** Columns of one block of Φᵀ r. */
    private static final int COL_BLOCK = 512;

    private final ReluNetwork net;
    private final double[][] x;
    private final int n;
    private final int m;
    /** Φ, n×m row-major. */
    private final double[] phi;
    private final double[] initialWeights;

    private OutputLayerDescent(ReluNetwork net, double[][] x, double[] phi) {
        this.net = net;
        this.x = x;
        this.n = x.length;
        this.m = net.width();
        this.phi = phi;
        this.initialWeights = net.outputWeights();
    }

    /**
     * The output-layer model of a network on a sample: W frozen at the network's hidden weights, v
     * starting from its output weights.
     *
     * @param net the network (hidden weights W, initial output weights v_0). Not modified.
     * @param x n inputs of dimension d (rows). Copied.
     * @return the model, holding the n×m features
     * @throws NullPointerException if an argument or a row of x is null
     * @throws IllegalArgumentException if x is empty, ragged, not finite or of the wrong dimension, or
     *     n·m exceeds a Java array
     */
    public static OutputLayerDescent of(ReluNetwork net, double[][] x) {
        Objects.requireNonNull(net, "net");
        double[][] f = net.features(x);
        int n = x.length;
        int m = net.width();
        if ((long) n * m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("x rows × width must fit in a Java array, got " + ((long) n * m));
        }
        double[] phi = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f[i], 0, phi, i * m, m);
        }
        return new OutputLayerDescent(net, ArrayCopies.deep(x), phi);
    }

    /** The sample size n. */
    public int sampleSize() {
        return n;
    }

    /** The width m. */
    public int width() {
        return m;
    }

    /** The network whose hidden weights are frozen and whose output weights are v_0. */
    public ReluNetwork network() {
        return net;
    }

    /**
     * Returns the n×n empirical NTK K = (1/m) Φ Φᵀ of the model (the same matrix as
     * {@link TwoLayerEmpiricalNtk#outputLayer}); the residual evolves by I − η K/n. Cost O(n²·m).
     *
     * @return K, exactly symmetric
     */
    public KernelMatrix kernel() {
        return TwoLayerEmpiricalNtk.outputLayer(net, x);
    }

    /** Returns f_0(x_i) = m^{-1/2} Σ_j v_{0j} φ(w_j·x_i) on the sample (fresh array). */
    public double[] initialPredictions() {
        double[] f = new double[n];
        try (BlockWorkers workers = new BlockWorkers(1)) {
            predict(initialWeights, f, workers);
        }
        return f;
    }

    /**
     * Runs gradient descent using all available processors and no progress reports; see
     * {@link #run(double[], DescentSchedule, SampleDirections, int, ProgressListener)}.
     */
    public OutputLayerTrajectory run(double[] y, DescentSchedule schedule, SampleDirections directions) {
        return run(y, schedule, directions, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    /**
     * Runs gradient descent on v from v_0 and records the loss and the residual's projection on each
     * direction at the scheduled steps.
     *
     * <p>Cost O(T·n·m + s·k·n) for T steps, s recorded steps and k directions.
     *
     * @param y the targets on the sample, length n, finite. Not modified.
     * @param schedule the step size η and the steps to record
     * @param directions the directions to project on (length n; may be null for none). Not modified.
     * @param threads the number of threads, ≥ 1 (results are identical for every value)
     * @param listener receives ("output-layer descent", t, T) after each step
     * @return the trajectory
     * @throws NullPointerException if y, schedule or listener is null
     * @throws IllegalArgumentException if y or the directions have the wrong length, y is not finite, or
     *     threads &lt; 1
     * @throws ArithmeticException if the loss stops being finite (η too large: the run diverged)
     */
    public OutputLayerTrajectory run(double[] y, DescentSchedule schedule, SampleDirections directions,
            int threads, ProgressListener listener) {
        Validate.finiteVector(y, "y");
        if (y.length != n) {
            throw new IllegalArgumentException("y has length " + y.length + ", expected " + n + " (the sample size)");
        }
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(listener, "listener");
        Validate.positive(threads, "threads");
        if (directions != null && directions.length() != n) {
            throw new IllegalArgumentException("directions have length " + directions.length() + ", expected " + n);
        }
        int total = schedule.totalSteps();
        int records = schedule.recordCount();
        double eta = schedule.learningRate();
        double scale = eta / (n * Math.sqrt(m));
        int k = directions == null ? 0 : directions.count();
        double[] losses = new double[records];
        double[][] projections = new double[k][records];
        double[] v = initialWeights.clone();
        double[] f = new double[n];
        double[] r = new double[n];
        double[] grad = new double[m];
        double[] r0 = null;
        int next = 0;
        try (BlockWorkers workers = new BlockWorkers(threads)) {
            for (int t = 0; ; t++) {
                predict(v, f, workers);
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    r[i] = f[i] - y[i];
                    ss += r[i] * r[i];
                }
                double loss = ss / (2.0 * n);
                if (!Double.isFinite(loss)) {
                    throw new ArithmeticException("gradient descent diverged at step " + t + " (loss " + loss
                            + "); the learningRate " + eta + " must be below 2/Λ_max(K/n)");
                }
                if (t == 0) {
                    r0 = r.clone();
                }
                if (t == schedule.recordedStep(next)) {
                    losses[next] = loss;
                    if (k > 0) {
                        double[] p = directions.projectTrusted(r);
                        for (int g = 0; g < k; g++) {
                            projections[g][next] = p[g];
                        }
                    }
                    next++;
                }
                if (t == total) {
                    break;
                }
                gradient(r, grad, workers);
                for (int j = 0; j < m; j++) {
                    v[j] -= scale * grad[j];
                }
                listener.progress("output-layer descent", t + 1, Math.max(1, total));
            }
        }
        List<String> labels = directions == null ? List.of() : directions.labels();
        return new OutputLayerTrajectory(schedule, labels, losses, projections, r0, r, v);
    }

    /**
     * f = m^{-1/2} Φ v; each entry is the dot product of row i with v summed in increasing j (four rows
     * per pass share the loads of v, each with its own accumulator, so the order per entry is that of
     * a plain loop).
     */
    private void predict(double[] v, double[] f, BlockWorkers workers) {
        double inv = 1 / Math.sqrt(m);
        workers.run(BlockWorkers.blocks(n, ROW_BLOCK), (long) n * m, b -> {
            int i1 = Math.min(n, (b + 1) * ROW_BLOCK);
            int i = b * ROW_BLOCK;
            for (; i + 3 < i1; i += 4) {
                int o0 = i * m;
                int o1 = o0 + m;
                int o2 = o1 + m;
                int o3 = o2 + m;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int j = 0; j < m; j++) {
                    double vj = v[j];
                    s0 += phi[o0 + j] * vj;
                    s1 += phi[o1 + j] * vj;
                    s2 += phi[o2 + j] * vj;
                    s3 += phi[o3 + j] * vj;
                }
                f[i] = s0 * inv;
                f[i + 1] = s1 * inv;
                f[i + 2] = s2 * inv;
                f[i + 3] = s3 * inv;
            }
            for (; i < i1; i++) {
                double s = 0;
                int off = i * m;
                for (int j = 0; j < m; j++) {
                    s += phi[off + j] * v[j];
                }
                f[i] = s * inv;
            }
        });
    }

    /**
     * grad = Φᵀ r (unscaled); each entry accumulated over i in increasing order (four rows per pass,
     * added in row order, so the order per entry is that of a plain loop).
     */
    private void gradient(double[] r, double[] grad, BlockWorkers workers) {
        workers.run(BlockWorkers.blocks(m, COL_BLOCK), (long) n * m, b -> {
            int j0 = b * COL_BLOCK;
            int j1 = Math.min(m, j0 + COL_BLOCK);
            for (int j = j0; j < j1; j++) {
                grad[j] = 0;
            }
            int i = 0;
            for (; i + 3 < n; i += 4) {
                double r0 = r[i];
                double r1 = r[i + 1];
                double r2 = r[i + 2];
                double r3 = r[i + 3];
                int o0 = i * m;
                int o1 = o0 + m;
                int o2 = o1 + m;
                int o3 = o2 + m;
                for (int j = j0; j < j1; j++) {
                    grad[j] = grad[j] + phi[o0 + j] * r0 + phi[o1 + j] * r1 + phi[o2 + j] * r2 + phi[o3 + j] * r3;
                }
            }
            for (; i < n; i++) {
                double ri = r[i];
                int off = i * m;
                for (int j = j0; j < j1; j++) {
                    grad[j] += phi[off + j] * ri;
                }
            }
        });
    }
}
