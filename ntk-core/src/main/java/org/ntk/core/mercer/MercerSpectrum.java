package org.ntk.core.mercer;

import java.util.List;
import java.util.Objects;

/**
 * The Mercer spectrum of a kernel ‖x‖^p‖y‖^p h(x̂·ŷ) under x ~ N(0, I_d), degrees 0..K
 * (MATH.md §3.3). Immutable and thread-safe.
 *
 * @param kernelName the kernel's name
 * @param dimension the input dimension d ≥ 1
 * @param radialDegree p ∈ {0, 1}
 * @param trace E_x[k(x, x)] = d^p·h(1) = Σ_k N(d, k) λ_k (over all k)
 * @param degrees degrees 0..K in order (copied)
 */
public record MercerSpectrum(String kernelName, int dimension, int radialDegree, double trace,
        List<MercerDegree> degrees) {

    /** Copies the list and checks that it holds degrees 0..K in order. */
    public MercerSpectrum {
        Objects.requireNonNull(kernelName, "kernelName");
        degrees = List.copyOf(Objects.requireNonNull(degrees, "degrees"));
        for (int k = 0; k < degrees.size(); k++) {
            if (degrees.get(k).degree() != k) {
                throw new IllegalArgumentException("degrees[" + k + "] must have degree " + k + ", got "
                        + degrees.get(k).degree());
            }
        }
    }

    /** The largest degree listed, K. */
    public int maxDegree() {
        return degrees.size() - 1;
    }

    /** The entry of degree k. */
    public MercerDegree degree(int k) {
        if (k < 0 || k >= degrees.size()) {
            throw new IllegalArgumentException("k must be in [0, " + degrees.size() + "), got " + k);
        }
        return degrees.get(k);
    }

    /** λ_k. */
    public double eigenvalue(int k) {
        return degree(k).eigenvalue();
    }

    /** A fresh array of λ_0..λ_K (by degree, not sorted). */
    public double[] eigenvalues() {
        double[] e = new double[degrees.size()];
        for (int k = 0; k < e.length; k++) {
            e[k] = degrees.get(k).eigenvalue();
        }
        return e;
    }

    /**
     * Σ_{k ≤ K} N(d, k) λ_k / trace: the fraction of the trace held by the degrees listed (unresolved
     * degrees count 0). For the library's kernels it lies in [0, 1] up to the sum of the shares'
     * own error bounds (see {@link MercerDegree}); for an indefinite kernel it may lie outside.
     */
    public double capturedFraction() {
        double s = 0;
        for (MercerDegree g : degrees) {
            s += g.traceShare();
        }
        return s;
    }

    /** 1 − {@link #capturedFraction()}: the share of all higher degrees (and unresolved ones). */
    public double residualFraction() {
        return 1 - capturedFraction();
    }
}
