package org.ntk.core.validation;

import java.util.Objects;

/**
 * Argument checks for the public boundary of the library. Every failure is an
 * {@link IllegalArgumentException} whose message reads {@code <argument> <rule>, got <value>}
 * (STYLE.md, "Errors"); {@code null} gives a {@link NullPointerException} naming the argument.
 * Comparisons are written so that NaN fails them.
 *
 * <p>Each check costs O(size of its input) and allocates nothing.
 */
public final class Validate {

    private Validate() {
    }

    /** Requires {@code value >= 1}. */
    public static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return value;
    }

    /** Requires {@code value >= 0}. */
    public static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double positive(double value, String name) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** Requires a finite {@code value >= 0}. */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** Requires a finite value. */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** Requires a non-null vector of finite entries, of length at least 1. */
    public static double[] finiteVector(double[] v, String name) {
        Objects.requireNonNull(v, name);
        if (v.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty, got length 0");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + v[i]);
            }
        }
        return v;
    }

    /** Requires a vector of the given length (entries not checked). */
    public static double[] length(double[] v, int expected, String name) {
        Objects.requireNonNull(v, name);
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + expected);
        }
        return v;
    }

    /**
     * Requires a non-empty rectangular matrix (rows of equal, non-zero length) of finite entries.
     *
     * @return the number of columns
     */
    public static int finiteMatrix(double[][] a, String name) {
        Objects.requireNonNull(a, name);
        if (a.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row, got 0 rows");
        }
        Objects.requireNonNull(a[0], name + "[0]");
        int cols = a[0].length;
        if (cols == 0) {
            throw new IllegalArgumentException(name + "[0] must have at least one column, got 0");
        }
        for (int i = 0; i < a.length; i++) {
            double[] row = Objects.requireNonNull(a[i], name + "[" + i + "]");
            if (row.length != cols) {
                throw new IllegalArgumentException(name + "[" + i + "] has dimension " + row.length
                        + ", expected " + cols);
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite, got " + row[j]);
                }
            }
        }
        return cols;
    }

    /** Requires two point sets to have the same dimension; both must already be valid matrices. */
    public static void sameDimension(int dx, int dy, String nameX, String nameY) {
        if (dx != dy) {
            throw new IllegalArgumentException(nameY + " has dimension " + dy + ", expected " + dx
                    + " (the dimension of " + nameX + ")");
        }
    }

    /** Requires {@code 0 <= index < size}. */
    public static int index(int index, int size, String name) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(name + " must be in [0, " + size + "), got " + index);
        }
        return index;
    }

    /**
     * Requires that an n×n matrix of doubles fits in the heap, with headroom for one more copy; the
     * memory guard of every dense allocation (issue: reliability).
     *
     * @param n the matrix size
     * @param copies how many n×n double arrays the operation holds at once
     * @param what what is being allocated, for the message
     * @throws IllegalArgumentException if n² exceeds a Java array or the estimated bytes exceed the
     *     heap that can still be allocated
     */
    public static void denseFits(long n, int copies, String what) {
        long entries = n * n;
        if (n > 46_340) {
            throw new IllegalArgumentException(what + " of size " + n + "×" + n + " has " + entries
                    + " entries, more than a Java array holds (46340² max); use the matrix-free path"
                    + " (Spectra.top / --top K)");
        }
        long need = entries * 8L * copies;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > available) {
            throw new IllegalArgumentException(what + " of size " + n + "×" + n + " needs "
                    + mib(need) + " MiB but only " + mib(available) + " MiB of heap is available;"
                    + " raise -Xmx or use the matrix-free path (Spectra.top / --top K)");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1L << 20) - 1) >> 20;
    }
}
