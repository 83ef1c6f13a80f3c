package org.ntk.spectral.density;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.parallel.ParallelTasks;
import org.ntk.core.sampling.Gaussians;
import org.ntk.core.validation.Validate;
import org.ntk.spectral.Spectra;

/**
 * The Benigni–Paquette model of the first-layer NTK in the quadratic scaling (MATH.md §8): the matrix
 *
 * <pre>
 * K = (1/d) X Xᵀ ∘ (1/p) φ(XW/√d) D² φ(XW/√d)ᵀ    (n × n),   n/(dp) → γ1,  p/d → γ2
 * </pre>
 *
 * <p>with X ∈ R^{n×d} and W ∈ R^{d×p} i.i.d. N(0, 1), D = diag(D_1..D_p) i.i.d. from a {@link ScaleLaw}
 * and φ = σ' an {@link ActivationDerivative}; and its predicted limiting spectral law, the solution of
 * the Silverstein equation (MATH.md §8.4) with the population law H of MATH.md §8.3.
 *
 * <p>A model fixes (φ, ν, γ1, γ2) for the limit and a finite size d for simulations and outliers:
 * p = max(1, round(γ2 d)) and n = max(1, round(γ1 d p)). Predicted parts of the spectrum:
 * <ul>
 * <li>the atom at 0 of mass (1 − 1/γ1)_+ (rank K ≤ dp, MATH.md §8.2);</li>
 * <li>the bulk: {@link #predict(int, double)}, the Cauchy-smoothed density of the limit law;</li>
 * <li>d outliers near γ1 p a0² E[D²], from the rank-d part a0² E[D²] XXᵀ/d (MATH.md §8.3); simulations
 * show one more (d + 1 in all, MATH.md §8.4), near γ1 p a1² E[D²] ({@link #extraOutlierLocation()}).</li>
 * </ul>
 *
 * <p>Population law H: for D = I the explicit mixture of MATH.md §8.3, H = f_pair Law(c⊥ + a1²(L + L'))
 * + f_single Law(c⊥ + a1² L) + (1 − f_pair − f_single) δ_{c⊥} with f_pair = min(γ2, 1/γ2)/2,
 * f_single = (1 − γ2)_+ and L, L' i.i.d. from the non-zero Marchenko–Pastur law of ratio γ2, discretised
 * on a midpoint quantile grid; otherwise the eigenvalues of the dp×dp surrogate covariance
 * c⊥ I_d⊗D² + a1² I_d⊗(YᵀY) + a1² P, P[(a,k),(b,l)] = Y_al Y_bk, Y = WD/√d, for a surrogate d, pooled
 * over a few seeded draws.
 *
 * <p>Immutable and thread-safe. Matrix assembly costs O(n²(d + p)) on the given number of threads (one
 * triangle, mirrored; bitwise identical for every thread count); the prediction O(grid · atoms · steps);
 * a simulation adds a dense eigenvalue problem of size n.
 */
public final class BenigniPaquetteModel {

    /** Midpoint quantiles of L in the explicit H (D = I). */
    public static final int DEFAULT_QUANTILES = 400;
    /** Surrogate input dimension for H when D ≠ I. */
    public static final int DEFAULT_SURROGATE_D = 40;
    /** Pooled surrogate draws for H when D ≠ I. */
    public static final int DEFAULT_SURROGATE_DRAWS = 3;
    /** Seed of the surrogate draws for H when D ≠ I. */
    public static final long DEFAULT_SURROGATE_SEED = 20_250_828L;

    private final ActivationDerivative phi;
    private final ScaleLaw scales;
    private final double gamma1;
    private final double gamma2;
    private final int d;
    private final int p;
    private final int n;

    private BenigniPaquetteModel(ActivationDerivative phi, ScaleLaw scales, double gamma1, double gamma2, int d,
            int p, int n) {
        this.phi = phi;
        this.scales = scales;
        this.gamma1 = gamma1;
        this.gamma2 = gamma2;
        this.d = d;
        this.p = p;
        this.n = n;
    }

