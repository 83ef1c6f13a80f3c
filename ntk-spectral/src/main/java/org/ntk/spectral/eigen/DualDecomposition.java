package org.ntk.spectral.eigen;

import org.ntk.spectral.Decomposition;

/**
 * The matched eigenpairs of the two Gram matrices of one feature matrix Φ (n samples × m features):
 * the sample side ΦΦᵀ/n (n×n, the empirical NTK of the output layer) and the feature side ΦᵀΦ/n
 * (m×m, the empirical FIM), with the same non-zero eigenvalues (MATH.md §2.2).
 *
 * <p>Pair i of {@link #ntk()} and pair i of {@link #fim()} share eigenvalue λ_i and are linked by
 * u_i = Φᵀ v_i / √(n λ_i), v_i = Φ u_i / √(n λ_i) (up to the canonical sign each side takes).
 * {@link #spectrum()} lists every eigenvalue of the smaller Gram matrix, including those below the
 * threshold that were not mapped, so nothing is dropped silently. Immutable and thread-safe.
 */
public final class DualDecomposition {

    private final Decomposition ntk;
    private final Decomposition fim;
    private final double[] spectrum;
    private final double relativeThreshold;

    DualDecomposition(Decomposition ntk, Decomposition fim, double[] spectrum, double relativeThreshold) {
        this.ntk = ntk;
        this.fim = fim;
        this.spectrum = spectrum;
        this.relativeThreshold = relativeThreshold;
    }

    /** The kept eigenpairs of ΦΦᵀ/n (size n); count() = {@link #rank()}. */
    public Decomposition ntk() {
        return ntk;
    }

    /** The kept eigenpairs of ΦᵀΦ/n (size m); count() = {@link #rank()}. */
    public Decomposition fim() {
        return fim;
    }

    /** The number of kept pairs: eigenvalues λ_i &gt; relativeThreshold · λ_0 (and &gt; 0). */
    public int rank() {
        return ntk.count();
    }

    /** All min(n, m) eigenvalues of the smaller Gram matrix, non-increasing, as computed; a fresh copy. */
    public double[] spectrum() {
        return spectrum.clone();
    }

    /** The threshold the pairs were kept by. */
    public double relativeThreshold() {
        return relativeThreshold;
    }

    @Override
    public String toString() {
        return "DualDecomposition[n=" + ntk.size() + ", m=" + fim.size() + ", rank=" + rank() + ", relativeThreshold="
                + relativeThreshold + "]";
    }
}
