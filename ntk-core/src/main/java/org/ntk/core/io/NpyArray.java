package org.ntk.core.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A non-empty 1-D or 2-D array of doubles read from a {@code .npy} file, held in C (row-major) order
 * whatever the file's order and dtype.
 *
 * <p>Immutable and thread-safe: every accessor that returns an array returns a fresh copy. Values
 * are the file's values converted to double (exact for {@code f4}, {@code f8} and 32-bit integers;
 * 64-bit integers beyond 2^53 are rounded to the nearest double). Non-finite values are kept as they
 * are: whether NaN or ∞ is acceptable is the caller's decision.
 */
public final class NpyArray {

    private final String source;
    private final String dtype;
    private final boolean fortranOrder;
    private final int[] shape;
    private final double[] data;

    /** Retains {@code shape} and {@code data}; for {@link Npy}'s reader only. */
    NpyArray(String source, String dtype, boolean fortranOrder, int[] shape, double[] data) {
        this.source = source;
        this.dtype = dtype;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.data = data;
    }

    /** Where the array was read from (the path as given), used in error messages. */
    public String source() {
        return source;
    }

    /** The file's dtype descriptor, e.g. {@code <f8} or {@code >i4}. */
    public String dtype() {
        return dtype;
    }

    /** Whether the file stored the array in Fortran (column-major) order; the data here are always C order. */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** The number of dimensions: 1 or 2. */
    public int rank() {
        return shape.length;
    }

    /** A fresh copy of the shape (length 1 or 2, every entry ≥ 1). */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements, ≥ 1. */
    public int size() {
        return data.length;
    }

    /**
     * The number of rows of a 2-D array.
     *
     * @throws IllegalArgumentException if the array is 1-D; the message names the source and shape
     */
    public int rows() {
        requireRank(2);
        return shape[0];
    }

    /**
     * The number of columns of a 2-D array.
     *
     * @throws IllegalArgumentException if the array is 1-D; the message names the source and shape
     */
    public int cols() {
        requireRank(2);
        return shape[1];
    }

    /** A fresh copy of all elements in C (row-major) order. */
    public double[] data() {
        return data.clone();
    }

    /**
     * A fresh rows×cols copy of a 2-D array.
     *
     * @throws IllegalArgumentException if the array is 1-D; the message names the source and shape
     */
    public double[][] matrix() {
        requireRank(2);
        int r = shape[0];
        int c = shape[1];
        double[][] m = new double[r][];
        for (int i = 0; i < r; i++) {
            m[i] = Arrays.copyOfRange(data, i * c, (i + 1) * c);
        }
        return m;
    }

    /**
     * A fresh copy of a 1-D array.
     *
     * @throws IllegalArgumentException if the array is 2-D; the message names the source and shape
     */
    public double[] vector() {
        requireRank(1);
        return data.clone();
    }

    private void requireRank(int rank) {
        if (shape.length != rank) {
            throw new IllegalArgumentException(source + ": array must be " + rank + "-D, got shape "
                    + Npy.shapeString(shape));
        }
    }

    /** Equal when shape and elements (bitwise, as {@link Arrays#equals(double[], double[])}) agree. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NpyArray)) {
            return false;
        }
        NpyArray other = (NpyArray) o;
        return Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NpyArray[" + source + ", " + dtype + (fortranOrder ? ", Fortran order" : "")
                + ", shape " + Npy.shapeString(shape) + "]";
    }
}
