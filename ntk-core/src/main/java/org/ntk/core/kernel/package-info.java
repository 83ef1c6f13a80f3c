/**
 * Kernels on R^d and the matrices they produce: the analytic arc-cosine, two-layer NTK and deep ReLU
 * NTK/NNGP kernels (factories in {@link org.ntk.core.kernel.Kernels}), dense and matrix-free
 * {@link org.ntk.core.kernel.KernelMatrix} implementations and the Gram assembly hot loop.
 *
 * <p>Guarantees: kernels and matrices are immutable and thread-safe; Gram matrices are exactly
 * symmetric and bitwise identical for every thread count; inputs are never modified or retained.
 */
package org.ntk.core.kernel;
