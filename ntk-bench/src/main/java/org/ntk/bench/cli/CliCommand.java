package org.ntk.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

import org.ntk.core.io.Npy;
import org.ntk.core.io.NpyArray;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.validation.Validate;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The base of every {@code ntk} subcommand: a {@code --help} option, the run's {@link CliContext},
 * and the checks that turn a user's files into the library's inputs with messages that name the file.
 *
 * <p>To add a command: subclass this in {@code org.ntk.bench.cli}, annotate it with
 * {@code @Command(name = ..., description = ...)}, implement {@link #execute()}, and list it in
 * {@link NtkCli#commands(CliContext)}. Throw {@link IllegalArgumentException} (or let the library's
 * propagate) for anything the user can fix: {@link NtkCli} turns it into one stderr line and exit
 * code 2. Write every output through {@link org.ntk.core.io.AtomicFile} or {@link Npy} so that a
 * failed run leaves no partial file.
 */
abstract class CliCommand implements Callable<Integer> {

    /**
     * Largest accepted {@code --depth}: a deep kernel's value costs O(depth) per entry, so a mistyped
     * depth of 10⁹ would otherwise run for hours instead of failing.
     */
    static final int MAX_DEPTH = 1000;

    /** The kernels that take a {@code --depth}. */
    private static final Set<String> DEEP_KERNELS = Set.of("deep-ntk", "deep-nngp");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean helpRequested;

    @Spec
    CommandSpec spec;

    final CliContext ctx;

    CliCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Runs the command; returns normally on success. */
    abstract void execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            execute();
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException("out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB heap); raise it with java -Xmx<size> -jar ntk.jar ...", e);
        }
        ctx.out().flush();
        return NtkCli.OK;
    }

    /** "ntk gram" etc. */
    String qualifiedName() {
        return spec.qualifiedName();
    }

    /**
     * Reads a 2-D array of finite values.
     *
     * @param file the file
     * @param option the option that named it, for messages (e.g. "--points")
     * @param layout what the rows and columns mean, for messages (e.g. "n×d, one point per row")
     * @throws IllegalArgumentException if the file is not a valid 2-D .npy array of finite values
     */
    static double[][] readMatrix(Path file, String option, String layout) {
        NpyArray a = Npy.read(file);
        if (a.rank() != 2) {
            throw new IllegalArgumentException(file + ": " + option + " must be a 2-D array (" + layout
                    + "), got shape " + Npy.shapeString(a.shape()));
        }
        double[][] m = a.matrix();
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(file + ": entries must be finite, got " + m[i][j]
                            + " at row " + i + ", column " + j);
                }
            }
        }
        return m;
    }

    /**
     * The analytic kernel named by {@code --kernel} with {@code --depth} hidden layers, with messages
     * that name the options.
     *
     * @param name the {@code --kernel} value: one of {@link Kernels#names()}
     * @param depth the {@code --depth} value: 1 to {@value #MAX_DEPTH} for deep-ntk and deep-nngp, 1 (the
     *     default) for the others
     * @throws IllegalArgumentException if the name is unknown (the message lists the valid ones) or the
     *     depth does not fit the kernel
     */
    static HomogeneousKernel kernel(String name, int depth) {
        if (!Kernels.names().contains(name)) {
            throw new IllegalArgumentException("--kernel must be one of " + String.join(", ", Kernels.names())
                    + ", got '" + name + "'");
        }
        if (DEEP_KERNELS.contains(name)) {
            if (depth < 1 || depth > MAX_DEPTH) {
                throw new IllegalArgumentException("--depth must be between 1 and " + MAX_DEPTH + " for " + name
                        + ", got " + depth);
            }
        } else if (depth != 1) {
            throw new IllegalArgumentException("--depth applies only to deep-ntk and deep-nngp, got --depth " + depth
                    + " with --kernel " + name);
        }
        return Kernels.byName(name, depth);
    }

    /**
     * Fails fast, before anything n×n is allocated, if {@code copies} n×n arrays of doubles do not fit in
     * the heap that is still available ({@link Validate#heapFits}, which asks the garbage collector once
     * before refusing) or n×n is more than one Java array holds.
     *
     * @param n the matrix size
     * @param copies how many n×n arrays the command holds at once, ≥ 1
     * @param what the matrix, naming the option and file it comes from, e.g. "--points X.npy: the arccos1
     *     Gram matrix"
     * @param remedy what the user can do instead, e.g. "add --top K"
     * @throws IllegalArgumentException {@code <what> of size n×n needs N MiB but only M MiB of heap is
     *     available; <remedy>}
     */
    static void requireDenseFits(int n, int copies, String what, String remedy) {
        String matrix = what + " of size " + n + "×" + n;
        if (n > Validate.MAX_DENSE_SIZE) {
            throw new IllegalArgumentException(matrix + " has " + (long) n * n + " entries, more than a Java array"
                    + " holds (" + Validate.MAX_DENSE_SIZE + "² max); " + remedy);
        }
        Validate.heapFits((long) n * n * copies, matrix + (copies > 1 ? " (" + copies + " such arrays)" : ""),
                "raise java -Xmx or " + remedy);
    }

    /**
     * Checks, before any long computation, that an output file can be created: its directory exists
     * and is writable and the path is not a directory.
     *
     * @throws IllegalArgumentException naming the option and the path otherwise
     */
    static void requireWritable(Path out, String option) {
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(option + " " + out + ": must be a file, got a directory");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + out + ": " + dir + " must be a directory, got a file");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + out + ": directory " + dir + " must exist");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException(option + " " + out + ": directory " + dir + " must be writable");
        }
    }

    /** Requires a thread count ≥ 1; {@code null} means all available processors. */
    static int threads(Integer threads) {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        return threads;
    }
}
