/**
 * Small, copyable programs that show the main paths through the library, one class per task; each
 * {@code main} takes no arguments, uses small sizes and finishes in a few seconds:
 * <pre>
 * java -cp ntk-bench/target/ntk.jar org.ntk.bench.examples.FirstSpectrum
 * </pre>
 * <ul>
 *   <li>{@link org.ntk.bench.examples.FirstSpectrum}: the Fisher information of a random network,
 *       {@code Spectra.decompose}, λ1 against its exact large-m limit (MATH.md §2.3);</li>
 *   <li>{@link org.ntk.bench.examples.KernelGram}: {@code Kernels}, Gram and cross matrices, top-k
 *       eigenpairs of a matrix-free {@code ImplicitKernelMatrix} (§1, §6.2);</li>
 *   <li>{@link org.ntk.bench.examples.MercerTable}: exact against the papers' Mercer eigenvalues and
 *       the residual share for d = 2 … 1000 (§2.4, §3.4, §3.5) — the generator of
 *       {@code docs/mercer-spectra.md};</li>
 *   <li>{@link org.ntk.bench.examples.FimClusters}: the eigenvalue clusters of the FIM against theory
 *       (§2.3);</li>
 *   <li>{@link org.ntk.bench.examples.NpyInterop}: {@code .npy} files in and out, the {@code ntk gram}
 *       command run in-process;</li>
 *   <li>{@link org.ntk.bench.examples.TraceEstimates}: Hutchinson against Hutch++ on a matrix-free
 *       kernel matrix;</li>
 *   <li>{@link org.ntk.bench.examples.Dynamics}: the simplicity bias of gradient descent (§5);</li>
 *   <li>{@link org.ntk.bench.examples.Density}: the Benigni–Paquette density prediction against one
 *       simulation (§8);</li>
 *   <li>{@link org.ntk.bench.examples.SmallestEigenvalue}: the smallest-eigenvalue bound chain of a
 *       deep ReLU NTK (§6.3).</li>
 * </ul>
 * Each class has a static method that returns its numbers as a record (or text), which {@code main}
 * prints and {@code ExamplesTest} checks. The examples are documentation: they favour clarity over
 * generality and are not an API to depend on.
 */
package org.ntk.bench.examples;
