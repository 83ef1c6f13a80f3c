/**
 * Bias-free ReLU networks with seeded Gaussian weights: the two-layer {@link
 * org.ntk.core.network.ReluNetwork} of MATH.md §0 and the deep MLP {@link
 * org.ntk.core.network.DeepReluNetwork} of §6.1, with their features, predictions and empirical
 * (finite-width) NTKs: {@link org.ntk.core.network.DeepReluNetwork#empiricalNtk} (J Jᵀ over all
 * weights, unscaled, with its layer-wise terms) and {@link org.ntk.core.network.TwoLayerEmpiricalNtk}
 * (the 1/m-normalised two-layer NTKs of §3.1–§3.2).
 *
 * <p>Guarantees: networks are immutable and thread-safe; the same seed gives the same weights;
 * arrays passed in are never modified or retained and arrays returned are fresh copies. Empirical
 * NTKs are assembled from matrix products (no per-parameter Jacobian), are exactly symmetric, treat
 * ReLU'(0) as 0, and are bitwise identical for every thread count.
 */
package org.ntk.core.network;
