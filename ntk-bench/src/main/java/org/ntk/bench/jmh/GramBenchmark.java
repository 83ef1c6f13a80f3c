package org.ntk.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.KernelMatrix;
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
 * Dense Gram assembly {@code kernel.gram(x, options)}: n points of N(0, I_d), all cores, the result
 * (a fresh n×n matrix, both triangles) returned. Grid: 3 kernels × n ∈ {1024, 4096, 8192} ×
 * d ∈ {16, 64, 256} with the automatic backend; compare backends with {@code -p backend=java,openblas}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class GramBenchmark {

    /** {@code arccos1}, {@code ntk2} or {@code deep-ntk}H (H hidden layers). */
    @Param({"arccos1", "ntk2", "deep-ntk3"})
    public String kernel;

    /** The number of points. */
    @Param({"1024", "4096", "8192"})
    public int n;

    /** The dimension. */
    @Param({"16", "64", "256"})
    public int d;

    /** {@code automatic}, {@code java} or {@code openblas}. */
    @Param({"automatic"})
    public String backend;

    private double[][] x;
    private HomogeneousKernel k;
    private GramOptions options;

    /** Builds the points once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        x = BenchData.points(n, d);
        k = BenchData.kernel(kernel);
        options = GramOptions.defaults().withBackend(BenchData.backend(backend));
    }

    /** One Gram matrix. */
    @Benchmark
    public KernelMatrix gram() {
        return k.gram(x, options);
    }
}
