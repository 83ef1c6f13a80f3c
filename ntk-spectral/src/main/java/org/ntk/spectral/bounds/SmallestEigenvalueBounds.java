package org.ntk.spectral.bounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.validation.Validate;
import org.ntk.spectral.Spectra;

/**
 * The deterministic bound chain of Nguyen–Mondelli–Montúfar for the smallest eigenvalue of the deep
 * ReLU NTK Gram matrix K^(L) of a data set, every link evaluated exactly (MATH.md §6.3, §7).
 *
 * <pre>
 * 2μ_r²·Gersh_r / max‖x_i‖^{2(r−1)}  ≤  2μ_r² λ_min((XXᵀ)^{∘r}) / max‖x_i‖^{2(r−1)}  ≤  λ_min(G^(2))
 *     ≤  Σ_{l=1}^{L} λ_min(G^(l))  ≤  λ_min(K^(L))  ≤  tr(K^(L))/n = (L/n) Σ_i ‖x_i‖²
 * Gersh_r = min_i ‖x_i‖^{2r} − (n − 1) max_{i≠j} |⟨x_i, x_j⟩|^r,   r even ≥ 2
 * </pre>
 *
 * <p>The links, in that order from the bottom, are listed by {@link #links()}: {@code gershgorin(r=…)}
 * and {@code hermite(r=…)} for each order r asked for, then {@code nngp-sum} (λ_min(G^(2)) ≤ Σ_l
 * λ_min(G^(l)), true because every G^(l) is PSD), {@code schur} (Schur product theorem,
 * λ_min(P∘Q) ≥ λ_min(P)·min_i Q_ii with Ġ_ii = 1) and {@code trace}. {@link #holds()} is true when
 * every link holds within its stated rounding slack (16·n·ε times the trace of the matrices involved).
 * The Gershgorin relaxation becomes positive only once (n−1)(max|⟨x_i,x_j⟩|/min‖x_i‖²)^r &lt; 1;
 * with r = 2 it is usually negative (vacuous).
 *
 * <p>Conventions: L is the number of weight layers (L ≥ 2), c_σ = 2, K^(L) = {@code
 * Kernels.deepNtk(L − 1)}; see {@link DeepNtkRecursion}. Every input must be non-zero.
 *
 * <p>Cost: the recursion, O(n²d + L n²), plus (L + 1 + number of orders) dense symmetric
 * eigenvalue problems of size n, O(n³) each (LAPACK {@code dsyevd} through {@link Spectra#eigenvalues}). Immutable; the array accessor returns a fresh copy.
 *
 * @param layers L, the number of weight layers, ≥ 2
 * @param size n, the number of data points
 * @param lambdaMin λ_min(K^(L))
 * @param nngpLambdaMin λ_min(G^(l)) at index l − 1, for l = 1..L
 * @param schurBound Σ_{l=1}^{L} λ_min(G^(l))
 * @param traceBound tr(K^(L))/n = (L/n) Σ_i ‖x_i‖²
 * @param hermite one Hermite/Gershgorin bound per order asked for, in the order given
 * @param links every link of the chain with its two sides and slack
 */
