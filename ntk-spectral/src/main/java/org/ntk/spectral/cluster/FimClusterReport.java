package org.ntk.spectral.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ntk.core.fisher.ClusterPrediction;
import org.ntk.core.fisher.FimEigenvectorFamilies;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.mercer.MercerDegree;
import org.ntk.core.mercer.MercerSpectra;
import org.ntk.core.mercer.MercerSpectrum;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.validation.Validate;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.Spectra;
import org.ntk.spectral.trace.ResidualTrace;

/**
 * The spectrum of the Fisher information matrix J of a two-layer ReLU network grouped into the
 * eigenvalue clusters of the theory, each compared with its predicted value and its theoretical
 * eigenvectors (MATH.md §2.3–§2.4, §3.3, §3.6).
 *
 * <p><b>Clusters.</b> J = E_x[φ(Wᵀx) φ(Wᵀx)ᵀ] (m×m, MATH.md §2.1) has, for large m, the non-zero
 * eigenvalues m·σ²·λ_k with multiplicity N(d, k), where λ_k are the Mercer eigenvalues of the
 * {@code arccos1} kernel under x ~ N(0, I_d) and σ² the hidden-weight variance (MATH.md §2.2, §3.6).
 * The observed spectrum (non-increasing) is cut into consecutive blocks by sorted order:
 * <ol>
 *   <li>degree 0 (MATH.md's cluster 1): position 0, multiplicity 1;</li>
 *   <li>degree 1 (cluster 2): the next d positions;</li>
 *   <li>degree 2 (cluster 3): the next d(d+1)/2 − 1 positions;</li>
 *   <li>then the higher degrees whose Mercer eigenvalue is non-zero, in decreasing order of predicted
 *       eigenvalue (for {@code arccos1} these are the even degrees 4, 6, … in order), N(d, k)
 *       positions each, as long as a whole cluster fits within the eigenpairs supplied and
 *       k ≤ maxDegree.</li>
 * </ol>
 * The odd degrees k ≥ 3 have eigenvalue exactly 0 (MATH.md §3.4): their directions carry no
 * eigenvalue of order m and end up in the unassigned tail of the spectrum, so they get no cluster.
 * The assignment by position presumes the clusters are separated, as they are for large m; at
 * small m, or for high degrees whose clusters overlap, the blocks mix degrees and the report shows it
 * as a large relative error or spread.
 *
 * <p><b>Per cluster</b> ({@link FimCluster}): observed mean, min, max, relative spread and trace share;
 * the exact limit, the same rescaled by the draw's tr J / E[tr J] (which removes the dominant
 * finite-m fluctuation, that of ‖W‖_F²), and, for degrees ≤ 2, the papers' value ({@link ClusterPrediction}); for degrees ≤ 2
 * the principal angles ({@link SubspaceOverlap}) between the observed eigenspace and the span of the
 * theoretical vectors — u1 ∝ (‖w_j‖)_j, the rows of W, and q^{ab}, s^a — taken from
 * {@link FimEigenvectorFamilies#orthonormalBasis(int)} (each group's span with the lower groups'
 * spans projected out, as the true eigenspaces are mutually orthogonal).
 *
 * <p><b>Trace.</b> The share of the top 1 + d + d(d+1)/2 − 1 eigenvalues ({@link #topShare()}) against
 * frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)² and the papers' 1/2 + 3/(2π) (MATH.md §2.4); and the exact split
 * tr J = captured + residual for the span of the theoretical vectors of degrees 0–2
 * ({@link #theoreticalTrace()}, {@link ResidualTrace#ofOrthonormal}: captured = Σ_c q_cᵀ J q_c over an
 * orthonormal basis of that span), beside the same split for the observed eigenvalues
 * ({@link #observedTrace()}).
 *
 * <p>Immutable and thread-safe; the decomposition and network are not retained.
 */
public final class FimClusterReport {

    /** The largest Mercer degree considered for the higher clusters unless told otherwise. */
    public static final int DEFAULT_MAX_DEGREE = 16;

    /** The relative residual ‖J v_0 − λ_0 v_0‖ / λ_0 above which a decomposition is rejected as not of J. */
    public static final double CONSISTENCY_TOLERANCE = 1e-6;

    private final int d;
    private final int m;
    private final WeightScale scale;
    private final double trace;
    private final List<FimCluster> clusters;
    private final int topCount;
    private final ResidualTrace observedTrace;
    private final ResidualTrace theoreticalTrace;
    private final double radialAlignment;
    private final double uniformAlignment;

