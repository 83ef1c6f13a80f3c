package org.ntk.core.kernel;

import java.util.Objects;

import org.ntk.core.validation.Validate;

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
     * Computes OUT = K V for a block of k vectors; V and OUT are n×k, stored row-major
     * (entry (i, c) at index i·k + c). Matrix-free implementations override this so that each kernel
     * entry is computed once per block rather than once per vector (block Lanczos, Hutch++).
     *
     * @param v n·k values. Not modified.
     * @param out n·k values. Modified: overwritten with K V. Must not alias v.
     * @param k the number of columns, ≥ 1
     * @throws IllegalArgumentException if k &lt; 1, a length is not n·k, or out is v
     * @throws NullPointerException if v or out is null
     */
    default void multiply(double[] v, double[] out, int k) {
        int n = size();
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(out, "out");
        if (v.length != (long) n * k || out.length != (long) n * k) {
            throw new IllegalArgumentException("v and out must have length n·k = " + ((long) n * k)
                    + ", got " + v.length + " and " + out.length);
        }
        if (v == out) {
            throw new IllegalArgumentException("out must not alias v, got the same array");
        }
        double[] col = new double[n];
        double[] res = new double[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                col[i] = v[i * k + c];
            }
            multiply(col, res);
            for (int i = 0; i < n; i++) {
                out[i * k + c] = res[i];
            }
        }
    }

    /**
     * Returns a fresh row-major copy of the whole matrix (n² doubles).
     *
     * @throws IllegalArgumentException if n² exceeds the largest Java array or does not fit in the heap
     *     ({@link Validate#denseFits}: the message says how much is needed and suggests a matrix-free
     *     method such as Spectra.top)
     */
    default double[] toArray() {
        int n = size();
        Validate.denseFits(n, 1, "dense copy of the matrix");
        double[] a = new double[n * n];
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
