package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ntk.core.io.Npy;
import org.ntk.core.io.NpyFiles;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.sampling.Gaussians;

/**
 * The command line's contract on bad input (DESIGN.md "The command-line contract", design notes "Error
 * policy"), swept over every command and a catalogue of the mistakes a pipeline makes: missing,
 * empty, damaged, truncated, wrongly typed or shaped {@code .npy} files; NaN and ∞ entries; non-square,
 * non-symmetric and transposed matrices; unknown kernels; out-of-range, negative, non-numeric, unknown
 * and missing options; unwritable output paths; and inputs too large for the heap (a header claiming
 * 100 000 × 100 000 over a tiny body, and 50 000 points whose dense Gram matrix would need 20 GB).
 *
 * <p>Every case runs twice in-process, once into an empty output directory and once into one holding
 * a previous good output, and must: exit with code 2; write nothing on stdout and exactly one line on
 * stderr, {@code ntk <command>: ...}, without a stack trace or exception class name; name the offending
 * option or file and the rule broken; leave no output or temporary file in the output directory (nor
 * next to the inputs); and leave the previous output byte for byte as it was, with its modification
 * time. The memory-guard cases rely on the surefire heap (-Xmx4g): they must fail fast with the
 * message, not allocate.
 */
class CliBadInputTest {

    /** Inputs shared by all cases; never written by a case (checked). */
    @TempDir
    static Path in;

    /** Fresh per case: the directory {@code {out}} stands for. */
    @TempDir
    Path work;

    /** n of the files whose dense n×n matrices cannot fit: more than a Java array holds. */
    private static final int HUGE_N = 50_000;
    /** n of the files whose n×n matrices fit in an array but not in a heap of less than 8·n² = 12.8 GB. */
    private static final int HEAP_N = 40_000;

    /** The valid kernel names as the messages list them. */
    private static final String KERNELS = "arccos0, arccos1, ntk2, deep-ntk, deep-nngp";

    /** A previous good output's time stamp, far from now so that any rewrite changes it. */
    private static final FileTime OLD = FileTime.fromMillis(946_684_800_000L);

    private static Map<String, String> inputsBefore;

    /**
     * One bad invocation.
     *
     * @param label the display name
     * @param args the arguments; {@code {in}} and {@code {out}} stand for the input and output directories
     * @param named fragments the stderr line must contain (the option or file, and the rule)
     * @param outputs what the command writes on success, relative to {@code {out}}: created beforehand as
     *     a "previous good output" in the second run
     * @param needs what the case relies on besides the files (else it is skipped)
     */
    record Case(String label, List<String> args, List<String> named, List<String> outputs, Needs needs) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** What a case relies on. */
    enum Needs {
        NOTHING,
        /** A heap smaller than a 40 000 × 40 000 array of doubles (12.8 GB; surefire runs with -Xmx4g). */
        SMALL_HEAP,
        /** Directory permissions that bind this process: not so for root, which writes anywhere. */
        PERMISSIONS
    }

    /** A bad input file and what its message must contain besides the file name. */
    private record BadFile(String file, List<String> named) {
    }

