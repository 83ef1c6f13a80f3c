package org.ntk.spectral.dynamics;

import java.util.Objects;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.validation.Validate;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.Spectra;

/**
 * All eigenpairs (Λ_i, u_i) of the sample operator K/n of an n×n kernel matrix K, and the
 * gradient-descent predictions they give (MATH.md §5 on a finite sample).
 *
 * <p><b>Why K/n.</b> With the loss L = (1/2n) Σ_i (f(x_i) − y_i)² and the output-layer model of
 * {@link OutputLayerDescent}, one step of gradient descent with step η maps the residual r = f − y on
 * the sample to (I − η K/n) r exactly, where K is the 1/m-normalised empirical NTK. K/n is the
 * empirical version of the integral operator of MATH.md §3.3, so its eigenvalues estimate the Mercer
 * eigenvalues λ_k and are comparable to them without rescaling. Hence, with c_i = u_i·r_0:
 * <pre>
 *   u_i·r_t = (1 − ηΛ_i)^t c_i                       (discrete steps, exact)
 *   u_i·r(τ) = exp(−Λ_i τ) c_i,   τ = η t             (gradient flow, the η → 0 limit)
 *   q·r_t = Σ_i (1 − ηΛ_i)^t (q·u_i) c_i              (any direction q)
 *   L_t = (1/2n) Σ_i (1 − ηΛ_i)^{2t} c_i²
 * </pre>
 *
 * <p>Conventions: eigenvalues non-increasing; eigenvectors of unit norm with canonical sign (largest
 * magnitude entry positive). Memory n² doubles. Immutable and thread-safe; arrays returned are fresh
 * copies.
 */
public final class SampleSpectrum {

    /** How far ‖u_i‖² may be from 1 in {@link #fromEigenpairs}. */
    private static final double UNIT_NORM_TOLERANCE = 1e-8;

    private final int n;
    private final double[] values;
    /** Eigenvector i at [i·n, (i+1)·n). */
    private final double[] vectors;

