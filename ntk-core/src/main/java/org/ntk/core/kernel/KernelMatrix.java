package org.ntk.core.kernel;

/**
 * A symmetric positive-semidefinite matrix of size n, known either densely or as an operator.
 *
 * <p>Implementations are immutable and thread-safe. Dense implementations are exactly symmetric
 * ({@code get(i, j) == get(j, i)} bitwise). Matrix-free implementations compute entries on demand.
 */
public interface KernelMatrix {

    /** The number of rows (and columns), n ≥ 1. */
    int size();

    /**
     * Returns entry (i, j).
     *
     * @throws IndexOutOfBoundsException if i or j is outside [0, n)
     */
    double get(int i, int j);

    /** The trace Σ_i K_ii. */
    double trace();

    /**
     * Computes out = K v.
     *
     * @param v a vector of length n. Not modified.
     * @param out a vector of length n. Modified: overwritten with K v. Must not alias v.
     * @throws IllegalArgumentException if a length is not n or out is v
     */
    void multiply(double[] v, double[] out);

    /**
     * Returns a fresh row-major copy of the whole matrix (n² doubles).
     *
     * @throws IllegalArgumentException if n² exceeds the largest Java array
     */
    default double[] toArray() {
        int n = size();
        long len = (long) n * n;
        if (len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix of size " + n + " has " + len
                    + " entries, more than a Java array holds; use a matrix-free method such as Spectra.top");
        }
        double[] a = new double[(int) len];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = get(i, j);
            }
        }
        return a;
    }

    /** Whether every entry is stored (true) or computed on demand (false). */
    default boolean isDense() {
        return false;
    }
}