    private FimClusterReport(int d, int m, WeightScale scale, double trace, List<FimCluster> clusters, int topCount,
            ResidualTrace observedTrace, ResidualTrace theoreticalTrace, double radialAlignment,
            double uniformAlignment) {
        this.d = d;
        this.m = m;
        this.scale = scale;
        this.trace = trace;
        this.clusters = List.copyOf(clusters);
        this.topCount = topCount;
        this.observedTrace = observedTrace;
        this.theoreticalTrace = theoreticalTrace;
        this.radialAlignment = radialAlignment;
        this.uniformAlignment = uniformAlignment;
    }

    /**
     * The cluster report of a network's Fisher information, computing J and its full
     * eigendecomposition ({@link FisherInformation#analytic}, {@link Spectra#decompose}) with all
     * available processors and higher degrees up to {@value #DEFAULT_MAX_DEGREE}.
     *
     * @see #analyze(ReluNetwork, WeightScale, int, int)
     */
    public static FimClusterReport analyze(ReluNetwork net, WeightScale scale) {
        return analyze(net, scale, DEFAULT_MAX_DEGREE, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The cluster report of a network's Fisher information, computing J (m×m, dense) and all its
     * eigenpairs.
     *
     * <p>Cost: O(m²d) for J, the LAPACK {@code dsyevd} decomposition (about 1–2 s at m = 2000 on two
     * cores), O(m·p²) for the theoretical bases (p = 1 + d + d(d+1)/2 − 1) and one block product of J
     * with p columns. Memory: about 4 m² doubles at the peak (J and the decomposition).
     *
     * @param net the network. Not modified.
     * @param scale the hidden-weight variance the network was drawn with (MATH.md §0); it sets the
     *     predicted values, not J
     * @param maxDegree the largest Mercer degree for the higher clusters, ≥ 2 (2: only the three
     *     clusters of MATH.md §2.3)
     * @param threads threads for the assembly of J and its products, ≥ 1
     * @return the report
     * @throws NullPointerException if net or scale is null
     * @throws IllegalArgumentException if maxDegree &lt; 2, threads &lt; 1, the width m is below
     *     1 + d + d(d+1)/2 − 1, or m×m matrices do not fit in the heap
     */
    public static FimClusterReport analyze(ReluNetwork net, WeightScale scale, int maxDegree, int threads) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(scale, "scale");
        checkMaxDegree(maxDegree);
        Validate.positive(threads, "threads");
        int d = net.inputDimension();
        int top = topCount(d);
        if (net.width() < top) {
            throw new IllegalArgumentException("net width m must be >= 1 + d + d(d+1)/2 − 1 = " + top + " for d = " + d
                    + ", got " + net.width());
        }
        KernelMatrix j = FisherInformation.analytic(net, threads);
        return build(net, scale, j, Spectra.decompose(j), maxDegree);
    }

    /**
     * The cluster report for a given eigendecomposition of the network's Fisher information, with all
     * available processors and higher degrees up to {@value #DEFAULT_MAX_DEGREE}.
     *
     * @see #of(ReluNetwork, WeightScale, Decomposition, int, int)
     */
    public static FimClusterReport of(ReluNetwork net, WeightScale scale, Decomposition eig) {
        return of(net, scale, eig, DEFAULT_MAX_DEGREE, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The cluster report for a given eigendecomposition (full, or the leading eigenpairs from
     * {@link Spectra#top}) of the network's Fisher information J.
     *
     * <p>J is used matrix-free ({@link ImplicitKernelMatrix} of {@code arccos1} over the hidden
     * weights, never an m×m array): one product to check that the leading pair of {@code eig} is an
     * eigenpair of J (relative residual ≤ {@value #CONSISTENCY_TOLERANCE}), and one block product with
     * the p = 1 + d + d(d+1)/2 − 1 theoretical vectors for {@link #theoreticalTrace()}. Cost
     * O(m²(d + p)) for the products plus O(m·p²) for the theoretical bases and the principal angles.
     *
     * @param net the network. Not modified.
     * @param scale the hidden-weight variance the network was drawn with (MATH.md §0)
     * @param eig eigenpairs of J, non-increasing, at least 1 + d + d(d+1)/2 − 1 of them; higher
     *     clusters are reported only as far as they fit within {@code eig.count()}
     * @param maxDegree the largest Mercer degree for the higher clusters, ≥ 2
     * @param threads threads for the products with J, ≥ 1
     * @return the report
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if eig's size is not m, it holds fewer than
     *     1 + d + d(d+1)/2 − 1 pairs, its leading pair is not an eigenpair of J, maxDegree &lt; 2 or
     *     threads &lt; 1
     */
    public static FimClusterReport of(ReluNetwork net, WeightScale scale, Decomposition eig, int maxDegree,
            int threads) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(eig, "eig");
        checkMaxDegree(maxDegree);
        Validate.positive(threads, "threads");
        KernelMatrix j = ImplicitKernelMatrix.of(Kernels.arcCosine(1), net.hiddenWeights(), threads);
        return build(net, scale, j, eig, maxDegree);
    }

    private static FimClusterReport build(ReluNetwork net, WeightScale scale, KernelMatrix j, Decomposition eig,
            int maxDegree) {
        int d = net.inputDimension();
        int m = net.width();
        if (eig.size() != m) {
            throw new IllegalArgumentException("eig has size " + eig.size() + ", expected the network width m = " + m);
        }
        int top = topCount(d);
        int count = eig.count();
        if (count < top) {
            throw new IllegalArgumentException("eig must hold at least 1 + d + d(d+1)/2 − 1 = " + top
                    + " eigenpairs for d = " + d + ", got " + count);
        }
        double[] values = eig.eigenvalues();
        checkConsistent(j, eig, values[0]);
        double trace = j.trace();
        double traceRatio = trace / ClusterPrediction.expectedTrace(d, m, scale);

        FimEigenvectorFamilies families = FimEigenvectorFamilies.of(net);
        List<ClusterPrediction> predictions = ClusterPrediction.of(d, m, scale);
        List<FimCluster> clusters = new ArrayList<>();
        List<double[]> theoryAll = new ArrayList<>();
        int next = 0;
        for (ClusterPrediction p : predictions) {
            int mult = Math.toIntExact(p.multiplicity());
            if (mult == 0) {
                continue;
            }
            double[][] theory = families.orthonormalBasis(p.group());
            theoryAll.addAll(List.of(theory));
            double[][] observed = new double[mult][];
            for (int i = 0; i < mult; i++) {
                observed[i] = eig.eigenvector(next + i);
            }
            Optional<SubspaceOverlap> overlap = theory.length == 0 ? Optional.empty()
                    : Optional.of(SubspaceOverlap.between(theory, observed));
            clusters.add(cluster(p.group(), mult, next, values, trace, p.exactLimit(), traceRatio,
                    OptionalDouble.of(p.papersValue()), overlap));
            next += mult;
        }
        if (maxDegree > 2) {
            double factor = m * scale.variance(d);
            MercerSpectrum mercer = MercerSpectra.of(Kernels.arcCosine(1), d, maxDegree);
            List<MercerDegree> higher = new ArrayList<>();
            for (MercerDegree g : mercer.degrees()) {
                if (g.degree() > 2 && g.multiplicity() >= 1 && g.eigenvalue() > 0) {
                    higher.add(g);
                }
            }
            higher.sort(Comparator.comparingDouble(MercerDegree::eigenvalue).reversed());
            for (MercerDegree g : higher) {
                if (next + g.multiplicity() > count) {
                    break;
                }
                int mult = (int) g.multiplicity();
                clusters.add(cluster(g.degree(), mult, next, values, trace, factor * g.eigenvalue(),
                        traceRatio, OptionalDouble.empty(), Optional.empty()));
                next += mult;
            }
        }

        double[] topValues = Arrays.copyOf(values, top);
        ResidualTrace observedTrace = ResidualTrace.ofEigenvalues(j, topValues);
        ResidualTrace theoreticalTrace = ResidualTrace.ofOrthonormal(j, theoryAll.toArray(new double[0][]));
        double[] u = eig.eigenvector(0);
        double radial = Math.abs(dot(u, families.radial()));
        double sum = 0;
        for (double x : u) {
            sum += x;
        }
        double uniform = Math.abs(sum) / Math.sqrt(m);
        return new FimClusterReport(d, m, scale, trace, clusters, top, observedTrace, theoreticalTrace, radial,
                uniform);
    }

    private static FimCluster cluster(int degree, int mult, int first, double[] values, double trace,
            double exact, double traceRatio, OptionalDouble papers, Optional<SubspaceOverlap> overlap) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = first; i < first + mult; i++) {
            sum += values[i];
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return new FimCluster(degree, mult, first, sum / mult, min, max, sum / trace, exact, exact * traceRatio,
                papers, overlap);
    }

    /** Rejects a decomposition whose leading pair is not an eigenpair of j. */
    private static void checkConsistent(KernelMatrix j, Decomposition eig, double lambda) {
        double[] v = eig.eigenvector(0);
        double[] jv = new double[v.length];
        j.multiply(v, jv);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double e = jv[i] - lambda * v[i];
            s += e * e;
        }
        double residual = Math.sqrt(s);
        if (!(residual <= CONSISTENCY_TOLERANCE * Math.abs(lambda))) {
            throw new IllegalArgumentException("eig must hold eigenpairs of the network's Fisher information J, got "
                    + "‖J v_0 − λ_0 v_0‖ = " + residual + " > " + CONSISTENCY_TOLERANCE + "·λ_0 = "
                    + CONSISTENCY_TOLERANCE * Math.abs(lambda));
        }
    }

    private static void checkMaxDegree(int maxDegree) {
        if (maxDegree < 2) {
            throw new IllegalArgumentException("maxDegree must be >= 2, got " + maxDegree);
        }
    }

    /** 1 + d + N(d, 2) = 1 + d + d(d+1)/2 − 1 (for d = 1: 2, as N(1, 2) = 0). */
    private static int topCount(int d) {
        long n2 = d == 1 ? 0 : (long) d * (d + 1) / 2 - 1;
        long top = 1 + d + n2;
        if (top > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("d must give 1 + d + d(d+1)/2 − 1 <= " + Integer.MAX_VALUE + ", got d = " + d);
        }
        return (int) top;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The input dimension d. */
    public int inputDimension() {
        return d;
    }

    /** The width m (the size of J). */
    public int width() {
        return m;
    }

    /** E[tr J] = m σ² d/2 (m/2 under VAR-1/d, md/2 under VAR-1; MATH.md §2.1). */
    public double expectedTrace() {
        return ClusterPrediction.expectedTrace(d, m, scale);
    }

    /** The weight scale the predictions assume. */
    public WeightScale scale() {
        return scale;
    }

    /** tr J = ‖W‖_F²/2 (MATH.md §2.1), as computed from the diagonal of J. */
    public double trace() {
        return trace;
    }

    /**
     * The clusters in spectral order: degrees 0, 1, 2 (those with non-zero multiplicity), then the
     * higher degrees that fit; an unmodifiable list.
     */
    public List<FimCluster> clusters() {
        return clusters;
    }

    /**
     * The cluster of a Mercer degree.
     *
     * @throws IllegalArgumentException if the report has no cluster of that degree
     */
    public FimCluster cluster(int degree) {
        for (FimCluster c : clusters) {
            if (c.degree() == degree) {
                return c;
            }
        }
        throw new IllegalArgumentException("degree must be one of the report's cluster degrees, got " + degree);
    }

    /** The number of eigenvalues in the clusters of degrees 0–2: 1 + d + d(d+1)/2 − 1 (2 for d = 1). */
    public int topCount() {
        return topCount;
    }

    /** The share of tr J held by the top {@link #topCount()} observed eigenvalues (MATH.md §2.4). */
    public double topShare() {
        return observedTrace.capturedShare();
    }

    /** The exact large-m share frac(d) = 1/2 + d²c_d²(3d+5)/(d+1)² (MATH.md §2.4). */
    public double exactTraceFraction() {
        return ClusterPrediction.traceFraction(d);
    }

    /** The papers' share 1/2 + 3/(2π), the same for every d (MATH.md §2.4). */
    public double papersTraceFraction() {
        return ClusterPrediction.PAPERS_TRACE_FRACTION;
    }

    /** tr J split into the top {@link #topCount()} observed eigenvalues and the rest. */
    public ResidualTrace observedTrace() {
        return observedTrace;
    }

    /**
     * tr J split exactly into the part captured by the span of the theoretical eigenvectors of degrees
     * 0–2 (Σ q_cᵀ J q_c over an orthonormal basis of that span) and the residual (MATH.md §2.4).
     */
    public ResidualTrace theoreticalTrace() {
        return theoreticalTrace;
    }

    /** |⟨u_top, a/‖a‖⟩| with a = (‖w_j‖)_j, the alignment of the top eigenvector with the column norms (MATH.md §2.3). */
    public double radialAlignment() {
        return radialAlignment;
    }

    /** |⟨u_top, 1/√m⟩|, the alignment of the top eigenvector with the uniform vector (MATH.md §2.3: worse). */
    public double uniformAlignment() {
        return uniformAlignment;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FimClusterReport[d=").append(d).append(", m=").append(m)
                .append(", scale=").append(scale).append(", trace=").append(trace).append(", topShare=")
                .append(topShare()).append(" (frac(d)=").append(exactTraceFraction()).append(")");
        for (FimCluster c : clusters) {
            sb.append(", k=").append(c.degree()).append(": mean ").append(c.mean()).append(" vs ").append(c.exactLimit());
        }
        return sb.append(']').toString();
    }
}
