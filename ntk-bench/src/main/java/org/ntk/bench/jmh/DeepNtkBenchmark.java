package org.ntk.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.DeepReluNetwork;
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
 * The empirical deep NTK {@code DeepReluNetwork.empiricalNtk(x)} (J Jᵀ over all weights, MATH.md §6.1)
 * of a network with {@code layers} hidden layers of the given width on n points of N(0, I_d), all
 * cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class DeepNtkBenchmark {

    /** The number of points. */
    @Param({"256", "1024"})
    public int n;

    /** The width of every hidden layer. */
    @Param({"256", "1024"})
    public int width;

    /** The number of hidden layers. */
    @Param({"2"})
    public int layers;

    /** The input dimension. */
    @Param({"64"})
    public int d;

    private DeepReluNetwork net;
    private double[][] x;

    /** Builds the network and the points once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        int[] widths = new int[layers];
        java.util.Arrays.fill(widths, width);
        net = DeepReluNetwork.random(d, widths, BenchData.SEED);
        x = BenchData.points(n, d);
    }

    /** One empirical NTK. */
    @Benchmark
    public KernelMatrix empiricalNtk() {
        return net.empiricalNtk(x);
    }
}
