package org.ntk.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.ntk.core.io.Npy;
import org.ntk.core.io.NpyArray;
import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code .npy} throughput on an n×n Gram matrix of doubles (8n² bytes: 128 MiB at n = 4096) in a temporary
 * directory: {@link Npy#write} (atomic: temporary file, then rename) and {@link Npy#read}. The file
 * is usually in the page cache, so this measures the library's encoding and copying, not the disk.
 * Score in ms per file; MB/s = 8n²/score/1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class NpyBenchmark {

    /** The matrix is n×n. */
    @Param({"1024", "4096"})
    public int n;

    private Path dir;
    private Path source;
    private Path target;
    private KernelMatrix matrix;

    /** Writes the file to read and picks the file to write, once per trial. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("ntk-npy-bench");
        source = dir.resolve("read.npy");
        target = dir.resolve("write.npy");
        matrix = Kernels.arcCosine(1).gram(BenchData.points(n, 64), GramOptions.defaults());
        Npy.write(source, matrix);
    }

    /** Deletes the temporary files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(source);
        Files.deleteIfExists(target);
        Files.deleteIfExists(dir);
    }

    /** Reads the n×n file. */
    @Benchmark
    public NpyArray read() {
        return Npy.read(source);
    }

    /** Writes the n×n matrix (replacing the previous file), as {@code ntk gram} does. */
    @Benchmark
    public Path write() {
        Npy.write(target, matrix);
        return target;
    }
}
