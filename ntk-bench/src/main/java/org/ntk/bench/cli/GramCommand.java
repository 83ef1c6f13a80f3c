package org.ntk.bench.cli;

import java.nio.file.Path;

import org.ntk.core.io.Npy;
import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ntk gram}: the n×n Gram matrix K_ij = k(x_i, x_j) of an analytic kernel on the rows of an
 * n×d {@code .npy} file, written as an n×n {@code <f8} {@code .npy} file (DESIGN.md "The
 * command-line contract"; kernel conventions in DESIGN.md "Kernel conventions" and {@link Kernels}).
 */
@Command(name = "gram", sortOptions = false,
        description = {"Writes the n×n Gram matrix K_ij = k(x_i, x_j) of an analytic kernel on the rows of X.npy.",
            "Kernels: arccos0, arccos1, ntk2, deep-ntk, deep-nngp (conventions: DESIGN.md, MATH.md §1, §3.2, §6.2)."})
final class GramCommand extends CliCommand {

    @Option(names = "--kernel", required = true, paramLabel = "NAME",
            description = "arccos0, arccos1, ntk2, deep-ntk or deep-nngp")
    String kernel;

    @Option(names = "--depth", paramLabel = "H", defaultValue = "1",
            description = "number of hidden layers of deep-ntk and deep-nngp, 1 to " + MAX_DEPTH
                    + " (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--points", required = true, paramLabel = "X.npy",
            description = "n×d inputs, one per row (f8, f4, i8 or i4; C or Fortran order)")
    Path points;

    @Option(names = "--out", required = true, paramLabel = "K.npy", description = "the n×n Gram matrix (<f8)")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all processors)")
    Integer threads;

    GramCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void execute() {
        int t = threads(threads);
        HomogeneousKernel k = kernel(kernel, depth);
        requireWritable(out, "--out");
        int n;
        try (TerminalProgress progress = ctx.progress(qualifiedName())) {
            progress.phase("reading " + points);
            double[][] x = readMatrix(points, "--points", "n×d, one point per row");
            n = x.length;
            requireDenseFits(n, 1, "--points " + points + ": the " + k.name() + " Gram matrix",
                    "for its leading eigenvalues use ntk spectrum --kernel " + kernel + " --points " + points
                    + " --top K, which never forms the matrix");
            KernelMatrix gram = k.gram(x, GramOptions.defaults().withThreads(t).withListener(progress));
            progress.phase("writing " + out);
            Npy.write(out, gram);
        }
        ctx.out().println("wrote " + out + ": " + n + "×" + n + " " + k.name() + " Gram matrix");
    }
}