    /**
     * A model.
     *
     * @param phi the activation derivative φ
     * @param scales the law of D
     * @param gamma1 γ1 = n/(dp), finite and &gt; 0
     * @param gamma2 γ2 = p/d, finite and &gt; 0
     * @param d the finite input dimension for simulations and outliers, ≥ 1
     * @throws IllegalArgumentException if an argument is out of range or n = γ1 d p exceeds 46 340
     *     (the largest dense matrix)
     */
    public static BenigniPaquetteModel of(ActivationDerivative phi, ScaleLaw scales, double gamma1, double gamma2,
            int d) {
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(scales, "scales");
        Validate.positive(gamma1, "gamma1");
        Validate.positive(gamma2, "gamma2");
        Validate.positive(d, "d");
        long p = Math.max(1L, Math.round(gamma2 * d));
        double nReal = gamma1 * d * (double) p;
        if (!(nReal < 46_340.5) || p > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n = gamma1·d·p must be at most 46340, got " + nReal
                    + " (gamma1 = " + gamma1 + ", d = " + d + ", p = " + p + ")");
        }
        long n = Math.max(1L, Math.round(nReal));
        return new BenigniPaquetteModel(phi, scales, gamma1, gamma2, d, (int) p, (int) n);
    }

    /** φ. */
    public ActivationDerivative phi() {
        return phi;
    }

    /** The law of D. */
    public ScaleLaw scales() {
        return scales;
    }

    /** γ1. */
    public double gamma1() {
        return gamma1;
    }

    /** γ2. */
    public double gamma2() {
        return gamma2;
    }

    /** d. */
    public int d() {
        return d;
    }

    /** p = max(1, round(γ2 d)). */
    public int p() {
        return p;
    }

    /** n = max(1, round(γ1 d p)). */
    public int n() {
        return n;
    }

    /** (1 − 1/γ1)_+, the limiting mass at 0. */
    public double atom() {
        return Math.max(0.0, 1 - 1 / gamma1);
    }

    /** The predicted number of outliers at this d: d (the rank of the a0 part). */
    public int outlierCount() {
        return d;
    }

    /** Their predicted location γ1 p a0² E[D²] (the non-zero eigenvalues of a0² E[D²] XXᵀ/d ≈ a0² E[D²] n/d). */
    public double outlierLocation() {
        double a0 = phi.a0();
        return gamma1 * p * a0 * a0 * scales.secondMoment();
    }

    /**
     * The predicted location γ1 p a1² E[D²] of the one outlier beyond the d of {@link #outlierLocation()}
     * (derived here, not in MATH.md): the linear part a1 g of φ contributes a1² x_iᵀ(W D² Wᵀ/(pd)) x_j ≈
     * a1² E[D²] x_i·x_j/d to the second factor of K, so K contains a1² E[D²](XXᵀ/d)^{∘2}, whose off-diagonal
     * entries have mean 1/d: a rank-one part a1² E[D²] 11ᵀ/d with eigenvalue a1² E[D²] n/d. Simulations
     * (step, D = I, γ1 = 2, d = p = 20…40) put the (d+1)-th eigenvalue within 10% below it. It is an
     * outlier only when it exceeds the bulk's right edge.
     */
    public double extraOutlierLocation() {
        double a1 = phi.a1();
        return gamma1 * p * a1 * a1 * scales.secondMoment();
    }

    // ------------------------------------------------------------------ the limit

    /**
     * H with the default discretisation: {@link #explicitPopulationLaw} with {@value #DEFAULT_QUANTILES}
     * quantiles for D = I, otherwise {@link #surrogatePopulationLaw} with d = {@value #DEFAULT_SURROGATE_D},
     * {@value #DEFAULT_SURROGATE_DRAWS} draws and seed {@value #DEFAULT_SURROGATE_SEED}.
     */
    public DiscreteSpectralMeasure populationLaw() {
        if (scales.isIdentity()) {
            return explicitPopulationLaw(phi, gamma2, DEFAULT_QUANTILES);
        }
        return surrogatePopulationLaw(phi, scales, gamma2, DEFAULT_SURROGATE_D, DEFAULT_SURROGATE_DRAWS,
                DEFAULT_SURROGATE_SEED);
    }

    /** The Silverstein equation of the limit law with {@link #populationLaw()} and γ1. */
    public SilversteinEquation limit() {
        return new SilversteinEquation(populationLaw(), gamma1);
    }

    /**
     * The predicted density on {@code gridPoints} equally spaced points from 0 to 1.25 times the right edge
     * of the bulk.
     *
     * @param gridPoints the number of grid points, ≥ 2
     * @param eta the Cauchy smoothing width η, finite and &gt; 0
     * @throws IllegalArgumentException if gridPoints &lt; 2 or eta is not finite and &gt; 0
     * @throws org.ntk.spectral.ConvergenceException if the Silverstein iteration does not converge
     */
    public DensityPrediction predict(int gridPoints, double eta) {
        if (gridPoints < 2) {
            throw new IllegalArgumentException("gridPoints must be >= 2, got " + gridPoints);
        }
        Validate.positive(eta, "eta");
        SilversteinEquation limit = limit();
        double right = 1.25 * limit.upperEdge();
        double[] grid = new double[gridPoints];
        for (int i = 0; i < gridPoints; i++) {
            grid[i] = right * i / (gridPoints - 1);
        }
        return predict(limit, grid, eta);
    }

    /**
     * The predicted density on a given grid.
     *
     * @param grid the points, finite, ascending. Not modified.
     * @param eta the Cauchy smoothing width η, finite and &gt; 0
     * @throws IllegalArgumentException if the grid is empty, not finite or not ascending, or eta is not
     *     finite and &gt; 0
     * @throws org.ntk.spectral.ConvergenceException if the Silverstein iteration does not converge
     */
    public DensityPrediction predict(double[] grid, double eta) {
        Validate.finiteVector(grid, "grid");
        for (int i = 1; i < grid.length; i++) {
            if (!(grid[i] > grid[i - 1])) {
                throw new IllegalArgumentException("grid must be strictly ascending, got grid[" + i + "] = "
                        + grid[i] + " after " + grid[i - 1]);
            }
        }
        Validate.positive(eta, "eta");
        return predict(limit(), grid, eta);
    }

    private DensityPrediction predict(SilversteinEquation limit, double[] grid, double eta) {
        double[] density = limit.density(grid, eta);
        return new DensityPrediction(grid, density, eta, limit.atom(), limit.lowerEdge(), limit.upperEdge(),
                limit.mean(), outlierCount(), outlierLocation(), extraOutlierLocation());
    }

    /**
     * The explicit population law H for D = I (MATH.md §8.3): the mixture of the pair law
     * c⊥ + a1²(L + L'), the single law c⊥ + a1² L and the atom c⊥, with L discretised by {@code quantiles}
     * midpoint quantiles of the non-zero Marchenko–Pastur law of ratio γ2; the quantiles² pair sums are
     * sorted and merged into 2·quantiles atoms (consecutive groups, each replaced by its mean and total
     * weight, which keeps the mean exact).
     *
     * @param phi the activation derivative
     * @param gamma2 γ2, finite and &gt; 0
     * @param quantiles the quantile grid size, ≥ 1 (400 is ample)
     * @return H, total weight 1, mean (c⊥ + a1²)
     * @throws IllegalArgumentException if gamma2 or quantiles is out of range
     */
    public static DiscreteSpectralMeasure explicitPopulationLaw(ActivationDerivative phi, double gamma2,
            int quantiles) {
        Objects.requireNonNull(phi, "phi");
        Validate.positive(gamma2, "gamma2");
        Validate.positive(quantiles, "quantiles");
        if ((long) quantiles * quantiles > 50_000_000L) {
            throw new IllegalArgumentException("quantiles must be at most 7071, got " + quantiles);
        }
        double cPerp = phi.orthogonalVariance();
        double a1sq = phi.a1() * phi.a1();
        double fPair = Math.min(gamma2, 1 / gamma2) / 2;
        double fSingle = Math.max(1 - gamma2, 0);
        double fTrivial = 1 - fPair - fSingle;
        Validate.heapFits((long) quantiles * quantiles, "pair sums of " + quantiles + " quantiles ("
                + quantiles + "×" + quantiles + ")", "use fewer quantiles (" + DEFAULT_QUANTILES + " is ample)");
        double[] q = MarchenkoPastur.of(gamma2).nonZeroQuantileGrid(quantiles);
        List<double[]> atoms = new ArrayList<>();
        int nq = quantiles;
        double[] sums = new double[nq * nq];
        for (int i = 0; i < nq; i++) {
            for (int j = 0; j < nq; j++) {
                sums[i * nq + j] = q[i] + q[j];
            }
        }
        Arrays.sort(sums);
        int groups = Math.min(sums.length, 2 * nq);
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) sums.length * g / groups);
            int to = (int) ((long) sums.length * (g + 1) / groups);
            double s = 0;
            for (int k = from; k < to; k++) {
                s += sums[k];
            }
            double weight = (double) (to - from) / sums.length;
            atoms.add(new double[] {cPerp + a1sq * s / (to - from), fPair * weight});
        }
        if (fSingle > 0) {
            for (double l : q) {
                atoms.add(new double[] {cPerp + a1sq * l, fSingle / nq});
            }
        }
        if (fTrivial > 0) {
            atoms.add(new double[] {cPerp, fTrivial});
        }
        return toMeasure(atoms);
    }

    /**
     * The surrogate population law H for any D (MATH.md §8.3): the eigenvalues of the dp×dp matrix
     * c⊥ I_d⊗D² + a1² I_d⊗(YᵀY) + a1² P (P[(a,k),(b,l)] = Y_al Y_bk, Y = WD/√d, vec index a·p + k) for
     * d = surrogateD and p = max(1, round(γ2 d)), each with weight 1/(dp·draws), pooled over
     * {@code draws} seeded draws of W and D.
     *
     * @param phi the activation derivative
     * @param scales the law of D
     * @param gamma2 γ2, finite and &gt; 0
     * @param surrogateD the surrogate dimension, ≥ 1 (40–80 is enough, MATH.md §8.3)
     * @param draws the number of draws pooled, ≥ 1
     * @param seed the seed of the draws
     * @return H, total weight 1
     * @throws IllegalArgumentException if an argument is out of range or dp exceeds 46 340
     */
    public static DiscreteSpectralMeasure surrogatePopulationLaw(ActivationDerivative phi, ScaleLaw scales,
            double gamma2, int surrogateD, int draws, long seed) {
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(scales, "scales");
        Validate.positive(gamma2, "gamma2");
        Validate.positive(surrogateD, "surrogateD");
        Validate.positive(draws, "draws");
        int ds = surrogateD;
        long pl = Math.max(1L, Math.round(gamma2 * ds));
        if (pl * ds > 46_340L) {
            throw new IllegalArgumentException("surrogateD·p must be at most 46340, got " + (pl * ds));
        }
        int ps = (int) pl;
        int dim = ds * ps;
        Validate.denseFits(dim, 2, "surrogate covariance");
        double cPerp = phi.orthogonalVariance();
        double a1sq = phi.a1() * phi.a1();
        SplittableRandom master = new SplittableRandom(seed);
        double[] nodes = new double[dim * draws];
        for (int r = 0; r < draws; r++) {
            double[][] w = Gaussians.standardNormal(ds, ps, master.nextLong());
            double[] dk = scales.sample(ps, new SplittableRandom(master.nextLong()));
            double[][] y = new double[ds][ps];
            double inv = 1 / Math.sqrt(ds);
            for (int a = 0; a < ds; a++) {
                for (int k = 0; k < ps; k++) {
                    y[a][k] = w[a][k] * dk[k] * inv;
                }
            }
            double[][] yty = new double[ps][ps];
            for (int k = 0; k < ps; k++) {
                for (int l = 0; l <= k; l++) {
                    double s = 0;
                    for (int a = 0; a < ds; a++) {
                        s += y[a][k] * y[a][l];
                    }
                    yty[k][l] = s;
                    yty[l][k] = s;
                }
            }
            double[] sigma = new double[dim * dim];
            for (int a = 0; a < ds; a++) {
                for (int k = 0; k < ps; k++) {
                    int row = a * ps + k;
                    for (int b = 0; b <= a; b++) {
                        for (int l = 0; l < ps; l++) {
                            int col = b * ps + l;
                            if (col > row) {
                                break;
                            }
                            double v = a1sq * y[a][l] * y[b][k];
                            if (a == b) {
                                v += a1sq * yty[k][l];
                                if (k == l) {
                                    v += cPerp * dk[k] * dk[k];
                                }
                            }
                            sigma[row * dim + col] = v;
                            sigma[col * dim + row] = v;
                        }
                    }
                }
            }
            double[] ev = Spectra.eigenvalues(DenseKernelMatrix.wrapSymmetric(dim, sigma));
            System.arraycopy(ev, 0, nodes, r * dim, dim);
        }
        double[] weights = new double[nodes.length];
        Arrays.fill(weights, 1.0 / nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            // Σ is positive semi-definite; clip rounding below zero.
            nodes[i] = Math.max(0.0, nodes[i]);
        }
        return new DiscreteSpectralMeasure(nodes, weights);
    }

    private static DiscreteSpectralMeasure toMeasure(List<double[]> atoms) {
        double[] nodes = new double[atoms.size()];
        double[] weights = new double[atoms.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = atoms.get(i)[0];
            weights[i] = atoms.get(i)[1];
        }
        return new DiscreteSpectralMeasure(nodes, weights);
    }

    // ------------------------------------------------------------------ finite size

    /**
     * Draws X, W and D from {@code seed} and assembles K on all available processors.
     *
     * @see #matrix(long, int)
     */
    public DenseKernelMatrix matrix(long seed) {
        return matrix(seed, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Draws X (n×d), W (d×p) and D (p) from {@code seed} and assembles K. The streams: a
     * {@link SplittableRandom} seeded with {@code seed} gives three seeds, for X ({@link Gaussians},
     * row-major), for W (likewise) and for D ({@link ScaleLaw#sample}).
     *
     * @param seed the seed
     * @param threads the number of assembly threads, ≥ 1
     * @throws IllegalArgumentException if threads &lt; 1 or the matrix does not fit in the heap
     */
    public DenseKernelMatrix matrix(long seed, int threads) {
        Validate.positive(threads, "threads");
        Validate.denseFits(n, 1, "Benigni–Paquette matrix");
        SplittableRandom master = new SplittableRandom(seed);
        double[][] x = Gaussians.standardNormal(n, d, master.nextLong());
        double[][] w = Gaussians.standardNormal(d, p, master.nextLong());
        double[] dk = scales.sample(p, new SplittableRandom(master.nextLong()));
        return assemble(x, w, dk, phi, threads);
    }

    /**
     * Assembles K = (1/d) XXᵀ ∘ (1/p) φ(XW/√d) D² φ(XW/√d)ᵀ from given data (MATH.md §8.1).
     *
     * @param x n×d inputs, one per row. Not modified, not retained.
     * @param w d×p weights, column k the weight vector of hidden unit k (MATH.md §0). Not modified.
     * @param scales the p diagonal entries of D. Not modified.
     * @param phi the activation derivative
     * @param threads the number of assembly threads, ≥ 1
     * @return K, exactly symmetric
     * @throws IllegalArgumentException if shapes disagree, an entry is not finite, threads &lt; 1, or K does
     *     not fit in the heap
     */
    public static DenseKernelMatrix matrix(double[][] x, double[][] w, double[] scales, ActivationDerivative phi,
            int threads) {
        int dx = Validate.finiteMatrix(x, "x");
        int pw = Validate.finiteMatrix(w, "w");
        if (w.length != dx) {
            throw new IllegalArgumentException("w has " + w.length + " rows, expected " + dx
                    + " (the dimension of x)");
        }
        Validate.finiteVector(scales, "scales");
        Validate.length(scales, pw, "scales");
        Objects.requireNonNull(phi, "phi");
        Validate.positive(threads, "threads");
        Validate.denseFits(x.length, 1, "Benigni–Paquette matrix");
        return assemble(x, w, scales, phi, threads);
    }

    /** Rows per task of the parallel matrix assembly. */
    private static final int ROW_BLOCK = 32;

    private static DenseKernelMatrix assemble(double[][] x, double[][] w, double[] dk, ActivationDerivative phi,
            int threads) {
        int n = x.length;
        int d = x[0].length;
        int p = w[0].length;
        double sd = 1 / Math.sqrt(d);
        double sp = 1 / Math.sqrt(p);
        // xs = X/√d (n×d), z = φ(XW/√d) D/√p (n×p), both flat row-major.
        double[] xs = new double[n * d];
        double[] z = new double[n * p];
        double[] g = new double[p];
        for (int i = 0; i < n; i++) {
            Arrays.fill(g, 0);
            for (int a = 0; a < d; a++) {
                double xa = x[i][a];
                xs[i * d + a] = xa * sd;
                double[] wa = w[a];
                for (int k = 0; k < p; k++) {
                    g[k] += xa * wa[k];
                }
            }
            for (int k = 0; k < p; k++) {
                z[i * p + k] = phi.value(g[k] * sd) * dk[k] * sp;
            }
        }
        double[] k = new double[n * n];
        // Tasks of 32 rows, the longest rows of the lower triangle first (balance); each entry is
        // computed by one task with fixed arithmetic, so the result does not depend on the threads.
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        ParallelTasks.run(blocks, threads, t -> {
            int from = (blocks - 1 - t) * ROW_BLOCK;
            fillRows(xs, z, n, d, p, from, Math.min(n, from + ROW_BLOCK), k);
        });
        return DenseKernelMatrix.wrapSymmetric(n, k);
    }

    private static void fillRows(double[] xs, double[] z, int n, int d, int p, int from, int to, double[] k) {
        for (int i = from; i < to; i++) {
            int xi = i * d;
            int zi = i * p;
            for (int j = 0; j <= i; j++) {
                int xj = j * d;
                int zj = j * p;
                double sx = 0;
                for (int a = 0; a < d; a++) {
                    sx += xs[xi + a] * xs[xj + a];
                }
                double sz = 0;
                for (int c = 0; c < p; c++) {
                    sz += z[zi + c] * z[zj + c];
                }
                double v = sx * sz;
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
        }
    }

    /**
     * Draws one matrix ({@link #matrix(long)}) and computes all its eigenvalues (LAPACK {@code dsyevd}
     * through {@link Spectra#eigenvalues}; about 1–2 s at n = 3200 on two cores).
     *
     * @param seed the seed
     * @return the spectrum, non-increasing
     * @throws IllegalArgumentException if two n×n matrices do not fit in the heap
     * @throws IllegalStateException if the OpenBLAS native library cannot be loaded
     */
    public BenigniPaquetteSimulation simulate(long seed) {
        double[] ev = Spectra.eigenvalues(matrix(seed));
        return new BenigniPaquetteSimulation(n, d, p, seed, ev);
    }

    @Override
    public String toString() {
        return "BenigniPaquetteModel[phi=" + phi.cliName() + ", scales=" + scales + ", gamma1=" + gamma1
                + ", gamma2=" + gamma2 + ", d=" + d + ", p=" + p + ", n=" + n + "]";
    }
}
