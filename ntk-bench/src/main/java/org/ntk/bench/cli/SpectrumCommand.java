package org.ntk.bench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.io.Npy;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.validation.Validate;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.LanczosOptions;
import org.ntk.spectral.Spectra;
import org.ntk.spectral.eigen.EigenSolver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ntk spectrum}: the eigenvalues (and optionally the unit eigenvectors) of a symmetric matrix
 * given as a file, of an analytic kernel's Gram matrix on a set of points, or of the Fisher
 * information of a two-layer ReLU network (DESIGN.md "The command-line contract").
 *
 * <p>Sources (exactly one):
 * <ul>
 *   <li>{@code --matrix K.npy}: an n×n matrix, finite and symmetric within
 *       {@value EigenSolver#SYMMETRY_TOLERANCE}·max|K_ij| (the tolerance of the library's dense
 *       solvers; the two triangles are averaged);</li>
 *   <li>{@code --kernel NAME [--depth H] --points X.npy}: the Gram matrix K_ij = k(x_i, x_j) of the
 *       n×d points (conventions: {@link Kernels}); with {@code --top} it is never formed, the
 *       products run on an {@link ImplicitKernelMatrix} (memory O(n·d + n·K));</li>
 *   <li>{@code --fim W.npy}: the m×m analytic Fisher information of the m×d hidden weights (MATH.md
 *       §2.1, {@link FisherInformation#analytic}); it is the arccos1 Gram matrix of the rows of W, so with
 *       {@code --top} it is formed only when it takes at most half of the available heap, and otherwise
 *       its products run matrix-free like those of {@code --kernel} ({@link #formsDense}).</li>
 * </ul>
 *
 * <p>Without {@code --top}, {@code --kernel} and {@code --fim} check before computing anything that the
 * n×n matrix and LAPACK's working copies fit in the heap, and otherwise fail with the memory needed and
 * the suggestion to add {@code --top K}.
 *
 * <p>Without {@code --top} all n eigenvalues come from LAPACK {@code dsyevd} ({@link Spectra#eigenvalues},
 * or {@link Spectra#decompose} when {@code --vectors} asks for all n eigenvectors). With {@code --top K}
 * the K largest come from block Lanczos ({@link Spectra#top}) at a relative residual tolerance of
 * {@value #TOP_TOLERANCE}: every returned pair satisfies ‖K v − λ v‖ ≤ {@value #TOP_TOLERANCE}·|λ_max|.
 * Eigenvalues are written non-increasing as a 1-D {@code <f8} array; {@code --vectors} writes the
 * matching unit eigenvectors (canonical sign: largest-magnitude entry positive) as the columns of an
 * n×K {@code <f8} array. Both files are written together through {@link StagedOutputs}: each completely
 * to a temporary file beside it before either replaces anything, so a failed run changes neither.
 */
@Command(name = "spectrum", sortOptions = false,
        description = {"Writes the eigenvalues (non-increasing) and optionally the unit eigenvectors of a matrix.",
            "The matrix is a symmetric matrix from a file, a kernel's Gram matrix on points, or a network's",
            "Fisher information (MATH.md §2.1).",
            "With --top K only the K largest, by block Lanczos without a dense eigendecomposition",
            "(and, for --kernel, without forming the Gram matrix)."})
final class SpectrumCommand extends CliCommand {

    /** The relative residual tolerance of {@code --top}: ‖Kv − λv‖ ≤ tol·|λ_max| for every pair. */
    static final double TOP_TOLERANCE = 1e-12;

    @Option(names = "--matrix", paramLabel = "K.npy",
            description = "an n×n symmetric matrix (f8, f4, i8 or i4; C or Fortran order)")
    Path matrix;

    @Option(names = "--kernel", paramLabel = "NAME",
            description = "arccos0, arccos1, ntk2, deep-ntk or deep-nngp (with --points)")
    String kernel;

    @Option(names = "--depth", paramLabel = "H",
            description = "number of hidden layers of deep-ntk and deep-nngp, 1 to " + MAX_DEPTH + " (default: 1)")
    Integer depth;

    @Option(names = "--points", paramLabel = "X.npy", description = "n×d inputs, one per row (with --kernel)")
    Path points;

    @Option(names = "--fim", paramLabel = "W.npy",
            description = "m×d hidden weights, one hidden unit per row: the spectrum of the m×m Fisher information")
    Path fim;

    @Option(names = "--top", paramLabel = "K",
            description = "only the K largest eigenpairs (block Lanczos, residual ≤ 1e-12·|λ_max|)")
    Integer top;

    @Option(names = "--out", required = true, paramLabel = "eigenvalues.npy",
            description = "the eigenvalues, non-increasing (1-D <f8)")
    Path out;

    @Option(names = "--vectors", paramLabel = "V.npy",
            description = "the matching unit eigenvectors as columns (n×K <f8; n×n without --top)")
    Path vectors;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all processors)")
    Integer threads;

    SpectrumCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void execute() {
        int t = threads(threads);
        checkSource();
        if (top != null && top < 1) {
            throw new IllegalArgumentException("--top must be >= 1, got " + top);
        }
        HomogeneousKernel k = null;
        if (kernel != null) {
            k = kernel(kernel, depth == null ? 1 : depth);
        }
        requireWritable(out, "--out");
        if (vectors != null) {
            requireWritable(vectors, "--vectors");
            if (out.toAbsolutePath().normalize().equals(vectors.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--vectors must differ from --out, got " + vectors + " for both");
            }
        }
        String what;
        int n;
        int count;
        double lambdaMax;
        try (TerminalProgress progress = ctx.progress(qualifiedName())) {
            KernelMatrix a;
            if (matrix != null) {
                progress.phase("reading " + matrix);
                a = readSymmetric(matrix);
                what = "matrix " + matrix;
            } else if (k != null) {
                progress.phase("reading " + points);
                double[][] x = readMatrix(points, "--points", "n×d, one point per row");
                if (top != null) {
                    requireTopFits(x.length);
                    a = ImplicitKernelMatrix.of(k, x, t);
                } else {
                    requireDenseFits(x.length, denseCopies(), "--points " + points + ": the " + k.name()
                            + " Gram matrix", DENSE_REMEDY);
                    a = k.gram(x, GramOptions.defaults().withThreads(t).withListener(progress));
                }
                what = k.name() + " Gram matrix";
            } else {
                progress.phase("reading " + fim);
                double[][] w = readMatrix(fim, "--fim", "m×d, one hidden unit per row");
                double[] ones = new double[w.length];
                Arrays.fill(ones, 1.0);
                ReluNetwork net = ReluNetwork.of(w, ones);
                if (top != null) {
                    requireTopFits(w.length);
                    Runtime rt = Runtime.getRuntime();
                    boolean dense = formsDense(w.length, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
                    if (dense) {
                        progress.phase("computing the " + w.length + "×" + w.length + " Fisher information");
                    }
                    a = fisherInformation(net, t, dense);
                } else {
                    requireDenseFits(w.length, denseCopies(), "--fim " + fim + ": the Fisher information",
                            DENSE_REMEDY);
                    progress.phase("computing the " + w.length + "×" + w.length + " Fisher information");
                    a = FisherInformation.analytic(net, t);
                }
                what = "Fisher information";
            }
            n = a.size();
            double[] values;
            double[][] columns = null;
            if (top != null) {
                requireTopFits(n);
                progress.phase("top " + top + " eigenpairs of " + n + "×" + n);
                LanczosOptions options = LanczosOptions.defaults().withTolerance(TOP_TOLERANCE).withListener(progress);
                Decomposition dec = Spectra.top(a, top, options);
                values = dec.eigenvalues();
                if (vectors != null) {
                    columns = dec.eigenvectors();
                }
            } else if (vectors != null) {
                progress.phase("eigendecomposition of " + n + "×" + n);
                Decomposition dec = Spectra.decompose(a);
                values = dec.eigenvalues();
                columns = dec.eigenvectors();
            } else {
                progress.phase("eigenvalues of " + n + "×" + n);
                values = Spectra.eigenvalues(a);
            }
            count = values.length;
            lambdaMax = values[0];
            // both files or neither: a failure while writing the second must not leave a new first file
            StagedOutputs outputs = new StagedOutputs();
            if (columns != null) {
                progress.phase("writing " + vectors + " and " + out);
                outputs.add(vectors, Npy.content(columns));
            } else {
                progress.phase("writing " + out);
            }
            outputs.add(out, Npy.content(values)).commit();
        }
        ctx.out().println("wrote " + out + ": " + (top != null ? "the " + count + " largest" : "all " + count)
                + " eigenvalues of the " + n + "×" + n + " " + what + " (largest " + lambdaMax + ")"
                + (vectors != null ? "; eigenvectors as columns in " + vectors : ""));
    }

    /** Exactly one of --matrix, --kernel/--points, --fim; --depth and --points only with --kernel. */
    private void checkSource() {
        List<String> given = new ArrayList<>();
        if (matrix != null) {
            given.add("--matrix");
        }
        if (kernel != null || points != null) {
            given.add("--kernel");
        }
        if (fim != null) {
            given.add("--fim");
        }
        if (given.size() != 1) {
            throw new IllegalArgumentException("exactly one source is required: --matrix K.npy, --kernel NAME --points"
                    + " X.npy or --fim W.npy, got " + (given.isEmpty() ? "none" : String.join(" and ", given)));
        }
        if (kernel != null && points == null) {
            throw new IllegalArgumentException("--kernel requires --points X.npy, got no --points");
        }
        if (points != null && kernel == null) {
            throw new IllegalArgumentException("--points requires --kernel NAME, got no --kernel");
        }
        if (depth != null && kernel == null) {
            throw new IllegalArgumentException("--depth applies only to --kernel, got --depth " + depth + " with "
                    + given.get(0));
        }
    }

    /**
     * Whether {@code --fim --top} forms the m×m Fisher information: when it takes at most half of the
     * available heap (its products then cost O(m²) instead of O(m²·d) with an arc-cosine per entry);
     * otherwise the products run on the arccos1 kernel of the rows of W without forming it.
     *
     * @param m the number of hidden units
     * @param availableBytes the heap still available
     */
    static boolean formsDense(int m, long availableBytes) {
        return m <= Validate.MAX_DENSE_SIZE && 8.0 * m * m <= 0.5 * availableBytes;
    }

    /**
     * The analytic Fisher information J of the network, formed ({@link FisherInformation#analytic}) or as
     * an operator: J is the arccos1 Gram matrix of the rows of W (MATH.md §2.1), whose products
     * {@link ImplicitKernelMatrix} computes without forming it (memory O(m·d)).
     */
    static KernelMatrix fisherInformation(ReluNetwork net, int threads, boolean dense) {
        return dense ? FisherInformation.analytic(net, threads)
                : ImplicitKernelMatrix.of(Kernels.arcCosine(1), net.hiddenWeights(), threads);
    }

    /** What --kernel and --fim without --top can do instead of a dense matrix that does not fit. */
    private static final String DENSE_REMEDY = "add --top K for the K largest eigenvalues, computed without"
            + " forming the matrix";

    /**
     * The n×n arrays held at once without --top: the matrix itself and LAPACK's working copies (one for
     * eigenvalues only, three with --vectors: see {@code LapackEigenSolver}).
     */
    private int denseCopies() {
        return vectors == null ? 2 : 4;
    }

    private void requireTopFits(int n) {
        if (top > n) {
            throw new IllegalArgumentException("--top must be <= n = " + n + " (the matrix size), got " + top);
        }
    }

    /**
     * Reads --matrix: square, finite, symmetric within {@link EigenSolver#SYMMETRY_TOLERANCE}·max|K_ij|,
     * symmetrised by averaging.
     */
    private DenseKernelMatrix readSymmetric(Path file) {
        double[][] rows = readMatrix(file, "--matrix", "n×n, symmetric");
        int n = rows.length;
        int cols = n == 0 ? 0 : rows[0].length;
        if (n == 0 || cols == 0) {
            throw new IllegalArgumentException(file + ": --matrix must be at least 1×1, got " + n + "×" + cols);
        }
        if (cols != n) {
            throw new IllegalArgumentException(file + ": --matrix must be square, got " + n + "×" + cols);
        }
        double max = 0;
        for (double[] r : rows) {
            for (double v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double bound = EigenSolver.SYMMETRY_TOLERANCE * max;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double diff = Math.abs(rows[i][j] - rows[j][i]);
                if (!(diff <= bound)) {
                    throw new IllegalArgumentException(file + ": --matrix must be symmetric within "
                            + EigenSolver.SYMMETRY_TOLERANCE + "·max|K_ij| = " + bound + ", got |K[" + i + "][" + j
                            + "] − K[" + j + "][" + i + "]| = " + diff);
                }
            }
        }
        // the rows are held; the matrix's own copy and, without --top, LAPACK's copies come on top
        requireDenseFits(n, top != null ? 1 : denseCopies(), "--matrix " + file + ": the copies of the matrix",
                top != null ? "use a smaller matrix" : DENSE_REMEDY);
        return DenseKernelMatrix.of(rows, EigenSolver.SYMMETRY_TOLERANCE);
    }
}
