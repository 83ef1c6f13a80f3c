package org.ntk.spectral.eigen;

import java.util.Arrays;
import java.util.Objects;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.progress.ProgressListener;
import org.ntk.core.sampling.Gaussians;
import org.ntk.core.validation.Validate;
import org.ntk.spectral.ConvergenceException;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.LanczosOptions;

/**
 * The leading eigenpairs of a symmetric matrix by thick-restart block Lanczos with full
 * reorthogonalisation, touching the matrix only through {@link KernelMatrix#multiply(double[], double[], int)}.
 *
 * <p>Method. An orthonormal basis Q (n × j) of a block Krylov space is grown b vectors at a time from a
 * seeded Gaussian start block: each step computes W = K Z for the newest block Z, records the
 * projection T = Qᵀ K Q column block by column block, orthogonalises W against the whole basis twice
 * (block classical Gram–Schmidt, "twice is enough"; a third pass for a column that lost more than six
 * digits) and takes the next block from a modified Gram–Schmidt QR of the remainder, W = Z⁺ R. A
 * column that vanishes (an invariant subspace: rank deficiency, tiny n, exact eigenvectors) is
 * replaced by a fresh random direction orthogonal to everything so far. When the basis reaches its
 * maximum size m, the Rayleigh–Ritz pairs (θ_i, Q y_i) of T are formed; the residual of pair i is
 * ‖R y_i,last‖ (the Krylov–Schur relation K Q = Q T + Z⁺ R E_lastᵀ). If the wanted pairs have not
 * converged, the basis is restarted thickly: Q ← Q Y_keep with the count + b leading Ritz vectors
 * kept, T ← diag(θ_keep), and growth continues from the pending block Z⁺ (Wu &amp; Simon 2000; Stewart's
 * Krylov–Schur restart, here in block form). The basis size is m = count + b + b·max(2, ⌈max(count + b,
 * 30)/b⌉) columns, or n if that is not smaller.
 *
 * <p>Acceptance. When the estimates say that the count leading pairs have converged, the Ritz vectors
 * are formed, normalised and multiplied by K once more; each eigenvalue is the Rayleigh quotient
 * xᵀKx and the pair is accepted only if ‖K x − θ x‖ ≤ tolerance · |λ_max| holds for the true residual.
 * These true residuals are what {@link Decomposition#residuals()} reports.
 *
 * <p>Multiplicity and the completeness check. A Krylov space grown from b start vectors holds at most
 * b directions of one exact eigenspace, so a single run finds an eigenvalue repeated d times among the
 * wanted ones whole only if the block size b ≥ d; with a smaller block it would silently return fewer
 * copies and, in their place, smaller eigenvalues. That can only have happened if the accepted values
 * hold a cluster (values within 8·tolerance·‖K‖) of at least b members above the cluster of the
 * smallest accepted value θ_count: in exact arithmetic a block Krylov space holds exactly min(m, b)
 * directions of an eigenvalue of multiplicity m, so a cluster of fewer than b found copies is complete,
 * and hidden copies of the boundary cluster would tie with θ_count. Such a result is checked: a fresh
 * seeded block Lanczos run (count 1, block size b, the same tolerance relative to the ‖K‖ estimate of
 * the main run) finds the largest eigenvalue μ of K on the orthogonal complement of the accepted vectors X,
 * as the top eigenvalue of P K P + σ X Xᵀ with P = I − X Xᵀ and σ = θ_count − ‖K‖ below every accepted
 * value. If μ &gt; θ_count + 2·tolerance·‖K‖ (θ_count the smallest accepted eigenvalue), a direction was
 * missed: the solve is repeated with the block size doubled (the seed unchanged), and checked again,
 * until the check passes (or b reaches n, where the Krylov space is all of R^n). Otherwise the result
 * is accepted: no eigenvalue above θ_count (beyond the tolerance) exists outside span X, so the count
 * pairs are the leading ones and an eigenspace cut by the boundary is represented by some orthonormal
 * vectors of it, as any correct answer must be. With the automatic block size min(count, 64) no cluster
 * above the boundary can reach b members unless count &gt; 64, so the check never runs: the d-fold top
 * cluster of the FIM (MATH.md §2.3) comes out whole in the first solve when count ≥ d. When the check
 * runs it costs one run for one pair of the deflated operator, measured at 2–3.5× the first solve
 * (a converged pair inside the dense part of the spectrum). {@code maxIterations} caps each run
 * separately.
 *
 * <p>Cost per block step: one product K·(n×b), plus O(n·j·b) for the reorthogonalisation; per
 * restart O(m³) for the projected eigenproblem (pure Java) and O(n·m·(count + b)) for the thick
 * restart. Memory: n·m doubles for the basis plus O(n·b + m²). The matrix is never copied densely.
 * The orthogonalisation runs on the calling thread; the products run with whatever parallelism the
 * matrix implementation has. Deterministic: same matrix, count and options give bitwise the same
 * result. Stateless and thread-safe.
 */
