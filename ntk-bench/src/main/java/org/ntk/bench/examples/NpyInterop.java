package org.ntk.bench.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ntk.bench.cli.NtkCli;
import org.ntk.core.io.Npy;
import org.ntk.core.io.NpyArray;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.sampling.Gaussians;

/**
 * {@code .npy} files in and out: write points as X.npy (what NumPy's {@code np.save('X.npy', X)} writes),
 * run {@code ntk gram} on them in-process, read K.npy back and compare it with the library's Gram matrix.
 */
public final class NpyInterop {

    /** What happened: the CLI's exit code and stdout, the shape and dtype read back, the largest difference. */
    public record Result(int exitCode, String stdout, int rows, int cols, String dtype, double maxDifference) {
    }

    private NpyInterop() {
    }

    /** Runs the round trip in {@code dir} with 200 points in d = 3. */
    public static Result run(Path dir) {
        double[][] x = Gaussians.standardNormal(200, 3, 1);
        Path points = dir.resolve("X.npy");
        Path gram = dir.resolve("K.npy");
        Npy.write(points, x);                                  // <f8, C order, version 1.0: numpy.save's bytes
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = NtkCli.run(new String[] {"gram", "--kernel", "arccos1", "--points", points.toString(),
            "--out", gram.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));   // = java -jar ntk.jar gram ...
        NpyArray k = Npy.read(gram);                           // <f8 / <f4 / >f8 / <i8 / <i4, C or Fortran
        KernelMatrix expected = Kernels.arcCosine(1).gram(x);
        double max = 0;
        double[][] km = k.matrix();
        for (int i = 0; i < km.length; i++) {
            for (int j = 0; j < km[i].length; j++) {
                max = Math.max(max, Math.abs(km[i][j] - expected.get(i, j)));
            }
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8).trim(), k.rows(), k.cols(), k.dtype(), max);
    }

    /** Runs the round trip in a fresh temporary directory and prints what it did. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("ntk-npy");
        Result r = run(dir);
        System.out.println("exit code " + r.exitCode() + ": " + r.stdout());
        System.out.println("read back " + dir.resolve("K.npy") + ": " + r.rows() + "×" + r.cols() + " " + r.dtype()
                + ", max |K.npy − gram| = " + r.maxDifference());
        System.out.println("in Python: K = np.load('" + dir.resolve("K.npy") + "')");
    }
}
