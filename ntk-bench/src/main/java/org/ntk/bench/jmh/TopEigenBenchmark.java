package org.ntk.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.Spectra;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The leading eigenpairs of a dense n×n arccos1 Gram matrix (n points of N(0, I_64)):
 * {@link Spectra#top} (block Lanczos, {@code count} pairs) against the full decomposition
 * {@link Spectra#decompose} (LAPACK {@code dsyevd}, all n pairs), which a caller would otherwise use
 * and truncate. The full decomposition at n = 8192 takes over a minute, so it is timed once
 * (single shot, no warm-up: its time is native LAPACK work, not JIT-dependent).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class TopEigenBenchmark {

    /** The matrix size. */
    @Param({"8192"})
    public int n;

    /** The number of leading pairs. */
    @Param({"64"})
    public int count;

    private KernelMatrix k;

    /** Builds the matrix once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        k = Kernels.arcCosine(1).gram(BenchData.points(n, 64), GramOptions.defaults());
    }

    /** The count leading pairs by block Lanczos. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Decomposition top() {
        return Spectra.top(k, count);
    }

    /** All n pairs by dsyevd. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Decomposition decompose() {
        return Spectra.decompose(k);
    }
}
