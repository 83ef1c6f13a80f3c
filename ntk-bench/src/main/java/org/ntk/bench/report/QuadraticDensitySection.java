package org.ntk.bench.report;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.spectral.Spectra;
import org.ntk.spectral.density.ActivationDerivative;
import org.ntk.spectral.density.BenigniPaquetteModel;
import org.ntk.spectral.density.BenigniPaquetteSimulation;
import org.ntk.spectral.density.DensityPrediction;
import org.ntk.spectral.density.ScaleLaw;

/**
 * Report section {@code quadraticDensity}: the spectral density of the first-layer NTK in the
 * quadratic scaling n ≍ d² (Benigni–Paquette, seed 003), predicted by the free-probability law of
 * MATH.md §8.3–§8.4 and simulated.
 *
 * <p>The matrix K = (1/d) XXᵀ ∘ (1/p) φ(XW/√d) D² φ(XW/√d)ᵀ with φ = step (the derivative of ReLU),
 * D = I, d = p = {@value #D}, γ1 = n/(dp) = {@value #GAMMA1} (n = 3200), γ2 = p/d = 1; one draw from
 * stream {@code derivedSeed(6)} ({@link BenigniPaquetteModel#matrix(long, int)}, all eigenvalues by
 * LAPACK). The prediction ({@link BenigniPaquetteModel#predict(int, double)}) is the η-smoothed
 * density of the continuous part on {@value #GRID} points from 0 to 1.25 × its right edge; the
 * simulated density is smoothed with the same η = {@value #ETA} and leaves out the n − dp
 * structural zeros. Outliers are the simulated eigenvalues above 1.5 × the predicted right edge
 * (the recipe of the {@code density} command).
 *
 * <p>Cost: O(n²(d + p)) to assemble K and O(n³) for its eigenvalues: about 2–4 s at n = 3200 on two
 * cores; memory two n×n arrays (160 MiB).
 */
public final class QuadraticDensitySection implements ReportSection {

    /** Input dimension (= p) of the report. */
    static final int D = 40;
    /** γ1 = n/(dp). */
    static final double GAMMA1 = 2;
    /** γ2 = p/d. */
    static final double GAMMA2 = 1;
    /** Smoothing width. */
    static final double ETA = 0.01;
    /** Grid points. */
    static final int GRID = 400;
    /** Every how many grid points an observed density point is drawn. */
    static final int POINT_STRIDE = 2;
    /** The outlier plot shows this many leading eigenvalues, as a multiple of d. */
    static final int OUTLIER_PLOT_MULTIPLE = 3;

    private final int d;

    /** The section at d = p = {@value #D} (n = 3200). */
    public QuadraticDensitySection() {
        this(D);
    }

    /**
     * The section at another size d = p (n = 2d²), for tests.
     *
     * @throws IllegalArgumentException if d &lt; 2
     */
    QuadraticDensitySection(int d) {
        if (d < 2) {
            throw new IllegalArgumentException("d must be >= 2, got " + d);
        }
        this.d = d;
    }

    @Override
    public String id() {
        return "quadraticDensity";
    }

    @Override
    public String title() {
        return "Quadratic scaling: predicted against simulated spectral density of the first-layer NTK";
    }