public final class BlockLanczos {

    /** Accepted eigenvalues within this many tolerance·‖K‖ of a cluster's top count as one eigenvalue. */
    private static final double CLUSTER_WIDTH = 8;

    /** Extra Gram–Schmidt pass when a column keeps less than this fraction of its norm. */
    private static final double REORTHOGONALISE_BELOW = 1e-6;

    private BlockLanczos() {
    }

    /**
     * The count leading (largest) eigenpairs of k.
     *
     * @param k a symmetric matrix of size n, used only through its block {@code multiply}. Not
     *     modified.
     * @param count the number of wanted pairs, 1 ≤ count ≤ n
     * @param options tolerance, iteration cap, block size, seed, progress listener
     * @return count eigenpairs, eigenvalues non-increasing, with their true residuals; no eigenvalue of
     *     k exceeds the smallest of them by more than 8·tolerance·‖K‖ outside their span, whatever the
     *     block size (see the completeness check above)
     * @throws NullPointerException if k or options is null
     * @throws IllegalArgumentException if count is outside [1, n], or the Lanczos basis does not fit
     *     in the heap
     * @throws ConvergenceException if the tolerance is not met within {@code options.maxIterations()}
     *     block steps (by a solve or by the completeness check); it carries the block steps done and the
     *     worst relative residual reached
     */
    public static Decomposition top(KernelMatrix k, int count, LanczosOptions options) {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(options, "options");
        int n = k.size();
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if (count > n) {
            throw new IllegalArgumentException("count must be <= size = " + n + ", got " + count);
        }
        double tol = options.tolerance();
        int b = options.effectiveBlockSize(count, n);
        Run run = new Run(k, count, b, options.seed(), options, options.listener(), 0);
        Decomposition result = run.solve();
        double scale = run.anorm;
        for (int round = 1; count < n && mayHaveMissed(result, b, CLUSTER_WIDTH * tol * scale); round++) {
            double smallest = result.eigenvalue(count - 1);
            double threshold = smallest + 2 * tol * scale;
            double missed = deflatedTop(k, result, smallest - scale, Math.min(b, n), round, options, scale);
            if (!(missed > threshold)) {
                return result;
            }
            if (b == n) {
                throw new ConvergenceException("block Lanczos missed an eigenvalue " + missed + " above the "
                        + count + "-th accepted one, " + smallest + ", although its Krylov space spanned R^" + n
                        + "; the matrix may not be symmetric", round, Double.NaN);
            }
            // A Krylov space grown from b start vectors holds at most b directions of one eigenspace:
            // an eigenvalue of multiplicity > b was not found whole. Solve again with a larger block.
            b = Math.min(n, 2 * b);
            run = new Run(k, count, b, options.seed(), options, options.listener(), 0);
            result = run.solve();
            scale = Math.max(scale, run.anorm);
        }
        return result;
    }