    @BeforeAll
    static void writeInputs() throws IOException {
        double[][] x = gaussianRows(20, 3, 1);
        Npy.write(in.resolve("X.npy"), x);
        Npy.write(in.resolve("XT.npy"), transpose(x));
        Npy.write(in.resolve("W.npy"), gaussianRows(30, 3, 2));
        double[][] k = Kernels.arcCosine(1).gram(gaussianRows(5, 3, 3), 1).toRows();
        Npy.write(in.resolve("K.npy"), k);

        Files.createDirectory(in.resolve("dir.npy"));
        Files.write(in.resolve("empty.npy"), new byte[0]);
        Files.write(in.resolve("magic.npy"), "x,y\n1,2\n3,4\n".getBytes(StandardCharsets.US_ASCII));
        double[] sixty = new double[60];
        Arrays.fill(sixty, 0.5);
        String h20x3 = NpyFiles.dict("<f8", false, "(20, 3)");
        Files.write(in.resolve("truncated.npy"),
                NpyFiles.file(1, h20x3, NpyFiles.data("<f8", Arrays.copyOf(sixty, 59))));
        Files.write(in.resolve("trailing.npy"),
                NpyFiles.file(1, h20x3, NpyFiles.data("<f8", Arrays.copyOf(sixty, 61))));
        writeRaw("f2.npy", "<f2", "(20, 3)", 60 * 2);
        writeRaw("c16.npy", "<c16", "(20, 3)", 60 * 16);
        writeRaw("b1.npy", "|b1", "(20, 3)", 60);
        writeRaw("object.npy", "|O", "(20, 3)", 60 * 8);
        writeRaw("str.npy", "<U5", "(20, 3)", 60 * 20);
        writeRaw("rank3.npy", "<f8", "(2, 3, 4)", 24 * 8);
        writeRaw("rows0.npy", "<f8", "(0, 3)", 0);
        writeRaw("cols0.npy", "<f8", "(20, 0)", 0);
        Npy.write(in.resolve("vector.npy"), Arrays.copyOf(sixty, 20));
        Npy.write(in.resolve("nan.npy"), with(x, 7, 1, Double.NaN));
        Npy.write(in.resolve("inf.npy"), with(x, 3, 2, Double.POSITIVE_INFINITY));
        Npy.write(in.resolve("neginf.npy"), with(x, 0, 0, Double.NEGATIVE_INFINITY));
        // the "40 GB matrix by mistake": headers claiming huge shapes over a 64-byte body
        writeRaw("huge.npy", "<f8", "(100000, 100000)", 64);
        writeRaw("huge40k.npy", "<f8", "(40000, 40000)", 64);

        Npy.write(in.resolve("Krect.npy"), Arrays.copyOf(x, 5));
        double[][] asym = copy(k);
        asym[0][4] += 0.5;
        Npy.write(in.resolve("Kasym.npy"), asym);
        Npy.write(in.resolve("Knan.npy"), with(k, 2, 2, Double.NaN));
        double[][] kinf = with(k, 1, 3, Double.POSITIVE_INFINITY);
        kinf[3][1] = Double.POSITIVE_INFINITY;
        Npy.write(in.resolve("Kinf.npy"), kinf);

        // 50 000 and 40 000 points in d = 2: files of 800 and 640 KB whose dense matrices need 20 and 12.8 GB
        Npy.write(in.resolve("big.npy"), gaussianRows(HUGE_N, 2, 4));
        Npy.write(in.resolve("big40k.npy"), gaussianRows(HEAP_N, 2, 5));
        Path readOnly = Files.createDirectory(in.resolve("read-only"));
        readOnly.toFile().setWritable(false, false);
        inputsBefore = snapshot(in);
    }

    @AfterAll
    static void makeDeletable() {
        in.resolve("read-only").toFile().setWritable(true, false);
    }

    private static final List<BadFile> BAD_FILES = List.of(
            new BadFile("missing.npy", List.of("no such file")),
            new BadFile("dir.npy", List.of("directory")),
            new BadFile("empty.npy", List.of("magic", "empty file")),
            new BadFile("magic.npy", List.of("magic")),
            new BadFile("truncated.npy", List.of("truncated", "(20, 3)")),
            new BadFile("trailing.npy", List.of("must end after the data")),
            new BadFile("f2.npy", List.of("dtype", "<f2")),
            new BadFile("c16.npy", List.of("dtype", "<c16")),
            new BadFile("b1.npy", List.of("dtype", "|b1")),
            new BadFile("object.npy", List.of("dtype", "|O")),
            new BadFile("str.npy", List.of("dtype", "<U5")),
            new BadFile("rank3.npy", List.of("1-D or 2-D", "(2, 3, 4)")),
            new BadFile("rows0.npy", List.of("empty", "(0, 3)")),
            new BadFile("cols0.npy", List.of("empty", "(20, 0)")),
            new BadFile("vector.npy", List.of("2-D", "(20,)")),
            new BadFile("nan.npy", List.of("finite", "NaN", "row 7, column 1")),
            new BadFile("inf.npy", List.of("finite", "Infinity", "row 3, column 2")),
            new BadFile("neginf.npy", List.of("finite", "-Infinity", "row 0, column 0")),
            new BadFile("huge.npy", List.of("(100000, 100000)", "Java array")),
            new BadFile("huge40k.npy", List.of("truncated", "(40000, 40000)")));

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        String x = "{in}/X.npy";
        String w = "{in}/W.npy";
        String k = "{in}/K.npy";