    private SampleSpectrum(int n, double[] values, double[] vectors) {
        this.n = n;
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes K ({@link Spectra#decompose}, LAPACK {@code dsyevd}) and divides its eigenvalues by n:
     * the spectrum of the sample operator K/n.
     *
     * <p>Cost O(n³) time (0.15–0.25 s at n = 1024 on two cores, ND4J-NOTES.md), O(n²) memory.
     *
     * @param kernel the n×n kernel matrix K (for example {@link OutputLayerDescent#kernel()}). Not
     *     modified.
     * @return the spectrum of K/n
     * @throws NullPointerException if kernel is null
     * @throws IllegalArgumentException as {@link Spectra#decompose} (non-finite, non-symmetric, too large)
     * @throws IllegalStateException if the OpenBLAS native library cannot be loaded
     */
    public static SampleSpectrum of(KernelMatrix kernel) {
        Objects.requireNonNull(kernel, "kernel");
        return of(Spectra.decompose(kernel));
    }

    /**
     * The spectrum of K/n from a full decomposition of K (n pairs): eigenvalues divided by n,
     * eigenvectors as they are.
     *
     * @param decomposition all eigenpairs of K
     * @return the spectrum of K/n
     * @throws NullPointerException if decomposition is null
     * @throws IllegalArgumentException if the decomposition is partial (count &lt; size), or a copy of
     *     its n×n eigenvectors does not fit in the heap
     */
    public static SampleSpectrum of(Decomposition decomposition) {
        Objects.requireNonNull(decomposition, "decomposition");
        int n = decomposition.size();
        if (decomposition.count() != n) {
            throw new IllegalArgumentException("decomposition must hold all " + n + " eigenpairs, got "
                    + decomposition.count());
        }
        Validate.denseFits(n, 1, "sample spectrum eigenvectors");
        double[] values = decomposition.eigenvalues();
        double[] vectors = new double[n * n];
        for (int i = 0; i < n; i++) {
            values[i] /= n;
            System.arraycopy(decomposition.eigenvector(i), 0, vectors, i * n, n);
        }
        return new SampleSpectrum(n, values, vectors);
    }

    /**
     * A spectrum from eigenpairs already computed by the caller.
     *
     * @param eigenvalues the n eigenvalues Λ_i of the sample operator K/n (not of K), non-increasing.
     *     Not modified.
     * @param eigenvectors n unit vectors of length n, row i the eigenvector of Λ_i; they must form an
     *     orthonormal basis (only unit norm is checked, within 1e-8). Not modified.
     * @return the spectrum, with eigenvector signs made canonical
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if the shapes disagree, a value is not finite, the eigenvalues
     *     increase somewhere, or a vector is not of unit norm
     */
    public static SampleSpectrum fromEigenpairs(double[] eigenvalues, double[][] eigenvectors) {
        Validate.finiteVector(eigenvalues, "eigenvalues");
        int n = eigenvalues.length;
        int cols = Validate.finiteMatrix(eigenvectors, "eigenvectors");
        if (eigenvectors.length != n || cols != n) {
            throw new IllegalArgumentException("eigenvectors must be " + n + "×" + n
                    + " (one per eigenvalue), got " + eigenvectors.length + "×" + cols);
        }
        for (int i = 1; i < n; i++) {
            if (!(eigenvalues[i] <= eigenvalues[i - 1])) {
                throw new IllegalArgumentException("eigenvalues must be non-increasing, got eigenvalues[" + i + "] = "
                        + eigenvalues[i] + " > eigenvalues[" + (i - 1) + "] = " + eigenvalues[i - 1]);
            }
        }
        Validate.denseFits(n, 1, "sample spectrum eigenvectors");
        double[] vectors = new double[n * n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (double v : eigenvectors[i]) {
                s += v * v;
            }
            if (!(Math.abs(s - 1) <= UNIT_NORM_TOLERANCE)) {
                throw new IllegalArgumentException("eigenvectors[" + i + "] must have unit norm, got squared norm " + s);
            }
            System.arraycopy(eigenvectors[i], 0, vectors, i * n, n);
        }
        canonicalSigns(n, vectors);
        return new SampleSpectrum(n, eigenvalues.clone(), vectors);
    }

    private static void canonicalSigns(int n, double[] vectors) {
        for (int i = 0; i < n; i++) {
            int off = i * n;
            int arg = 0;
            for (int j = 1; j < n; j++) {
                if (Math.abs(vectors[off + j]) > Math.abs(vectors[off + arg])) {
                    arg = j;
                }
            }
            if (vectors[off + arg] < 0) {
                for (int j = 0; j < n; j++) {
                    vectors[off + j] = -vectors[off + j];
                }
            }
        }
    }

    /** The sample size n. */
    public int size() {
        return n;
    }

    /** Returns a fresh copy of the eigenvalues Λ_0 ≥ Λ_1 ≥ … of K/n. */
    public double[] eigenvalues() {
        return values.clone();
    }

    /** Returns eigenvalue Λ_i of K/n. */
    public double eigenvalue(int i) {
        return values[Objects.checkIndex(i, n)];
    }

    /** Returns a fresh copy of the unit eigenvector u_i. */
    public double[] eigenvector(int i) {
        Objects.checkIndex(i, n);
        double[] u = new double[n];
        System.arraycopy(vectors, i * n, u, 0, n);
        return u;
    }

    /**
     * Returns the coefficients c_i = u_i·r of a vector in the eigenbasis. Cost O(n²).
     *
     * @param r a vector of length n. Not modified.
     * @throws IllegalArgumentException if r has the wrong length or is not finite
     */
    public double[] coefficients(double[] r) {
        checkVector(r, "r");
        return coefficientsTrusted(r);
    }

    private double[] coefficientsTrusted(double[] r) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int off = i * n;
            for (int j = 0; j < n; j++) {
                s += vectors[off + j] * r[j];
            }
            c[i] = s;
        }
        return c;
    }

    /**
     * Returns the predicted projections q_g·r_t of the residual on each direction at each recorded
     * step of discrete gradient descent: Σ_i (1 − ηΛ_i)^t (q_g·u_i)(u_i·r_0). Exact for the
     * output-layer model (an identity, not an approximation).
     *
     * <p>Cost O(k·n² + k·n·s) for k directions and s recorded steps.
     *
     * @param initialResidual r_0 = f_0 − y on the sample, length n. Not modified.
     * @param directions the directions q_g, of length n. Not modified.
     * @param schedule the step size η and the steps
     * @return k×s array: row g, column j is the projection on direction g at recorded step j
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a length is not n or r_0 is not finite
     */
    public double[][] predictedProjections(double[] initialResidual, SampleDirections directions,
            DescentSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        checkVector(initialResidual, "initialResidual");
        checkDirections(directions);
        return projections(initialResidual, directions, discreteFactors(schedule.recordedSteps(), schedule.learningRate()));
    }

    /**
     * Returns the gradient-flow prediction of the projections at flow times τ: Σ_i exp(−Λ_i τ)
     * (q_g·u_i)(u_i·r_0). Discrete descent with step η reaches flow time τ = η t after t steps and
     * differs from the flow by O(η Λ² τ) relative per eigencomponent.
     *
     * @param initialResidual r_0, length n. Not modified.
     * @param directions the directions q_g, of length n. Not modified.
     * @param times the flow times τ, each finite and ≥ 0. Not modified.
     * @return k×(times.length) array of projections
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a length is not n, or a value is not finite or a time negative
     */
    public double[][] flowProjections(double[] initialResidual, SampleDirections directions, double[] times) {
        checkVector(initialResidual, "initialResidual");
        checkDirections(directions);
        checkTimes(times);
        return projections(initialResidual, directions, flowFactors(times));
    }

    /** factors[j][i] = (1 − ηΛ_i)^{t_j}. */
    private double[][] discreteFactors(int[] steps, double eta) {
        double[][] f = new double[steps.length][n];
        for (int j = 0; j < steps.length; j++) {
            for (int i = 0; i < n; i++) {
                f[j][i] = Math.pow(1 - eta * values[i], steps[j]);
            }
        }
        return f;
    }

    /** factors[j][i] = exp(−Λ_i τ_j). */
    private double[][] flowFactors(double[] times) {
        double[][] f = new double[times.length][n];
        for (int j = 0; j < times.length; j++) {
            for (int i = 0; i < n; i++) {
                f[j][i] = Math.exp(-values[i] * times[j]);
            }
        }
        return f;
    }

    private double[][] projections(double[] r0, SampleDirections directions, double[][] factors) {
        double[] c = coefficientsTrusted(r0);
        int k = directions.count();
        double[][] out = new double[k][factors.length];
        double[] weights = new double[n];
        for (int g = 0; g < k; g++) {
            double[] b = coefficientsTrusted(directions.vector(g));
            for (int i = 0; i < n; i++) {
                weights[i] = b[i] * c[i];
            }
            for (int j = 0; j < factors.length; j++) {
                double sum = 0;
                double[] f = factors[j];
                for (int i = 0; i < n; i++) {
                    sum += f[i] * weights[i];
                }
                out[g][j] = sum;
            }
        }
        return out;
    }

    private void checkDirections(SampleDirections directions) {
        Objects.requireNonNull(directions, "directions");
        if (directions.length() != n) {
            throw new IllegalArgumentException("directions have length " + directions.length() + ", expected " + n);
        }
    }

    /**
     * Returns the predicted loss L_t = (1/2n) Σ_i (1 − ηΛ_i)^{2t} (u_i·r_0)² at each recorded step of
     * discrete gradient descent (exact for the output-layer model). Cost O(n² + n·s).
     *
     * @param initialResidual r_0, length n. Not modified.
     * @param schedule the step size η and the steps
     * @return the predicted losses, one per recorded step
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if r_0 has the wrong length or is not finite
     */
    public double[] predictedLosses(double[] initialResidual, DescentSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        checkVector(initialResidual, "initialResidual");
        return losses(initialResidual, discreteFactors(schedule.recordedSteps(), schedule.learningRate()));
    }

    /**
     * Returns the gradient-flow prediction of the loss at flow times τ: (1/2n) Σ_i exp(−2Λ_i τ)
     * (u_i·r_0)². Cost O(n² + n·s).
     *
     * @param initialResidual r_0, length n. Not modified.
     * @param times the flow times τ = η t, each finite and ≥ 0. Not modified.
     * @return the predicted losses
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if r_0 has the wrong length or a value is not finite, or a time is
     *     negative
     */
    public double[] flowLosses(double[] initialResidual, double[] times) {
        checkVector(initialResidual, "initialResidual");
        checkTimes(times);
        return losses(initialResidual, flowFactors(times));
    }

    private double[] losses(double[] r0, double[][] factors) {
        double[] c = coefficientsTrusted(r0);
        double[] out = new double[factors.length];
        for (int j = 0; j < factors.length; j++) {
            double sum = 0;
            double[] f = factors[j];
            for (int i = 0; i < n; i++) {
                double a = f[i] * c[i];
                sum += a * a;
            }
            out[j] = sum / (2.0 * n);
        }
        return out;
    }

    /**
     * Returns the overlap Σ_{i ∈ [from, to)} (q·u_i)² of a direction with a range of eigenvectors (a
     * cluster): the squared norm of its projection on that eigenspace. Cost O((to − from)·n).
     *
     * @param direction q, length n. Not modified.
     * @param from first eigen-index of the cluster, 0 ≤ from &lt; to
     * @param to one past the last, ≤ n
     * @throws NullPointerException if direction is null
     * @throws IllegalArgumentException if the range is empty or outside [0, n), or q has the wrong length
     *     or is not finite
     */
    public double overlap(double[] direction, int from, int to) {
        return clusterSums(direction, from, to)[0];
    }

    /**
     * Returns the eigenvalue matched to a direction within a cluster: the overlap-weighted mean
     * Σ_{i ∈ [from, to)} (q·u_i)² Λ_i / Σ_{i ∈ [from, to)} (q·u_i)². When q lies in the cluster's
     * eigenspace this is the initial decay rate of q·r under gradient flow; the weights exclude the
     * leakage of q into other clusters, whose components decay at their own rates. Cost
     * O((to − from)·n).
     *
     * @param direction q, length n. Not modified.
     * @param from first eigen-index of the cluster, 0 ≤ from &lt; to
     * @param to one past the last, ≤ n
     * @throws NullPointerException if direction is null
     * @throws IllegalArgumentException as {@link #overlap}, or if q is orthogonal to the cluster
     */
    public double matchedEigenvalue(double[] direction, int from, int to) {
        double[] s = clusterSums(direction, from, to);
        if (!(s[0] > 0)) {
            throw new IllegalArgumentException("direction must overlap the cluster [" + from + ", " + to
                    + "), got overlap " + s[0]);
        }
        return s[1] / s[0];
    }

    private double[] clusterSums(double[] q, int from, int to) {
        checkVector(q, "direction");
        if (from < 0 || to > n || from >= to) {
            throw new IllegalArgumentException("cluster range [from, to) must satisfy 0 <= from < to <= " + n
                    + ", got [" + from + ", " + to + ")");
        }
        double w = 0;
        double wl = 0;
        for (int i = from; i < to; i++) {
            double s = 0;
            int off = i * n;
            for (int j = 0; j < n; j++) {
                s += vectors[off + j] * q[j];
            }
            w += s * s;
            wl += s * s * values[i];
        }
        return new double[] {w, wl};
    }

    private void checkVector(double[] r, String name) {
        Validate.finiteVector(r, name);
        if (r.length != n) {
            throw new IllegalArgumentException(name + " has length " + r.length + ", expected " + n);
        }
    }

    private static void checkTimes(double[] times) {
        Objects.requireNonNull(times, "times");
        for (int j = 0; j < times.length; j++) {
            if (!(times[j] >= 0) || times[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("times[" + j + "] must be finite and >= 0, got " + times[j]);
            }
        }
    }
}