    /**
     * Whether a solve with block size b may have missed copies of a repeated eigenvalue: some cluster of
     * accepted eigenvalues (values within {@code width} of the cluster's largest) that lies above the
     * cluster holding the smallest accepted value has at least b members. In exact arithmetic a Krylov
     * space grown from b start vectors holds exactly min(m, b) directions of an eigenvalue of
     * multiplicity m, so a cluster of fewer than b found copies is complete; the copies of one
     * eigenvalue agree to about the residual tolerance, far inside {@code width}. The cluster at the
     * boundary cannot hide an error beyond {@code width}: a missing copy would tie with the smallest
     * accepted value.
     */
    private static boolean mayHaveMissed(Decomposition result, int b, double width) {
        double[] theta = result.eigenvalues();
        int count = theta.length;
        int i = 0;
        while (i < count) {
            int j = i;
            while (j + 1 < count && theta[i] - theta[j + 1] <= width) {
                j++;
            }
            if (j == count - 1) {
                return false; // the boundary cluster
            }
            if (j - i + 1 >= b) {
                return true;
            }
            i = j + 1;
        }
        return false;
    }

    /**
     * The largest eigenvalue of K restricted to the orthogonal complement of the accepted vectors X:
     * block Lanczos, from a fresh seeded block, on P K P + σ X Xᵀ with P = I − X Xᵀ and σ below every
     * accepted eigenvalue (so the span of X cannot return a value of interest). Its residual
     * tolerance is relative to the ‖K‖ estimate of the main run, not to the (possibly tiny) norm of
     * the deflated operator.
     */
    private static double deflatedTop(KernelMatrix k, Decomposition accepted, double shift, int blockSize,
                                      int round, LanczosOptions options, double scale) {
        Deflated op = new Deflated(k, accepted, shift);
        long seed = options.seed() + round * 0x9E3779B97F4A7C15L;
        try {
            return new Run(op, 1, blockSize, seed, options, ProgressListener.NONE, scale).solve().eigenvalue(0);
        } catch (ConvergenceException e) {
            throw new ConvergenceException("completeness check (a search for further eigenvalues orthogonal to the"
                    + " accepted ones) failed: " + e.getMessage(), e.iterations(), e.residual());
        }
    }

    /**
     * The operator P K P + σ X Xᵀ with P = I − X Xᵀ for the orthonormal accepted vectors X: K on the
     * orthogonal complement of X, and σ on the span of X. Only {@code size} and the products are used.
     */
    private static final class Deflated implements KernelMatrix {
        private final KernelMatrix k;
        private final int n;
        private final double[][] x;
        private final double shift;

        Deflated(KernelMatrix k, Decomposition accepted, double shift) {
            this.k = k;
            this.n = k.size();
            this.x = columns(accepted);
            this.shift = shift;
        }

        private static double[][] columns(Decomposition d) {
            double[][] x = new double[d.count()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = d.eigenvector(i);
            }
            return x;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public double get(int i, int j) {
            throw new UnsupportedOperationException("the deflated operator is used only through products");
        }

        @Override
        public double trace() {
            throw new UnsupportedOperationException("the deflated operator is used only through products");
        }

        @Override
        public void multiply(double[] v, double[] out) {
            multiply(v, out, 1);
        }

        @Override
        public void multiply(double[] v, double[] out, int b) {
            double[] c = coefficients(v, b);
            double[] pv = v.clone();
            subtract(pv, c, b, 1.0);
            k.multiply(pv, out, b);
            double[] e = coefficients(out, b);
            subtract(out, e, b, 1.0);
            subtract(out, c, b, -shift);
        }

        /** Xᵀ V, count × b row-major. */
        private double[] coefficients(double[] v, int b) {
            double[] c = new double[x.length * b];
            for (int i = 0; i < x.length; i++) {
                double[] xi = x[i];
                int co = i * b;
                for (int r = 0; r < n; r++) {
                    double xr = xi[r];
                    int vo = r * b;
                    for (int col = 0; col < b; col++) {
                        c[co + col] += xr * v[vo + col];
                    }
                }
            }
            return c;
        }

        /** V ← V − alpha · X C. */
        private void subtract(double[] v, double[] c, int b, double alpha) {
            for (int i = 0; i < x.length; i++) {
                double[] xi = x[i];
                int co = i * b;
                for (int r = 0; r < n; r++) {
                    double xr = alpha * xi[r];
                    int vo = r * b;
                    for (int col = 0; col < b; col++) {
                        v[vo + col] -= xr * c[co + col];
                    }
                }
            }
        }
    }

