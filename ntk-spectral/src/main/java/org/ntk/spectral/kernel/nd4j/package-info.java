/**
 * The OpenBLAS-backed inner-product pass of the Gram, cross-kernel and Fisher assemblies of
 * {@code ntk-core}: {@link org.ntk.spectral.kernel.nd4j.OpenBlasInnerProductBackend}, an
 * {@link org.ntk.core.kernel.InnerProductBackend} registered for {@link java.util.ServiceLoader}, which
 * calls {@code cblas_dsyrk} and {@code cblas_dgemm} of the OpenBLAS that ND4J loads
 * ({@code org.bytedeco.openblas}).
 *
 * <p>Guarantees: inputs are never modified or retained; results do not depend on the requested
 * thread count nor on OpenBLAS's own thread count (measured, see {@code docs/performance.md}); the
 * automatic choice uses this backend only at sizes where it measured faster than the pure-Java pass.
 */
package org.ntk.spectral.kernel.nd4j;
