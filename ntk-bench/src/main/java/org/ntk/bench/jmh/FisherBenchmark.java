package org.ntk.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.ReluNetwork;
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
 * The analytic Fisher information {@code FisherInformation.analytic(net)} of a width-m network on R^d
 * (the arccos1 Gram matrix of its m hidden weight vectors, MATH.md §2.1), all cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class FisherBenchmark {

    /** The width (the FIM is m×m). */
    @Param({"1024", "4096"})
    public int m;

    /** The input dimension. */
    @Param({"64"})
    public int d;

    private ReluNetwork net;

    /** Builds the network once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        net = BenchData.network(d, m);
    }

    /** One analytic FIM. */
    @Benchmark
    public KernelMatrix analytic() {
        return FisherInformation.analytic(net);
    }
}