    /**
     * A mid-cycle convergence check is made when n²·b ≥ this × j³ (the product's cost over the
     * Rayleigh–Ritz step's, with a margin): see {@link Run#solve}.
     */
    private static final double MID_CHECK_RATIO = 1000;

    /** The mutable state of one solve; confined to the calling thread. */
    private static final class Run {
        private final KernelMatrix op;
        private final int n;
        private final int count;
        private final int keep;
        /** Maximum basis size (columns of q). */
        private final int m;
        private final double tol;
        private final double dropTolerance;
        private final int maxIterations;
        private final ProgressListener listener;
        private final Gaussians random;

        /** Basis, n × m row-major: entry (i, c) at i·m + c; columns [0, j) are in use. */
        private final double[] q;
        /** Projected matrix Qᵀ K Q, m × m row-major, leading j × j in use. */
        private final double[] t;
        private int j;

        /** Pending block (orthonormal, orthogonal to the basis), n × w row-major. */
        private double[] z;
        private int w;
        /** Coupling of the pending block to the last block added: (W_last)⊥ = Z R, w × lastWidth. */
        private double[] r;
        private int lastStart;
        private int lastWidth;

        private int steps;
        /** Running lower estimate of ‖K‖ (read by {@link #top} after {@link #solve}). */
        double anorm;

        /**
         * @param b the block size, in [1, n]
         * @param normFloor a lower bound for the ‖K‖ estimate that the tolerance is relative to (0 for
         *     the main run)
         */
        Run(KernelMatrix op, int count, int b, long seed, LanczosOptions options, ProgressListener listener,
            double normFloor) {
            this.op = op;
            this.n = op.size();
            this.count = count;
            int keepTarget = count + b;
            long planned = keepTarget + (long) b * Math.max(2, ceilDiv(Math.max(keepTarget, 30), b));
            this.m = planned >= n ? n : (int) planned;
            this.keep = Math.min(keepTarget, m - b);
            this.tol = options.tolerance();
            this.dropTolerance = Math.min(1e-12, Math.max(1e-14, tol * 1e-2));
            this.maxIterations = options.maxIterations();
            this.listener = listener;
            this.random = new Gaussians(seed);
            if ((long) n * m > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("count = " + count + " with block size " + b + " needs a Lanczos basis of "
                        + n + "×" + m + " doubles, more than a Java array holds; ask for fewer pairs");
            }
            Validate.heapFits((long) n * m + (long) m * m + 4L * n * b, "count = " + count + " with block size " + b
                    + " (a Lanczos basis of " + n + "×" + m + " doubles)", "ask for fewer pairs or a smaller block size");
            this.q = new double[n * m];
            this.t = new double[m * m];
            double[] start = new double[n * b];
            for (int i = 0; i < start.length; i++) {
                start[i] = random.next();
            }
            double[] norms = columnNorms(start, b);
            anorm = normFloor;
            orthonormalise(start, b, norms);
        }