        // ---- every file-reading option against the bad-file catalogue
        for (BadFile f : BAD_FILES) {
            String file = "{in}/" + f.file();
            List<String> named = concat(List.of(f.file()), f.named());
            c.add(bad("gram --points " + f.file(), named, List.of("K.npy"),
                    "gram", "--kernel", "arccos1", "--points", file, "--out", "{out}/K.npy"));
            c.add(bad("fim --weights " + f.file(), named, List.of("J.npy"),
                    "fim", "--weights", file, "--out", "{out}/J.npy"));
            c.add(bad("spectrum --matrix " + f.file(), named, List.of("ev.npy", "V.npy"),
                    "spectrum", "--matrix", file, "--out", "{out}/ev.npy", "--vectors", "{out}/V.npy"));
            c.add(bad("spectrum --kernel --points " + f.file(), named, List.of("ev.npy"),
                    "spectrum", "--kernel", "ntk2", "--points", file, "--top", "2", "--out", "{out}/ev.npy"));
            c.add(bad("spectrum --fim " + f.file(), named, List.of("ev.npy"),
                    "spectrum", "--fim", file, "--out", "{out}/ev.npy"));
        }

        // ---- matrices: transposed or not square, not symmetric, not finite
        c.add(bad("spectrum --matrix non-square (a points file)", List.of("Krect.npy", "--matrix", "square", "5×3"),
                List.of("ev.npy"), "spectrum", "--matrix", "{in}/Krect.npy", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --matrix non-symmetric", List.of("Kasym.npy", "--matrix", "symmetric", "K[4][0]"),
                List.of("ev.npy"), "spectrum", "--matrix", "{in}/Kasym.npy", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --matrix NaN on the diagonal", List.of("Knan.npy", "finite", "NaN", "row 2, column 2"),
                List.of("ev.npy"), "spectrum", "--matrix", "{in}/Knan.npy", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --matrix symmetric infinities", List.of("Kinf.npy", "finite", "Infinity"),
                List.of("ev.npy"), "spectrum", "--matrix", "{in}/Kinf.npy", "--top", "2", "--out", "{out}/ev.npy"));
        c.add(bad("gram --points with a NaN, deep kernel", List.of("nan.npy", "finite", "NaN"), List.of("K.npy"),
                "gram", "--kernel", "deep-ntk", "--depth", "3", "--points", "{in}/nan.npy", "--out", "{out}/K.npy"));

        // ---- memory guard: fail fast with the need and the remedy, never allocate
        c.add(bad("gram on 50 000 points", List.of("--points", "big.npy", "50000×50000", "Java array", "--top"),
                List.of("K.npy"), "gram", "--kernel", "arccos1", "--points", "{in}/big.npy", "--out", "{out}/K.npy"));
        c.add(heap(bad("gram on 40 000 points", List.of("--points", "big40k.npy", "40000×40000", "MiB", "-Xmx", "--top"),
                List.of("K.npy"), "gram", "--kernel", "arccos1", "--points", "{in}/big40k.npy", "--out", "{out}/K.npy")));
        c.add(bad("fim of 50 000 units", List.of("--weights", "big.npy", "50000×50000", "--top"),
                List.of("J.npy"), "fim", "--weights", "{in}/big.npy", "--out", "{out}/J.npy"));
        c.add(heap(bad("fim of 40 000 units", List.of("--weights", "big40k.npy", "40000×40000", "MiB", "--top"),
                List.of("J.npy"), "fim", "--weights", "{in}/big40k.npy", "--out", "{out}/J.npy")));
        c.add(bad("spectrum arccos1 on 50 000 points without --top",
                List.of("--points", "big.npy", "50000×50000", "--top"), List.of("ev.npy"),
                "spectrum", "--kernel", "arccos1", "--points", "{in}/big.npy", "--out", "{out}/ev.npy"));
        c.add(heap(bad("spectrum arccos1 on 40 000 points without --top",
                List.of("--points", "big40k.npy", "40000×40000", "MiB", "--top"), List.of("ev.npy"),
                "spectrum", "--kernel", "arccos1", "--points", "{in}/big40k.npy", "--out", "{out}/ev.npy")));
        c.add(heap(bad("spectrum --fim of 40 000 units with --vectors, without --top",
                List.of("--fim", "big40k.npy", "40000×40000", "MiB", "--top"), List.of("ev.npy", "V.npy"),
                "spectrum", "--fim", "{in}/big40k.npy", "--out", "{out}/ev.npy", "--vectors", "{out}/V.npy")));
        c.add(bad("spectrum --fim of 50 000 units without --top", List.of("--fim", "big.npy", "50000×50000", "--top"),
                List.of("ev.npy"), "spectrum", "--fim", "{in}/big.npy", "--out", "{out}/ev.npy"));