    @Override
    public void run(ReportContext ctx) {
        BenigniPaquetteModel model = BenigniPaquetteModel.of(ActivationDerivative.STEP, ScaleLaw.identity(),
                GAMMA1, GAMMA2, d);
        int n = model.n();
        int p = model.p();
        long seed = ctx.derivedSeed(6);
        ctx.progress().progress("quadraticDensity", 0, 3);
        DensityPrediction pred = model.predict(GRID, ETA);
        ctx.progress().progress("quadraticDensity", 1, 3);
        DenseKernelMatrix k = model.matrix(seed, ctx.threads());
        BenigniPaquetteSimulation sim = new BenigniPaquetteSimulation(n, d, p, seed, Spectra.eigenvalues(k));
        k = null;
        ctx.progress().progress("quadraticDensity", 2, 3);
        double[] grid = pred.grid();
        double[] predicted = pred.density();
        double[] empirical = sim.density(grid, ETA);
        double l1 = pred.l1Distance(empirical);
        double empiricalIntegral = trapezoid(grid, empirical);

        double[] ev = sim.eigenvalues();
        double threshold = 1.5 * pred.upperEdge();
        double[] outliers = sim.eigenvaluesAbove(threshold);
        int nOut = outliers.length;
        int kept = n - sim.structuralZeros();
        double bulkMax = ev[nOut];
        double bulkMin = ev[kept - 1];
        double bulkSum = 0;
        for (int i = nOut; i < kept; i++) {
            bulkSum += ev[i];
        }
        double bulkMean = bulkSum / n;
        int topCount = Math.min(d, nOut);
        double topMean = 0;
        for (int i = 0; i < topCount; i++) {
            topMean += ev[i];
        }
        topMean /= Math.max(1, topCount);
        double extraObserved = ev[d];
        double zeroCut = 1e-9 * ev[0];
        int numericalZeros = 0;
        for (double v : ev) {
            if (v < zeroCut) {
                numericalZeros++;
            }
        }
        ActivationDerivative phi = model.phi();

        ResultNode r = ctx.results();
        r.put("activation", phi.cliName()).put("scales", model.scales().toString()).put("gamma1", GAMMA1)
                .put("gamma2", GAMMA2).put("d", d).put("p", p).put("n", n).put("eta", ETA)
                .put("seed", seed).put("a0", phi.a0()).put("a1", phi.a1())
                .put("orthogonalVariance", phi.orthogonalVariance());

        ctx.paragraph("K = (1/d) XXᵀ ∘ (1/p) φ(XW/√d) D² φ(XW/√d)ᵀ (n×n) is the hidden-weight part of"
                + " the NTK of f(x) = p^{−1/2} Σ_k D_k σ(w_k·x/√d) (MATH.md §8.1), here with σ = ReLU, so"
                + " φ = σ' = step; D = I; X (n×d) and W (d×p) i.i.d. N(0, 1); d = p = " + d + ", n = " + n
                + " (γ1 = n/(dp) = " + Table.formatNumber(GAMMA1, 2) + ", γ2 = p/d = "
                + Table.formatNumber(GAMMA2, 2) + "), one draw with seed `derivedSeed(6)` = " + seed
                + ". The prediction is MATH.md's derived law: μ_K = (1/γ1)(H ⊠ MP_γ1) + (1 − 1/γ1)δ_0,"
                + " with the population law H of §8.3 (a0 = " + Table.formatNumber(phi.a0(), 4)
                + ", a1 = " + Table.formatNumber(phi.a1(), 6) + ", c⊥ = "
                + Table.formatNumber(phi.orthogonalVariance(), 6) + "), solved through the"
                + " Silverstein equation; both densities are Cauchy-smoothed with η = " + ETA + ". "
                + "**Caveat:** the theorem needs φ = σ' pseudo-Lipschitz, and the step function is"
                + " discontinuous, so ReLU is formally outside Benigni–Paquette's theorem; the"
                + " agreement below is numerical evidence only. MATH.md's H is itself derived, not"
                + " taken from the paper (whose μ_{ν,φ} could not be checked).");

        Table.Builder t = Table.builder()
                .text("quantity", "quantity")
                .number("predicted", "predicted", 5)
                .number("observed", "observed", 5)
                .text("how", "observed as");
        t.row("atom at 0 (mass)", pred.atom(), (double) numericalZeros / n,
                "share of eigenvalues below 1e−9·λ_max (rank K ≤ dp = " + (d * p) + ")");
        t.row("bulk: lower edge", pred.lowerEdge(), bulkMin, "smallest eigenvalue above the zeros");
        t.row("bulk: upper edge", pred.upperEdge(), bulkMax, "largest eigenvalue below the outlier cut");
        t.row("bulk: mean (over all n, atom as 0)", pred.mean(), bulkMean,
                "Σ bulk eigenvalues / n (outliers excluded)");
        t.row("density integral over the grid", pred.integral(), empiricalIntegral,
                "trapezoid rule of the smoothed densities");
        t.row("outlier location γ1·p·a0² (top d)", pred.outlierLocation(), topMean,
                "mean of the " + topCount + " largest eigenvalues");
        t.row("extra outlier γ1·p·a1²", pred.extraOutlierLocation(), extraObserved,
                "eigenvalue number d + 1 = " + (d + 1));
        t.row("L1 distance of the smoothed densities", null, l1, "∫|predicted − simulated| over the grid");
        ctx.table("comparison", t.build());
        boolean extraAbove = pred.extraOutlierLocation() > pred.upperEdge();
        int predictedOutliers = pred.outlierCount() + (extraAbove ? 1 : 0);
        Table counts = Table.builder()
                .text("quantity", "outliers: eigenvalues above 1.5 × the predicted upper edge = "
                        + Table.formatNumber(threshold, 4))
                .integer("predicted", "predicted")
                .integer("observed", "observed")
                .row("d from the rank-d part a0²·XXᵀ/d" + (extraAbove ? ", plus one near γ1·p·a1²" : ""),
                        predictedOutliers, nOut)
                .build();
        ctx.table("outlierCounts", counts);
        r.put("l1Distance", l1).put("outlierThreshold", threshold).put("observedOutliers", outliers);
        ctx.keyNumber("l1Distance", l1);

        int pts = (grid.length + POINT_STRIDE - 1) / POINT_STRIDE;
        double[] px = new double[pts];
        double[] py = new double[pts];
        for (int i = 0; i < pts; i++) {
            px[i] = grid[i * POINT_STRIDE];
            py[i] = empirical[i * POINT_STRIDE];
        }
        r.object("density").put("grid", grid).put("predicted", predicted).put("simulated", empirical);
        ctx.figure("density", Figure.builder("Spectral density of K, step φ, D = I, d = p = " + d + ", n = "
                        + n + " (η = " + ETA + ")")
                .xAxis("eigenvalue λ of K").yAxis("smoothed density (per unit λ), atom at 0 excluded")
                .points("simulated, one draw (every " + POINT_STRIDE + "nd grid point)", 0, px, py)
                .line("predicted: H ⊠ Marchenko–Pastur (MATH.md §8.4)", 3, grid, predicted)
                .build());

        int shown = Math.min(n, OUTLIER_PLOT_MULTIPLE * d);
        double[] kx = new double[shown];
        double[] ky = new double[shown];
        for (int i = 0; i < shown; i++) {
            kx[i] = i + 1;
            ky[i] = ev[i];
        }
        double[] span = {1, shown};
        ctx.figure("outliers", Figure.builder("Largest eigenvalues of K: " + d + " + 1 outliers above the bulk")
                .xAxis("eigenvalue number k (1 = largest)").yAxis("eigenvalue λ_k of K")
                .legend(Figure.Legend.INSIDE_NE)
                .points("simulated eigenvalues", 0, kx, ky)
                .line("predicted outliers (d of them): γ1·p·a0² = "
                        + Table.formatNumber(pred.outlierLocation(), 4), 3, span,
                        new double[] {pred.outlierLocation(), pred.outlierLocation()})
                .dashedLine("predicted extra outlier: γ1·p·a1² = "
                        + Table.formatNumber(pred.extraOutlierLocation(), 4), 1, span,
                        new double[] {pred.extraOutlierLocation(), pred.extraOutlierLocation()})
                .line("predicted right edge of the bulk = " + Table.formatNumber(pred.upperEdge(), 4), 2,
                        span, new double[] {pred.upperEdge(), pred.upperEdge()})
                .build());
    }

    private static double trapezoid(double[] x, double[] y) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += 0.5 * (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
        }
        return s;
    }
}