        Decomposition solve() {
            while (true) {
                boolean verifiedThisCycle = false;
                while (w > 0 && j + w <= m && steps < maxIterations) {
                    step();
                    // Convergence is also checked after a step that leaves the basis not yet full when
                    // that is cheap beside a product: the Rayleigh–Ritz step costs about 20·j³ flops in
                    // pure Java (~1 GFLOP/s), a block product 2n²b for a dense operator (~20 GFLOP/s)
                    // and far more for a matrix-free kernel, so the check is made when n²b ≥ 1000·j³
                    // (a deterministic rule: results never depend on timings). For a matrix-free kernel
                    // matrix with a large spectral gap this stops after a few products instead of
                    // filling the whole basis. One true-residual check per restart cycle at most.
                    if (!verifiedThisCycle && j >= count && w > 0 && j + w <= m && steps < maxIterations
                            && (double) n * n * w >= MID_CHECK_RATIO * (double) j * j * j) {
                        SymmetricEigen ritz = rayleighRitz();
                        double scale = Math.max(anorm, Math.max(Math.abs(ritz.values[0]), Math.abs(ritz.values[j - 1])));
                        if (estimatedWorst(ritz, scale) <= tol) {
                            anorm = scale;
                            verifiedThisCycle = true;
                            Accepted acc = verify(ritz);
                            if (acc.decomposition != null) {
                                return acc.decomposition;
                            }
                        }
                    }
                }
                SymmetricEigen ritz = rayleighRitz();
                double scale = Math.max(anorm, Math.abs(ritz.values[0]));
                scale = Math.max(scale, Math.abs(ritz.values[j - 1]));
                anorm = scale;
                double worst = Double.NaN;
                if (j >= count) {
                    worst = estimatedWorst(ritz, scale);
                    if (worst <= tol) {
                        Accepted acc = verify(ritz);
                        if (acc.decomposition != null) {
                            return acc.decomposition;
                        }
                        worst = acc.worst;
                    }
                }
                if (steps >= maxIterations || w == 0) {
                    String why = w == 0
                            ? "the Krylov space filled R^" + n + " (j = " + j + ") without meeting the tolerance"
                            : "block Lanczos did not converge in " + steps + " block steps";
                    throw new ConvergenceException(why + ": worst relative residual of the top " + count + " pairs "
                            + worst + " > tolerance " + tol + "; raise maxIterations or the block size, or relax the"
                            + " tolerance", steps, worst);
                }
                restart(ritz);
            }
        }

        /** Adds the pending block to the basis and computes the next one. */
        private void step() {
            int b = w;
            for (int i = 0; i < n; i++) {
                System.arraycopy(z, i * b, q, i * m + j, b);
            }
            double[] kz = new double[n * b];
            op.multiply(z, kz, b);
            steps++;
            listener.progress("lanczos", steps, maxIterations);
            double[] norms = columnNorms(kz, b);
            for (double x : norms) {
                anorm = Math.max(anorm, x);
            }
            int jn = j + b;
            double[] h = project(kz, jn, b);
            subtract(kz, h, jn, b);
            double[] h2 = project(kz, jn, b);
            subtract(kz, h2, jn, b);
            for (int i = 0; i < h.length; i++) {
                h[i] += h2[i];
            }
            for (int row = 0; row < j; row++) {
                for (int c = 0; c < b; c++) {
                    double v = h[row * b + c];
                    t[row * m + j + c] = v;
                    t[(j + c) * m + row] = v;
                }
            }
            for (int a = 0; a < b; a++) {
                for (int c = 0; c < b; c++) {
                    t[(j + a) * m + j + c] = 0.5 * (h[(j + a) * b + c] + h[(j + c) * b + a]);
                }
            }
            lastStart = j;
            lastWidth = b;
            j = jn;
            orthonormalise(kz, b, norms);
        }

