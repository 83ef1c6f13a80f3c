package org.ntk.core.validation;

import java.util.Objects;

/**
 * Argument checks for the public boundary of the library. Every failure is an
 * {@link IllegalArgumentException} whose message reads {@code <argument> <rule>, got <value>}
 * (STYLE.md, "Errors"); {@code null} gives a {@link NullPointerException} naming the argument.
 * Comparisons are written so that NaN fails them.
 *
 * <p>Each check costs O(size of its input) and allocates nothing. The memory guards
 * ({@link #denseFits}, {@link #heapFits}) compare a request with the heap that can still be allocated
 * and ask the garbage collector once before they fail; {@link #finiteResult} guards results computed
 * from finite input against overflow. The error policy as a whole is described in
 * docs/design-notes.md, "Error policy".
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
     * Requires that an n×n matrix of doubles fits in the heap, {@code copies} times; the memory guard
     * of every dense n×n allocation of the library. Fails fast, before anything large is allocated,
     * with a message that says how much is needed and how much is available and points to the
     * matrix-free path.
     *
     * @param n the matrix size
     * @param copies how many n×n double arrays the operation holds at once, ≥ 1
     * @param what what is being allocated, for the message
     * @throws IllegalArgumentException if n² exceeds a Java array (n &gt; 46340) or the bytes needed
     *     exceed the heap that can still be allocated (see {@link #heapFits})
     */
    public static void denseFits(long n, long copies, String what) {
        if (n > MAX_DENSE_SIZE) {
            throw new IllegalArgumentException(what + " of size " + n + "×" + n + " has " + saturatingProduct(n, n)
                    + " entries, more than a Java array holds (" + MAX_DENSE_SIZE + "² max); use the matrix-free"
                    + " path (Spectra.top / --top K)");
        }
        heapFits(saturatingProduct(saturatingProduct(n, n), Math.max(1, copies)), what + " of size " + n + "×" + n
                + (copies > 1 ? " (" + copies + " copies)" : ""),
                "raise -Xmx or use the matrix-free path (Spectra.top / --top K)");
    }

    /** The largest n for which an n×n matrix fits in one Java array: ⌊√(2³¹ − 9)⌋. */
    public static final int MAX_DENSE_SIZE = 46_340;

    /**
     * Requires that {@code doubles} double values fit in the heap that can still be allocated. If they
     * seem not to, the garbage collector is asked to run once and the heap is measured again, so that
     * garbage of earlier computations does not cause a false alarm.
     *
     * @param doubles how many doubles the operation allocates (in one or several arrays), ≥ 0
     * @param what what is being allocated, for the message (e.g. "gram matrix of size 40000×40000")
     * @param remedy what the caller can do, for the message (e.g. "raise -Xmx or use Spectra.top")
     * @throws IllegalArgumentException {@code <what> needs N MiB but only M MiB of heap is available;
     *     <remedy>}
     */
    public static void heapFits(long doubles, String what, String remedy) {
        long need = saturatingProduct(Math.max(0, doubles), Double.BYTES);
        if (need <= available()) {
            return;
        }
        System.gc();
        long available = available();
        if (need > available) {
            throw new IllegalArgumentException(what + " needs " + mib(need) + " MiB but only " + mib(available)
                    + " MiB of heap is available; " + remedy);
        }
    }

    /**
     * Requires that a result computed from finite input is finite; the guard against overflow (and the
     * NaN that follows it) in products of large values.
     *
     * @param value the computed value
     * @param argument the input whose magnitude caused it, for the message
     * @param what what was computed, for the message (e.g. "f(x[3])")
     * @throws IllegalArgumentException {@code <argument> too large: <what> overflows the double range,
     *     got <value>; rescale <argument>}
     */
    public static double finiteResult(double value, String argument, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(argument + " too large: " + what
                    + " overflows the double range, got " + value + "; rescale " + argument);
        }
        return value;
    }

    /** Applies {@link #finiteResult(double, String, String)} to every entry; names the first bad index. */
    public static double[] finiteResult(double[] values, String argument, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                finiteResult(values[i], argument, what + "[" + i + "]");
            }
        }
        return values;
    }

    private static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    private static long saturatingProduct(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return Long.MAX_VALUE;
    }

    private static long mib(long bytes) {
        return bytes >= Long.MAX_VALUE - (1L << 20) ? Long.MAX_VALUE >> 20 : (bytes + (1L << 20) - 1) >> 20;
    }
}
