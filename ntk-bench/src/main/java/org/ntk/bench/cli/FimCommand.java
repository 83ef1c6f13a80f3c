package org.ntk.bench.cli;

import java.nio.file.Path;
import java.util.Arrays;

import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.io.Npy;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.ReluNetwork;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ntk fim}: the exact m×m Fisher information J_jk = ‖w_j‖‖w_k‖ κ₁(cos∠(w_j, w_k)) of a
 * two-layer ReLU network with the given hidden weights (MATH.md §2.1; the output weights do not
 * enter J), written as an m×m {@code <f8} {@code .npy} file.
 */
@Command(name = "fim", sortOptions = false,
        description = {"Writes the m×m analytic Fisher information J of a two-layer ReLU network.",
            "J_jk = ‖w_j‖‖w_k‖ (sin θ_jk + (π − θ_jk) cos θ_jk) / (2π), θ_jk the angle between w_j and w_k",
            "(MATH.md §2.1)."})
final class FimCommand extends CliCommand {

    @Option(names = "--weights", required = true, paramLabel = "W.npy",
            description = "m×d hidden weights, one hidden unit per row (f8, f4, i8 or i4; C or Fortran order)")
    Path weights;

    @Option(names = "--out", required = true, paramLabel = "J.npy", description = "the m×m Fisher information (<f8)")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all processors)")
    Integer threads;

    FimCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void execute() {
        int t = threads(threads);
        requireWritable(out, "--out");
        int m;
        try (TerminalProgress progress = ctx.progress(qualifiedName())) {
            progress.phase("reading " + weights);
            double[][] w = readMatrix(weights, "--weights", "m×d, one hidden unit per row");
            m = w.length;
            requireDenseFits(m, 1, "--weights " + weights + ": the Fisher information",
                    "for its leading eigenvalues use ntk spectrum --fim " + weights
                    + " --top K, which never forms the matrix");
            double[] ones = new double[m];
            Arrays.fill(ones, 1.0);
            progress.phase("computing the " + m + "×" + m + " Fisher information");
            KernelMatrix j = FisherInformation.analytic(ReluNetwork.of(w, ones), t);
            progress.phase("writing " + out);
            Npy.write(out, j);
        }
        ctx.out().println("wrote " + out + ": " + m + "×" + m + " Fisher information");
    }
}