public record SmallestEigenvalueBounds(int layers, int size, double lambdaMin, double[] nngpLambdaMin,
        double schurBound, double traceBound, List<HermiteBound> hermite, List<BoundLink> links) {

    /** Copies the array and lists. */
    public SmallestEigenvalueBounds {
        nngpLambdaMin = nngpLambdaMin.clone();
        hermite = List.copyOf(hermite);
        links = List.copyOf(links);
    }

    /** λ_min(G^(l)) at index l − 1, as a fresh copy. */
    @Override
    public double[] nngpLambdaMin() {
        return nngpLambdaMin.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmallestEigenvalueBounds b && layers == b.layers && size == b.size
                && Double.compare(lambdaMin, b.lambdaMin) == 0 && java.util.Arrays.equals(nngpLambdaMin, b.nngpLambdaMin)
                && Double.compare(schurBound, b.schurBound) == 0 && Double.compare(traceBound, b.traceBound) == 0
                && hermite.equals(b.hermite) && links.equals(b.links);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layers, size, lambdaMin, java.util.Arrays.hashCode(nngpLambdaMin), schurBound, traceBound,
                hermite, links);
    }

    @Override
    public String toString() {
        return "SmallestEigenvalueBounds[layers=" + layers + ", n=" + size + ", lambdaMin=" + lambdaMin + ", schur="
                + schurBound + ", trace=" + traceBound + ", holds=" + holds() + "]";
    }

    /** Whether every link holds within its slack. */
    public boolean holds() {
        for (BoundLink link : links) {
            if (!link.holds()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the recursion of MATH.md §6.2 on x and evaluates the bound chain.
     *
     * @param x n×d data, one non-zero point per row. Not modified, not retained.
     * @param layers L, ≥ 2
     * @param evenOrders the Hermite orders r to evaluate, each even and ≥ 2 (may be empty)
     * @throws IllegalArgumentException if x is empty, ragged, not finite or has a zero row, layers &lt; 2,
     *     or an order is odd or &lt; 2
     */
    public static SmallestEigenvalueBounds of(double[][] x, int layers, int... evenOrders) {
        Validate.finiteMatrix(x, "x");
        if (layers < 2) {
            throw new IllegalArgumentException("layers must be >= 2, got " + layers);
        }
        checkOrders(evenOrders);
        return of(DeepNtkRecursion.of(x, layers), evenOrders);
    }

    /**
     * Evaluates the bound chain on a recursion already computed (G^(1) = XXᵀ holds all the inner
     * products the chain needs).
     *
     * @param recursion the matrices of §6.2, with at least 2 layers
     * @param evenOrders the Hermite orders r to evaluate, each even and ≥ 2 (may be empty)
     * @throws IllegalArgumentException if the recursion has fewer than 2 layers, an input point is
     *     zero, or an order is odd or &lt; 2
     * @throws IllegalStateException if the OpenBLAS native library cannot be loaded
     */
    public static SmallestEigenvalueBounds of(DeepNtkRecursion recursion, int... evenOrders) {
        Objects.requireNonNull(recursion, "recursion");
        int layers = recursion.layers();
        if (layers < 2) {
            throw new IllegalArgumentException("recursion.layers() must be >= 2, got " + layers);
        }
        checkOrders(evenOrders);
        int n = recursion.size();
        // the copy of G^(1), one Hadamard power and the LAPACK copy of one of them
        Validate.denseFits(n, 3, "smallest-eigenvalue bound chain");
        double[] gram = recursion.nngp(1).toArray();
        double maxSq = 0;
        double minSq = Double.POSITIVE_INFINITY;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double s = gram[i * n + i];
            if (!(s > 0)) {
                throw new IllegalArgumentException("x[" + i + "] must be a non-zero vector, got squared norm " + s);
            }
            maxSq = Math.max(maxSq, s);
            minSq = Math.min(minSq, s);
            sumSq += s;
        }
        double eps = Math.ulp(1.0);
        double traceK = recursion.ntk().trace();
        double tolK = 16.0 * n * eps * traceK;

        double lambdaMin = smallest(recursion.ntk());
        double[] nngpMin = new double[layers];
        double schur = 0;
        for (int l = 1; l <= layers; l++) {
            nngpMin[l - 1] = smallest(recursion.nngp(l));
            schur += nngpMin[l - 1];
        }

        List<HermiteBound> hermite = new ArrayList<>();
        List<BoundLink> links = new ArrayList<>();
        for (int r : evenOrders) {
            HermiteBound h = hermiteBound(gram, n, r, maxSq, minSq);
            hermite.add(h);
            double unit = 2 * h.mu() * h.mu() * maxSq;
            double tolKr = unit * 16.0 * n * n * eps;
            links.add(new BoundLink("gershgorin(r=" + r + ")",
                    "2μ_r²(min‖x_i‖^{2r} − (n−1) max_{i≠j}|⟨x_i,x_j⟩|^r)/max‖x_i‖^{2(r−1)}"
                            + " ≤ 2μ_r² λ_min((XXᵀ)^{∘r})/max‖x_i‖^{2(r−1)}",
                    h.gershgorinBound(), h.bound(), tolKr));
            links.add(new BoundLink("hermite(r=" + r + ")",
                    "2μ_r² λ_min((XXᵀ)^{∘r})/max‖x_i‖^{2(r−1)} ≤ λ_min(G^(2))",
                    h.bound(), nngpMin[1], tolKr + tolK));
        }
        links.add(new BoundLink("nngp-sum", "λ_min(G^(2)) ≤ Σ_{l=1}^{L} λ_min(G^(l))",
                nngpMin[1], schur, layers * tolK));
        links.add(new BoundLink("schur", "Σ_{l=1}^{L} λ_min(G^(l)) ≤ λ_min(K^(L))",
                schur, lambdaMin, (layers + 1) * tolK));
        double traceBound = layers * sumSq / n;
        links.add(new BoundLink("trace", "λ_min(K^(L)) ≤ tr(K^(L))/n = (L/n) Σ_i ‖x_i‖²",
                lambdaMin, traceBound, tolK));
        return new SmallestEigenvalueBounds(layers, n, lambdaMin, nngpMin, schur, traceBound, hermite, links);
    }

    private static HermiteBound hermiteBound(double[] gram, int n, int r, double maxSq, double minSq) {
        double[] kr = new double[n * n];
        double maxOff = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = Math.pow(gram[i * n + j] / maxSq, r);
                kr[i * n + j] = v;
                kr[j * n + i] = v;
                if (i != j) {
                    maxOff = Math.max(maxOff, Math.abs(v));
                }
            }
        }
        double krMin = smallest(DenseKernelMatrix.wrapSymmetric(n, kr));
        double gersh = Math.pow(minSq / maxSq, r) - (n - 1) * maxOff;
        double mu = ReluHermite.relu(r);
        double unit = 2 * mu * mu * maxSq;
        return new HermiteBound(r, mu, krMin, gersh, unit * krMin, unit * gersh);
    }

    /** λ_min by LAPACK ({@link Spectra#eigenvalues}). */
    static double smallest(KernelMatrix k) {
        double[] ev = Spectra.eigenvalues(k);
        return ev[ev.length - 1];
    }

    private static void checkOrders(int[] evenOrders) {
        Objects.requireNonNull(evenOrders, "evenOrders");
        for (int i = 0; i < evenOrders.length; i++) {
            int r = evenOrders[i];
            if (r < 2 || r % 2 != 0) {
                throw new IllegalArgumentException("evenOrders[" + i + "] must be even and >= 2, got " + r);
            }
        }
    }
}
