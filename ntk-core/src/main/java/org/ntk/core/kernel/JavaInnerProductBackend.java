package org.ntk.core.kernel;

import java.util.Objects;
import java.util.function.IntConsumer;

import org.ntk.core.validation.Validate;

/**
 * The pure-Java {@link InnerProductBackend}: {@link InnerProductTiles} over a fixed partition of
 * row-tiles, run by {@link ParallelTiles}. Results are bitwise identical for every thread count and
 * equal to naive sequential dot products.
 */
final class JavaInnerProductBackend implements InnerProductBackend {

    static final JavaInnerProductBackend INSTANCE = new JavaInnerProductBackend();

    private JavaInnerProductBackend() {
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public boolean prefers(int rows, int cols, int d) {
        return true;
    }

    @Override
    public void gramUpper(double[] x, int n, int d, double[] out, int threads) {
        checkShape(x, n, d, "x", "n");
        Objects.requireNonNull(out, "out");
        if (out.length < (long) n * n) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected at least n² = " + ((long) n * n));
        }
        Validate.positive(threads, "threads");
        double[] a = InnerProductTiles.padded(x, n, d);
        final int tiles = (n + InnerProductTiles.TILE - 1) / InnerProductTiles.TILE;
        final int np = InnerProductTiles.paddedRows(n);
        ParallelTiles.run(tiles, threads, () -> {
            double[] c = new double[InnerProductTiles.TILE * InnerProductTiles.TILE];
            InnerProductTiles.Scratch scratch = new InnerProductTiles.Scratch();
            return (IntConsumer) ti -> {
                int i0 = ti * InnerProductTiles.TILE;
                int i1 = Math.min(i0 + InnerProductTiles.TILE, np);
                for (int tj = ti; tj < tiles; tj++) {
                    int j0 = tj * InnerProductTiles.TILE;
                    int j1 = Math.min(j0 + InnerProductTiles.TILE, np);
                    InnerProductTiles.tile(a, i0, i1, a, j0, j1, d, ti == tj, c, scratch);
                    int ie = Math.min(i1, n);
                    int je = Math.min(j1, n);
                    for (int i = i0; i < ie; i++) {
                        int js = Math.max(j0, i);
                        if (js < je) {
                            System.arraycopy(c, (i - i0) * InnerProductTiles.TILE + (js - j0), out, i * n + js, je - js);
                        }
                    }
                }
            };
        });
    }

    @Override
    public void cross(double[] x, int nx, double[] y, int ny, int d, double[] out, int threads) {
        checkShape(x, nx, d, "x", "nx");
        checkShape(y, ny, d, "y", "ny");
        Objects.requireNonNull(out, "out");
        if (out.length < (long) nx * ny) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected at least nx·ny = " + ((long) nx * ny));
        }
        Validate.positive(threads, "threads");
        double[] a = InnerProductTiles.padded(x, nx, d);
        double[] b = InnerProductTiles.padded(y, ny, d);
        final int tilesX = (nx + InnerProductTiles.TILE - 1) / InnerProductTiles.TILE;
        final int tilesY = (ny + InnerProductTiles.TILE - 1) / InnerProductTiles.TILE;
        final int npx = InnerProductTiles.paddedRows(nx);
        final int npy = InnerProductTiles.paddedRows(ny);
        ParallelTiles.run(tilesX, threads, () -> {
            double[] c = new double[InnerProductTiles.TILE * InnerProductTiles.TILE];
            InnerProductTiles.Scratch scratch = new InnerProductTiles.Scratch();
            return (IntConsumer) ti -> {
                int i0 = ti * InnerProductTiles.TILE;
                int i1 = Math.min(i0 + InnerProductTiles.TILE, npx);
                int ie = Math.min(i1, nx);
                for (int tj = 0; tj < tilesY; tj++) {
                    int j0 = tj * InnerProductTiles.TILE;
                    int j1 = Math.min(j0 + InnerProductTiles.TILE, npy);
                    int je = Math.min(j1, ny);
                    InnerProductTiles.tile(a, i0, i1, b, j0, j1, d, false, c, scratch);
                    for (int i = i0; i < ie; i++) {
                        System.arraycopy(c, (i - i0) * InnerProductTiles.TILE, out, i * ny + j0, je - j0);
                    }
                }
            };
        });
    }

    private static void checkShape(double[] x, int n, int d, String name, String countName) {
        Objects.requireNonNull(x, name);
        Validate.positive(n, countName);
        Validate.positive(d, "d");
        if (x.length < (long) n * d) {
            throw new IllegalArgumentException(name + " has length " + x.length + ", expected at least "
                    + countName + "·d = " + ((long) n * d));
        }
    }

    @Override
    public String toString() {
        return "InnerProductBackend[java]";
    }
}