        /**
         * Turns the b columns of x (already orthogonalised against the basis) into the pending block
         * z (width w ≤ b) and the coupling r (w × b) with x = z r, replacing vanished columns by
         * fresh random directions.
         */
        private void orthonormalise(double[] x, int b, double[] normsBefore) {
            double[][] cols = new double[b][n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < b; c++) {
                    cols[c][i] = x[i * b + c];
                }
            }
            double[][] acc = new double[b][];
            double[] coef = new double[b * b];
            int na = 0;
            double drop = dropTolerance * anorm;
            for (int c = 0; c < b; c++) {
                double[] v = cols[c];
                double prev = normsBefore[c];
                double nrm = 0;
                for (int pass = 0; pass < 3; pass++) {
                    for (int p = 0; p < na; p++) {
                        double d = dot(acc[p], v);
                        coef[p * b + c] += d;
                        axpy(-d, acc[p], v);
                    }
                    if (pass == 0) {
                        for (int p = 0; p < na; p++) {
                            double d = dot(acc[p], v);
                            coef[p * b + c] += d;
                            axpy(-d, acc[p], v);
                        }
                    }
                    nrm = norm(v);
                    if (nrm >= REORTHOGONALISE_BELOW * prev || nrm <= drop) {
                        break;
                    }
                    // Heavy cancellation: one more pass against the basis (corrections of rounding size).
                    double[] hv = project(v, j, 1);
                    subtract(v, hv, j, 1);
                    prev = nrm;
                }
                if (nrm > drop) {
                    scale(v, 1 / nrm);
                    coef[na * b + c] = nrm;
                    acc[na++] = v;
                } else if (j + na < n) {
                    double[] g = freshDirection(acc, na);
                    if (g != null) {
                        acc[na++] = g;
                    }
                }
            }
            w = na;
            z = new double[n * na];
            for (int p = 0; p < na; p++) {
                double[] v = acc[p];
                for (int i = 0; i < n; i++) {
                    z[i * na + p] = v[i];
                }
            }
            r = Arrays.copyOf(coef, na * b);
        }

        /** A random unit vector orthogonal to the basis and to acc[0..na), or null if none exists numerically. */
        private double[] freshDirection(double[][] acc, int na) {
            for (int attempt = 0; attempt < 3; attempt++) {
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    g[i] = random.next();
                }
                double before = norm(g);
                for (int pass = 0; pass < 2; pass++) {
                    double[] hv = project(g, j, 1);
                    subtract(g, hv, j, 1);
                    for (int p = 0; p < na; p++) {
                        axpy(-dot(acc[p], g), acc[p], g);
                    }
                }
                double nrm = norm(g);
                if (nrm > 1e-3 * before) {
                    scale(g, 1 / nrm);
                    return g;
                }
            }
            return null;
        }

        /** Eigenpairs of the projected matrix T (j × j), non-increasing. */
        private SymmetricEigen rayleighRitz() {
            double[] tt = new double[j * j];
            for (int row = 0; row < j; row++) {
                System.arraycopy(t, row * m, tt, row * j, j);
            }
            return SymmetricEigen.solve(tt, j);
        }

        /** max over the wanted Ritz pairs of ‖R y_last‖ / scale. */
        private double estimatedWorst(SymmetricEigen ritz, double scale) {
            double worst = 0;
            for (int i = 0; i < count; i++) {
                double s = 0;
                for (int p = 0; p < w; p++) {
                    double acc = 0;
                    for (int c = 0; c < lastWidth; c++) {
                        acc += r[p * lastWidth + c] * ritz.vectors[i * j + lastStart + c];
                    }
                    s += acc * acc;
                }
                worst = Math.max(worst, Math.sqrt(s));
            }
            return scale > 0 ? worst / scale : (worst == 0 ? 0 : Double.POSITIVE_INFINITY);
        }

        private record Accepted(Decomposition decomposition, double worst) {
        }

