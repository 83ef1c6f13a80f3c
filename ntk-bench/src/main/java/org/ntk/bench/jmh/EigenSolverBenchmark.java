package org.ntk.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.Spectra;
import org.ntk.spectral.eigen.CommonsMathEigenSolver;
import org.ntk.spectral.eigen.EigenSolver;
import org.ntk.spectral.eigen.nd4j.Nd4jEigenSolver;
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
 * Dense symmetric eigendecomposition of an n×n arccos1 Gram matrix (n points of N(0, I_64)), with
 * eigenvectors ({@code decompose}) and eigenvalues only ({@code eigenvalues}):
 * {@code solver = spectra} is {@link Spectra#decompose} / {@link Spectra#eigenvalues} (LAPACK
 * {@code dsyevd}); {@code solver = nd4j} is ND4J's own {@code Eigen} helper ({@code dsyev}) through
 * {@link Nd4jEigenSolver}. The pure-Java solver (commons-math3, {@link CommonsMathEigenSolver}) has
 * its own, smaller grid ({@code n ∈ {512, 1024}}; n = 2048 takes over a minute per decomposition).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class EigenSolverBenchmark {

    /** The matrix size. */
    @Param({"512", "1024", "2048"})
    public int n;

    /** {@code spectra} (the library's dsyevd) or {@code nd4j} (ND4J's Eigen, dsyev). */
    @Param({"spectra", "nd4j"})
    public String solver;

    private KernelMatrix k;
    private EigenSolver nd4j;

    /** Builds the matrix once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        k = gram(n);
        nd4j = new Nd4jEigenSolver();
    }

    static KernelMatrix gram(int n) {
        return Kernels.arcCosine(1).gram(BenchData.points(n, 64), GramOptions.defaults());
    }

    /** All eigenpairs. */
    @Benchmark
    public Decomposition decompose() {
        return solver.equals("spectra") ? Spectra.decompose(k) : nd4j.decompose(k);
    }

    /** All eigenvalues. */
    @Benchmark
    public double[] eigenvalues() {
        return solver.equals("spectra") ? Spectra.eigenvalues(k) : nd4j.eigenvalues(k);
    }

    /** The pure-Java solver (commons-math3) on its smaller grid. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    public static class PureJava {

        /** The matrix size. */
        @Param({"512", "1024"})
        public int n;

        private KernelMatrix k;
        private EigenSolver solver;

        /** Builds the matrix once per trial. */
        @Setup(Level.Trial)
        public void setUp() {
            k = gram(n);
            solver = new CommonsMathEigenSolver();
        }

        /** All eigenpairs. */
        @Benchmark
        public Decomposition decompose() {
            return solver.decompose(k);
        }

        /** All eigenvalues. */
        @Benchmark
        public double[] eigenvalues() {
            return solver.eigenvalues(k);
        }
    }
}
