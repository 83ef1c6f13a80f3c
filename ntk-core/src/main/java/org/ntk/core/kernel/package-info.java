/**
 * Kernels on R^d and the matrices they produce: the analytic arc-cosine, two-layer NTK and deep ReLU
 * NTK/NNGP kernels (factories in {@link org.ntk.core.kernel.Kernels}), dense and matrix-free
 * ({@link org.ntk.core.kernel.ImplicitKernelMatrix}) {@link org.ntk.core.kernel.KernelMatrix}
 * implementations, and the Gram assembly hot loop.
 *
 * <p>Gram assembly ({@link org.ntk.core.kernel.HomogeneousKernel#gram(double[][],
 * org.ntk.core.kernel.GramOptions)}): one cache-blocked inner-product pass on one triangle, then the
 * scalar map t ↦ (‖x‖‖y‖)^p h(t), mirrored. The inner-product pass can be supplied by a faster
 * {@link org.ntk.core.kernel.InnerProductBackend} found with {@link java.util.ServiceLoader}
 * ({@link org.ntk.core.kernel.InnerProductBackends}); the pure-Java one is always available. The
 * arc-cosines use {@link org.ntk.core.kernel.Arccos}, a pure-Java port of fdlibm's acos.
 *
 * <p>Guarantees: kernels and matrices are immutable and thread-safe; Gram matrices are exactly
 * symmetric and bitwise identical for every thread count (given the backend); inputs are never
 * modified or retained.
 */
package org.ntk.core.kernel;