        // ---- gram options
        c.add(bad("gram unknown kernel", List.of("--kernel must be one of " + KERNELS, "'relu'"), List.of("K.npy"),
                "gram", "--kernel", "relu", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("gram empty kernel name", List.of("--kernel must be one of " + KERNELS, "''"), List.of("K.npy"),
                "gram", "--kernel", "", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("gram --depth 0", List.of("--depth", "between 1 and 1000", "got 0"), List.of("K.npy"),
                "gram", "--kernel", "deep-ntk", "--depth", "0", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("gram --depth -3", List.of("--depth", "got -3"), List.of("K.npy"),
                "gram", "--kernel", "deep-nngp", "--depth", "-3", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("gram --depth 1001", List.of("--depth", "got 1001"), List.of("K.npy"),
                "gram", "--kernel", "deep-ntk", "--depth", "1001", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("gram --depth with a kernel without depth", List.of("--depth", "arccos0", "got --depth 2"),
                List.of("K.npy"), "gram", "--kernel", "arccos0", "--depth", "2", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("gram --depth x", List.of("--depth", "'x'"), List.of("K.npy"),
                "gram", "--kernel", "deep-ntk", "--depth", "x", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("gram --depth 1e9 (not an int)", List.of("--depth", "'1e9'"), List.of("K.npy"),
                "gram", "--kernel", "deep-ntk", "--depth", "1e9", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("gram --threads 0", List.of("--threads", "got 0"), List.of("K.npy"),
                "gram", "--kernel", "arccos1", "--points", x, "--out", "{out}/K.npy", "--threads", "0"));
        c.add(bad("gram --threads -2", List.of("--threads", "got -2"), List.of("K.npy"),
                "gram", "--kernel", "arccos1", "--points", x, "--out", "{out}/K.npy", "--threads", "-2"));
        c.add(bad("gram --threads two", List.of("--threads", "'two'"), List.of("K.npy"),
                "gram", "--kernel", "arccos1", "--points", x, "--out", "{out}/K.npy", "--threads", "two"));
        c.add(bad("gram missing --kernel", List.of("Missing required option", "--kernel"), List.of("K.npy"),
                "gram", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("gram missing --points", List.of("Missing required option", "--points"), List.of("K.npy"),
                "gram", "--kernel", "arccos1", "--out", "{out}/K.npy"));
        c.add(bad("gram missing --out", List.of("Missing required option", "--out"), List.of("K.npy"),
                "gram", "--kernel", "arccos1", "--points", x));
        c.add(bad("gram --points without a value", List.of("--points"), List.of("K.npy"),
                "gram", "--kernel", "arccos1", "--out", "{out}/K.npy", "--points"));
        c.add(bad("gram unknown option", List.of("Unknown option", "--normalise"), List.of("K.npy"),
                "gram", "--kernel", "arccos1", "--points", x, "--out", "{out}/K.npy", "--normalise"));
        c.add(bad("gram stray argument", List.of("Unmatched argument", "'extra'"), List.of("K.npy"),
                "gram", "--kernel", "arccos1", "--points", x, "--out", "{out}/K.npy", "extra"));
        c.addAll(badOutputs("gram", "--out", "K.npy", "gram", "--kernel", "arccos1", "--points", x));

        // ---- fim options
        c.add(bad("fim missing --weights", List.of("Missing required option", "--weights"), List.of("J.npy"),
                "fim", "--out", "{out}/J.npy"));
        c.add(bad("fim missing --out", List.of("Missing required option", "--out"), List.of("J.npy"),
                "fim", "--weights", w));
        c.add(bad("fim --threads 0", List.of("--threads", "got 0"), List.of("J.npy"),
                "fim", "--weights", w, "--out", "{out}/J.npy", "--threads", "0"));
        c.add(bad("fim unknown option", List.of("Unknown option", "--kernel"), List.of("J.npy"),
                "fim", "--weights", w, "--out", "{out}/J.npy", "--kernel", "arccos1"));
        c.addAll(badOutputs("fim", "--out", "J.npy", "fim", "--weights", w));

        // ---- spectrum options
        c.add(bad("spectrum no source", List.of("exactly one source", "got none"), List.of("ev.npy"),
                "spectrum", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum two sources", List.of("exactly one source", "got --matrix and --fim"), List.of("ev.npy"),
                "spectrum", "--matrix", k, "--fim", w, "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --kernel without --points", List.of("--kernel requires --points"), List.of("ev.npy"),
                "spectrum", "--kernel", "arccos1", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --points without --kernel", List.of("--points requires --kernel"), List.of("ev.npy"),
                "spectrum", "--points", x, "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --depth with --matrix", List.of("--depth", "--matrix"), List.of("ev.npy"),
                "spectrum", "--matrix", k, "--depth", "2", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum unknown kernel", List.of("--kernel must be one of " + KERNELS, "'NTK2'"), List.of("ev.npy"),
                "spectrum", "--kernel", "NTK2", "--points", x, "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --depth 0", List.of("--depth", "got 0"), List.of("ev.npy"),
                "spectrum", "--kernel", "deep-nngp", "--depth", "0", "--points", x, "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --depth with ntk2", List.of("--depth", "ntk2"), List.of("ev.npy"),
                "spectrum", "--kernel", "ntk2", "--depth", "3", "--points", x, "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --top 0", List.of("--top", ">= 1", "got 0"), List.of("ev.npy"),
                "spectrum", "--matrix", k, "--top", "0", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --top -1", List.of("--top", "got -1"), List.of("ev.npy"),
                "spectrum", "--kernel", "arccos1", "--points", x, "--top", "-1", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --top n+1 of a matrix", List.of("--top", "<= n = 5", "got 6"), List.of("ev.npy", "V.npy"),
                "spectrum", "--matrix", k, "--top", "6", "--out", "{out}/ev.npy", "--vectors", "{out}/V.npy"));
        c.add(bad("spectrum --top n+1 of the FIM", List.of("--top", "<= n = 30", "got 31"), List.of("ev.npy"),
                "spectrum", "--fim", w, "--top", "31", "--out", "{out}/ev.npy"));
        // points written transposed (d×n): 3 points of dimension 20, so --top 5 exceeds n
        c.add(bad("spectrum --top on transposed points", List.of("--top", "<= n = 3", "got 5"), List.of("ev.npy"),
                "spectrum", "--kernel", "arccos1", "--points", "{in}/XT.npy", "--top", "5", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --top x", List.of("--top", "'x'"), List.of("ev.npy"),
                "spectrum", "--matrix", k, "--top", "x", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --top 2.5", List.of("--top", "'2.5'"), List.of("ev.npy"),
                "spectrum", "--matrix", k, "--top", "2.5", "--out", "{out}/ev.npy"));
        c.add(bad("spectrum --vectors same as --out", List.of("--vectors must differ from --out"), List.of("ev.npy"),
                "spectrum", "--matrix", k, "--out", "{out}/ev.npy", "--vectors", "{out}/ev.npy"));
        c.add(bad("spectrum --vectors in a missing directory", List.of("--vectors", "must exist"), List.of("ev.npy"),
                "spectrum", "--matrix", k, "--out", "{out}/ev.npy", "--vectors", "{out}/no/V.npy"));
        c.add(bad("spectrum --vectors under a regular file", List.of("--vectors", "X.npy", "must be a directory"),
                List.of("ev.npy"), "spectrum", "--matrix", k, "--out", "{out}/ev.npy", "--vectors", "{in}/X.npy/V.npy"));
        c.add(bad("spectrum --threads -1", List.of("--threads", "got -1"), List.of("ev.npy"),
                "spectrum", "--matrix", k, "--out", "{out}/ev.npy", "--threads", "-1"));
        c.add(bad("spectrum unknown option", List.of("Unknown option", "--all"), List.of("ev.npy"),
                "spectrum", "--matrix", k, "--out", "{out}/ev.npy", "--all"));
        c.add(bad("spectrum missing --out", List.of("Missing required option", "--out"), List.of("ev.npy"),
                "spectrum", "--matrix", k));
        c.addAll(badOutputs("spectrum", "--out", "ev.npy", "spectrum", "--matrix", k));

        // ---- mercer options
        c.add(bad("mercer unknown kernel", List.of("--kernel must be one of " + KERNELS, "'rbf'"), List.of("m.json"),
                "mercer", "--kernel", "rbf", "--d", "3", "--out", "{out}/m.json"));
        c.add(bad("mercer --d 0", List.of("--d must be >= 1, got 0"), List.of("m.json"),
                "mercer", "--kernel", "arccos1", "--d", "0", "--out", "{out}/m.json"));
        c.add(bad("mercer --d -4", List.of("--d", "got -4"), List.of("m.json"),
                "mercer", "--kernel", "arccos1", "--d", "-4", "--out", "{out}/m.json"));
        c.add(bad("mercer --d ten", List.of("--d", "'ten'"), List.of("m.json"),
                "mercer", "--kernel", "arccos1", "--d", "ten", "--out", "{out}/m.json"));
        c.add(bad("mercer --d beyond int", List.of("--d", "'99999999999'"), List.of("m.json"),
                "mercer", "--kernel", "arccos1", "--d", "99999999999", "--out", "{out}/m.json"));
        c.add(bad("mercer --max-degree -1", List.of("--max-degree", "got -1"), List.of("m.json"),
                "mercer", "--kernel", "arccos1", "--d", "3", "--max-degree", "-1", "--out", "{out}/m.json"));
        c.add(bad("mercer --max-degree 1001", List.of("--max-degree", "got 1001"), List.of("m.json"),
                "mercer", "--kernel", "arccos1", "--d", "3", "--max-degree", "1001", "--out", "{out}/m.json"));
        c.add(bad("mercer --depth 0", List.of("--depth", "got 0"), List.of("m.json"),
                "mercer", "--kernel", "deep-ntk", "--depth", "0", "--d", "3", "--out", "{out}/m.json"));
        c.add(bad("mercer --depth -1", List.of("--depth", "got -1"), List.of("m.json"),
                "mercer", "--kernel", "deep-nngp", "--depth", "-1", "--d", "3", "--out", "{out}/m.json"));
        c.add(bad("mercer --depth 1001", List.of("--depth", "got 1001"), List.of("m.json"),
                "mercer", "--kernel", "deep-ntk", "--depth", "1001", "--d", "3", "--out", "{out}/m.json"));
        c.add(bad("mercer --depth with arccos1", List.of("--depth", "arccos1"), List.of("m.json"),
                "mercer", "--kernel", "arccos1", "--depth", "2", "--d", "3", "--out", "{out}/m.json"));
        c.add(bad("mercer missing --d", List.of("Missing required option", "--d"), List.of("m.json"),
                "mercer", "--kernel", "arccos1", "--out", "{out}/m.json"));
        c.add(bad("mercer missing --kernel", List.of("Missing required option", "--kernel"), List.of("m.json"),
                "mercer", "--d", "3", "--out", "{out}/m.json"));
        c.add(bad("mercer unknown option", List.of("Unknown option", "--points"), List.of("m.json"),
                "mercer", "--kernel", "arccos1", "--d", "3", "--out", "{out}/m.json", "--points", x));
        c.addAll(badOutputs("mercer", "--out", "m.json", "mercer", "--kernel", "arccos1", "--d", "3"));

        // ---- density options
        String[] density = {"density", "--activation", "step", "--gamma1", "2", "--gamma2", "1", "--d", "20"};
        List<String> dOut = List.of("density.csv", "density.json");
        c.add(bad("density unknown activation", List.of("--activation", "step or logistic", "relu"), dOut,
                "density", "--activation", "relu", "--gamma1", "2", "--gamma2", "1", "--out", "{out}/density.csv"));
        for (String[] o : new String[][] {
            {"--gamma1", "0"}, {"--gamma1", "-1"}, {"--gamma1", "NaN"}, {"--gamma1", "Infinity"}, {"--gamma1", "x"},
            {"--gamma2", "0"}, {"--gamma2", "-Infinity"}, {"--d", "0"}, {"--d", "-1"}, {"--d", "2.5"},
            {"--eta", "0"}, {"--eta", "NaN"}, {"--grid", "1"}, {"--grid", "1000001"}, {"--grid", "many"},
            {"--scales", "normal"}, {"--scales", "uniform:2:1"}, {"--simulate", "x"}, {"--threads", "0"}}) {
            c.add(bad("density " + o[0] + " " + o[1], List.of(o[0]), dOut,
                    concat(List.of(density), List.of(o[0], o[1], "--out", "{out}/density.csv")).toArray(String[]::new)));
        }
        c.add(bad("density n beyond a dense matrix", List.of("n = γ1·d·p", "46340"), dOut,
                "density", "--activation", "step", "--gamma1", "100", "--gamma2", "1", "--d", "100",
                "--out", "{out}/density.csv"));
        c.add(bad("density missing --gamma1", List.of("Missing required option", "--gamma1"), dOut,
                "density", "--activation", "step", "--gamma2", "1", "--out", "{out}/density.csv"));
        c.add(bad("density missing --out", List.of("Missing required option", "--out"), dOut,
                "density", "--activation", "step", "--gamma1", "2", "--gamma2", "1"));
        c.add(bad("density unknown option", List.of("Unknown option", "--gamma3"), dOut,
                concat(List.of(density), List.of("--gamma3", "1", "--out", "{out}/density.csv")).toArray(String[]::new)));
        c.addAll(badOutputs("density", "--out", "density.csv", density));

        // ---- report options (each fails before any section runs)
        List<String> rOut = List.of("report/report.md", "report/results.json");
        for (String[] o : new String[][] {
            {"--d", "0"}, {"--d", "1"}, {"--d", "-5"}, {"--d", "101"}, {"--d", "x"}, {"--m", "0"}, {"--m", "-10"},
            {"--m", "65"}, {"--m", "many"}, {"--seed", "x"}, {"--seed", "1.5"}, {"--threads", "0"}}) {
            c.add(bad("report " + o[0] + " " + o[1], List.of(o[0]), rOut,
                    "report", o[0], o[1], "--out", "{out}/report"));
        }
        c.add(bad("report unknown option", List.of("Unknown option", "--kernel"), rOut,
                "report", "--kernel", "arccos1", "--out", "{out}/report"));
        c.add(bad("report --out a regular file", List.of("--out", "X.npy", "must be a directory"), rOut,
                "report", "--out", x));
        c.add(bad("report --out under a regular file", List.of("--out", "X.npy", "must be a directory, got a file"),
                rOut, "report", "--out", "{in}/X.npy/report"));
        c.add(needs(Needs.PERMISSIONS, bad("report --out in a read-only directory",
                List.of("--out", "read-only", "must be writable"), rOut, "report", "--out", "{in}/read-only/report")));

        // ---- the application itself
        c.add(bad("no command", List.of("a command is required", "gram"), List.of(), new String[0]));
        c.add(bad("unknown command", List.of("Unmatched argument", "'gramm'"), List.of(),
                "gramm", "--points", x, "--out", "{out}/K.npy"));
        c.add(bad("unknown global option", List.of("Unknown option", "'--verbose'"), List.of("K.npy"),
                "--verbose", "gram", "--kernel", "arccos1", "--points", x, "--out", "{out}/K.npy"));
        return c.stream();
    }

    /** The output-path mistakes of a command whose other arguments are valid. */
    private static List<Case> badOutputs(String command, String option, String output, String... valid) {
        List<String> base = List.of(valid);
        List<String> outputs = command.equals("density") ? List.of("density.csv", "density.json") : List.of(output);
        return List.of(
                bad(command + " " + option + " in a missing directory", List.of(option, "no-such-dir", "must exist"),
                        outputs, concat(base, List.of(option, "{out}/no-such-dir/" + output)).toArray(String[]::new)),
                // root ignores permissions, so an unwritable place is a path under a regular file
                bad(command + " " + option + " under a regular file", List.of(option, "X.npy", "must be a directory"),
                        outputs, concat(base, List.of(option, "{in}/X.npy/" + output)).toArray(String[]::new)),
                bad(command + " " + option + " is a directory", List.of(option, "must be a file, got a directory"),
                        outputs, concat(base, List.of(option, "{out}")).toArray(String[]::new)),
                needs(Needs.PERMISSIONS, bad(command + " " + option + " in a read-only directory",
                        List.of(option, "read-only", "must be writable"), outputs,
                        concat(base, List.of(option, "{in}/read-only/" + output)).toArray(String[]::new))));
    }

    private static Case bad(String label, List<String> named, List<String> outputs, String... args) {
        return new Case(label, List.of(args), named, outputs, Needs.NOTHING);
    }

    private static Case needs(Needs needs, Case c) {
        return new Case(c.label(), c.args(), c.named(), c.outputs(), needs);
    }

    private static Case heap(Case c) {
        return needs(Needs.SMALL_HEAP, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithOneLineAndWritesNothing(Case c) throws IOException {
        if (c.needs() == Needs.SMALL_HEAP) {
            assumeTrue(Runtime.getRuntime().maxMemory() < 8L * HEAP_N * HEAP_N, "the heap would hold the matrix");
        }
        if (c.needs() == Needs.PERMISSIONS) {
            assumeTrue(!Files.isWritable(in.resolve("read-only")), "permissions do not bind this process (root)");
        }
        // into an empty directory: nothing appears
        Path fresh = Files.createDirectory(work.resolve("fresh"));
        CliRun r = run(c, fresh);
        assertRejected(c, r);
        assertEquals(Map.of(), snapshot(fresh), "files left behind");

        // over a previous good output: it stays byte for byte, with its time stamp
        Path kept = Files.createDirectory(work.resolve("kept"));
        for (String name : c.outputs()) {
            Path p = kept.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "previous good output of " + name);
            Files.setLastModifiedTime(p, OLD);
        }
        Map<String, String> before = snapshot(kept);
        r = run(c, kept);
        assertRejected(c, r);
        assertEquals(before, snapshot(kept), "previous output changed or files left behind");
        for (String name : c.outputs()) {
            assertEquals(OLD, Files.getLastModifiedTime(kept.resolve(name)), name);
        }
        assertEquals(inputsBefore, snapshot(in), "the input directory changed");
    }

    private static CliRun run(Case c, Path out) {
        String[] args = c.args().stream()
                .map(a -> a.replace("{in}", in.toString()).replace("{out}", out.toString()))
                .toArray(String[]::new);
        return CliRun.of(args);
    }

    private static void assertRejected(Case c, CliRun r) {
        assertEquals(NtkCli.USAGE_ERROR, r.exit(), r.err());
        assertEquals("", r.out(), "stdout");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().endsWith("\n"), r.err());
        String line = r.errLines().get(0);
        String command = c.args().isEmpty() || c.args().get(0).startsWith("-") || !isCommand(c.args().get(0))
                ? "ntk: " : "ntk " + c.args().get(0) + ": ";
        assertTrue(line.startsWith(command), () -> "'" + command + "' does not start: " + line);
        for (String f : c.named()) {
            assertTrue(line.contains(f), () -> "'" + f + "' not in: " + line);
        }
        assertFalse(line.contains("Exception"), line);
        assertFalse(line.contains("Error:") || line.contains("Error "), line);
        assertFalse(line.matches(".*\\bat (org|java|picocli)\\..*"), line);
    }

    private static boolean isCommand(String s) {
        return List.of("report", "gram", "fim", "spectrum", "mercer", "density").contains(s);
    }

    /** Every file and directory under root (hidden ones too): relative path → size and content hash. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String key = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    m.put(key, "dir");
                } else {
                    byte[] b = Files.readAllBytes(p);
                    m.put(key, b.length + ":" + Arrays.hashCode(b));
                }
            }
        }
        return m;
    }

    // ------------------------------------------------------------------------------------- inputs

    private static void writeRaw(String name, String dtype, String shape, int dataBytes) throws IOException {
        byte[] data = new byte[dataBytes];
        Arrays.fill(data, (byte) 0x3c);
        Files.write(in.resolve(name), NpyFiles.file(1, NpyFiles.dict(dtype, false, shape), data));
    }

    private static double[][] gaussianRows(int n, int d, long seed) {
        Gaussians g = new Gaussians(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = g.next();
            }
        }
        return x;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][] with(double[][] a, int i, int j, double v) {
        double[][] c = copy(a);
        c[i][j] = v;
        return c;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // a self-check of the catalogue: every input it names exists (else a case could pass for the wrong reason)
    @org.junit.jupiter.api.Test
    void everyCatalogueFileButTheMissingOneExists() {
        for (BadFile f : BAD_FILES) {
            assertEquals(!f.file().equals("missing.npy"), Files.exists(in.resolve(f.file())), f.file());
        }
        assertArrayEquals(new int[] {HUGE_N, 2}, Npy.read(in.resolve("big.npy")).shape());
    }
}
