/**
 * JMH benchmarks of ntk's hot paths: Gram assembly ({@link org.ntk.bench.jmh.GramBenchmark}), the
 * analytic Fisher information ({@link org.ntk.bench.jmh.FisherBenchmark}), the empirical deep NTK
 * ({@link org.ntk.bench.jmh.DeepNtkBenchmark}), dense eigensolvers against ND4J's and a pure-Java one
 * ({@link org.ntk.bench.jmh.EigenSolverBenchmark}), leading eigenpairs against the full
 * decomposition ({@link org.ntk.bench.jmh.TopEigenBenchmark}) and {@code .npy} I/O
 * ({@link org.ntk.bench.jmh.NpyBenchmark}); data from the seeded {@link org.ntk.bench.jmh.BenchData}.
 *
 * <p>Rules (after the JMH samples): sizes and backends are {@code @Param}s; forks, warm-up,
 * measurement and JVM flags are pinned in annotations with short defaults so that the whole grid runs
 * in minutes (see {@code docs/performance.md} for the time it takes); inputs are built once per trial
 * in non-final {@code @State} fields; every benchmark returns its result; no loops inside a
 * {@code @Benchmark} method. Run them with {@code java -jar ntk-bench/target/ntk.jar bench [JMH options]}
 * or {@code java -cp ntk-bench/target/ntk.jar org.openjdk.jmh.Main [JMH options]}.
 */
package org.ntk.bench.jmh;
