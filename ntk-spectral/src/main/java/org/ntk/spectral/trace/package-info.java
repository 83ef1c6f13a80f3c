/**
 * Traces of kernel and Fisher information matrices: the exact split of tr K into the part captured
 * by theoretical eigenspaces and the residual ({@link org.ntk.spectral.trace.ResidualTrace}), and
 * stochastic estimators of tr K for operators known only through products K V
 * ({@link org.ntk.spectral.trace.TraceEstimator}: Hutchinson, Hutch++ and XTrace).
 *
 * <p>Guarantees: estimators use only {@code KernelMatrix.size()} and the block
 * {@code multiply(v, out, k)}; every estimator is unbiased and reports its standard error and the
 * number of matrix–vector products it spent; the same seed gives a bitwise identical result; results
 * are immutable records; inputs are never modified or retained. Pure Java (no ND4J): the dense work
 * besides the products is a Householder thin QR and small block products, O(n k²) for k probes.
 */
package org.ntk.spectral.trace;