        /** Forms the Ritz vectors, checks their true residuals, and builds the result if they pass. */
        private Accepted verify(SymmetricEigen ritz) {
            double[] x = combine(ritz, count);
            for (int c = 0; c < count; c++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double v = x[i * count + c];
                    s += v * v;
                }
                double inv = 1 / Math.sqrt(s);
                for (int i = 0; i < n; i++) {
                    x[i * count + c] *= inv;
                }
            }
            double[] kx = new double[n * count];
            op.multiply(x, kx, count);
            double[] theta = new double[count];
            double[] res = new double[count];
            for (int c = 0; c < count; c++) {
                double qv = 0;
                for (int i = 0; i < n; i++) {
                    qv += x[i * count + c] * kx[i * count + c];
                }
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double d = kx[i * count + c] - qv * x[i * count + c];
                    s += d * d;
                }
                theta[c] = qv;
                res[c] = Math.sqrt(s);
            }
            double scale = anorm;
            for (double th : theta) {
                scale = Math.max(scale, Math.abs(th));
            }
            double worstAbs = 0;
            for (double rr : res) {
                worstAbs = Math.max(worstAbs, rr);
            }
            double worst = scale > 0 ? worstAbs / scale : (worstAbs == 0 ? 0 : Double.POSITIVE_INFINITY);
            if (!(worst <= tol)) {
                return new Accepted(null, worst);
            }
            Integer[] order = new Integer[count];
            for (int c = 0; c < count; c++) {
                order[c] = c;
            }
            Arrays.sort(order, (a, b) -> Double.compare(theta[b], theta[a]));
            double[] values = new double[count];
            double[] residuals = new double[count];
            double[] vectors = new double[count * n];
            for (int p = 0; p < count; p++) {
                int c = order[p];
                values[p] = theta[c];
                residuals[p] = res[c];
                for (int i = 0; i < n; i++) {
                    vectors[p * n + i] = x[i * count + c];
                }
            }
            return new Accepted(Decomposition.of(n, values, vectors, residuals), worst);
        }

        /** Thick restart: keeps the leading Ritz vectors as the new basis and T = diag(θ). */
        private void restart(SymmetricEigen ritz) {
            int kn = Math.min(keep, j);
            double[] kept = combine(ritz, kn);
            for (int i = 0; i < n; i++) {
                System.arraycopy(kept, i * kn, q, i * m, kn);
            }
            Arrays.fill(t, 0);
            for (int c = 0; c < kn; c++) {
                t[c * m + c] = ritz.values[c];
            }
            j = kn;
        }

        /** Q[:, 0:j) · Y[:, 0:cols) as an n × cols row-major array. */
        private double[] combine(SymmetricEigen ritz, int cols) {
            double[] y = new double[j * cols];
            for (int c = 0; c < cols; c++) {
                for (int row = 0; row < j; row++) {
                    y[row * cols + c] = ritz.vectors[c * j + row];
                }
            }
            double[] out = new double[n * cols];
            for (int i = 0; i < n; i++) {
                int qo = i * m;
                int oo = i * cols;
                for (int row = 0; row < j; row++) {
                    double qv = q[qo + row];
                    int yo = row * cols;
                    for (int c = 0; c < cols; c++) {
                        out[oo + c] += qv * y[yo + c];
                    }
                }
            }
            return out;
        }

        /** Q[:, 0:cols)ᵀ X for X n × b row-major; result cols × b row-major. */
        private double[] project(double[] x, int cols, int b) {
            double[] h = new double[cols * b];
            for (int i = 0; i < n; i++) {
                int qo = i * m;
                int xo = i * b;
                for (int row = 0; row < cols; row++) {
                    double qv = q[qo + row];
                    int ho = row * b;
                    for (int c = 0; c < b; c++) {
                        h[ho + c] += qv * x[xo + c];
                    }
                }
            }
            return h;
        }

        /** X ← X − Q[:, 0:cols) H. */
        private void subtract(double[] x, double[] h, int cols, int b) {
            double[] s = new double[b];
            for (int i = 0; i < n; i++) {
                Arrays.fill(s, 0);
                int qo = i * m;
                for (int row = 0; row < cols; row++) {
                    double qv = q[qo + row];
                    int ho = row * b;
                    for (int c = 0; c < b; c++) {
                        s[c] += qv * h[ho + c];
                    }
                }
                int xo = i * b;
                for (int c = 0; c < b; c++) {
                    x[xo + c] -= s[c];
                }
            }
        }

        private double[] columnNorms(double[] x, int b) {
            double[] s = new double[b];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < b; c++) {
                    double v = x[i * b + c];
                    s[c] += v * v;
                }
            }
            for (int c = 0; c < b; c++) {
                s[c] = Math.sqrt(s[c]);
            }
            return s;
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= s;
        }
    }
}
