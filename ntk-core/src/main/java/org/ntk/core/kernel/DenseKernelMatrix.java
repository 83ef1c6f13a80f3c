package org.ntk.core.kernel;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;

import org.ntk.core.validation.Validate;

/**
 * An immutable dense symmetric matrix stored row-major in one {@code double[]} of n² entries.
 *
 * <p>Exactly symmetric: the factories either fill one triangle and mirror it, or check symmetry of
 * what they are given. {@link #multiply} costs O(n²); {@link #trace} is O(1) (precomputed).
 * Thread-safe.
 */
public final class DenseKernelMatrix implements KernelMatrix {

    /** Rows of OUT per task of the block multiply. */
    private static final int ROW_BLOCK = 32;
    /** Rows of V per sweep of the block multiply (256 rows of k = 64: 128 KiB, in L2). */
    private static final int COLUMN_BLOCK = 256;

    private final int n;
    private final double[] a;
    private final double trace;

    private DenseKernelMatrix(int n, double[] a) {
        this.n = n;
        this.a = a;
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += a[i * n + i];
        }
        this.trace = t;
    }

    /**
     * Wraps a row-major array that the caller has just filled (one triangle mirrored) and will never
     * touch again. For use by this library's assembly code; no copy, no check.
     *
     * @param n the size, ≥ 1
     * @param rowMajor n² entries, exactly symmetric. Retained.
     * @throws IllegalArgumentException if n &lt; 1 or the length is not n²
     * @throws NullPointerException if rowMajor is null
     */
    public static DenseKernelMatrix wrapSymmetric(int n, double[] rowMajor) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        Validate.positive(n, "n");
        if (rowMajor.length != (long) n * n) {
            throw new IllegalArgumentException("rowMajor has length " + rowMajor.length + ", expected " + ((long) n * n));
        }
        return new DenseKernelMatrix(n, rowMajor);
    }

    /**
     * Copies a square matrix, requiring finite entries and symmetry within an absolute tolerance
     * {@code tol · max|a_ij|}; the copy is symmetrised exactly by averaging (a_ij + a_ji)/2.
     *
     * @param rows an n×n array. Not modified.
     * @param tol relative symmetry tolerance, ≥ 0 (0 requires exact symmetry)
     * @throws IllegalArgumentException if not square, not finite, or not symmetric within tol
     */
    public static DenseKernelMatrix of(double[][] rows, double tol) {
        int cols = Validate.finiteMatrix(rows, "matrix");
        int n = rows.length;
        if (cols != n) {
            throw new IllegalArgumentException("matrix must be square, got " + n + "×" + cols);
        }
        Validate.nonNegative(tol, "tol");
        Validate.denseFits(n, 1, "matrix");
        double max = 0;
        for (double[] r : rows) {
            for (double v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double bound = tol * max;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = rows[i][i];
            for (int j = 0; j < i; j++) {
                double x = rows[i][j];
                double y = rows[j][i];
                if (!(Math.abs(x - y) <= bound)) {
                    throw new IllegalArgumentException("matrix must be symmetric within " + tol
                            + "·max|a_ij| = " + bound + ", got |a[" + i + "][" + j + "] − a[" + j + "][" + i + "]| = "
                            + Math.abs(x - y));
                }
                double s = 0.5 * (x + y);
                a[i * n + j] = s;
                a[j * n + i] = s;
            }
        }
        return new DenseKernelMatrix(n, a);
    }

    /** Copies an exactly symmetric square matrix ({@code of(rows, 0)}). */
    public static DenseKernelMatrix of(double[][] rows) {
        return of(rows, 0.0);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double get(int i, int j) {
        Objects.checkIndex(i, n);
        Objects.checkIndex(j, n);
        return a[i * n + j];
    }

    @Override
    public double trace() {
        return trace;
    }

    @Override
    public void multiply(double[] v, double[] out) {
        Validate.length(v, n, "v");
        Validate.length(out, n, "out");
        if (v == out) {
            throw new IllegalArgumentException("out must not alias v, got the same array");
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            int off = i * n;
            for (int j = 0; j < n; j++) {
                s += a[off + j] * v[j];
            }
            out[i] = s;
        }
    }

    /**
     * Computes OUT = K V for n×k row-major blocks with all available processors: equivalent to
     * {@code multiply(v, out, k, Runtime.getRuntime().availableProcessors())}.
     */
    @Override
    public void multiply(double[] v, double[] out, int k) {
        multiply(v, out, k, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Computes OUT = K V for n×k row-major blocks: out_i = Σ_j K_ij v_j for every row i, the sum over
     * j in index order, so the result is bitwise that of the plain triple loop and does not depend on
     * {@code threads}.
     *
     * <p>Layout: blocks of {@value #ROW_BLOCK} rows of OUT (one task each, on {@code threads} plain
     * threads) sweep V in blocks of {@value #COLUMN_BLOCK} rows, which stay in cache for the whole row
     * block; V's rows and the accumulated rows of OUT are copied into separate arrays, so the loop over
     * the k columns reads and writes with one index and the JIT vectorises it (offsets into one array
     * keep it scalar). Cost O(n²k) time; O(nk) scratch.
     *
     * @param v n·k values, row-major (row j is v_j). Not modified.
     * @param out n·k values. Modified.
     * @param k the number of columns, ≥ 1
     * @param threads the number of threads, ≥ 1
     * @throws IllegalArgumentException if k or threads &lt; 1, a length is not n·k, or out is v
     */
    public void multiply(double[] v, double[] out, int k, int threads) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Validate.positive(threads, "threads");
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(out, "out");
        if (v.length != (long) n * k || out.length != (long) n * k) {
            throw new IllegalArgumentException("v and out must have length n·k = " + ((long) n * k)
                    + ", got " + v.length + " and " + out.length);
        }
        if (v == out) {
            throw new IllegalArgumentException("out must not alias v, got the same array");
        }
        if (k == 1) {
            multiply(v, out);
            return;
        }
        final double[][] vRows = new double[n][];
        for (int j = 0; j < n; j++) {
            vRows[j] = Arrays.copyOfRange(v, j * k, (j + 1) * k);
        }
        ParallelTiles.run((n + ROW_BLOCK - 1) / ROW_BLOCK, threads, () -> {
            double[][] acc = new double[ROW_BLOCK][k];
            return (IntConsumer) t -> {
                int i0 = t * ROW_BLOCK;
                int ie = Math.min(i0 + ROW_BLOCK, n);
                for (int i = i0; i < ie; i++) {
                    Arrays.fill(acc[i - i0], 0.0);
                }
                for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
                    int je = Math.min(j0 + COLUMN_BLOCK, n);
                    for (int i = i0; i < ie; i++) {
                        double[] r = acc[i - i0];
                        int off = i * n;
                        for (int j = j0; j < je; j++) {
                            double aij = a[off + j];
                            double[] vj = vRows[j];
                            for (int c = 0; c < k; c++) {
                                r[c] += aij * vj[c];
                            }
                        }
                    }
                }
                for (int i = i0; i < ie; i++) {
                    System.arraycopy(acc[i - i0], 0, out, i * k, k);
                }
            };
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a second n×n array does not fit in the heap
     */
    @Override
    public double[] toArray() {
        Validate.denseFits(n, 1, "copy of the matrix");
        return a.clone();
    }

    /** Returns a fresh copy of row i. */
    public double[] row(int i) {
        Objects.checkIndex(i, n);
        return Arrays.copyOfRange(a, i * n, (i + 1) * n);
    }

    /**
     * Returns a fresh n×n copy.
     *
     * @throws IllegalArgumentException if a second n×n array does not fit in the heap
     */
    public double[][] toRows() {
        Validate.denseFits(n, 1, "copy of the matrix");
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) {
            r[i] = Arrays.copyOfRange(a, i * n, (i + 1) * n);
        }
        return r;
    }

    @Override
    public boolean isDense() {
        return true;
    }
}
