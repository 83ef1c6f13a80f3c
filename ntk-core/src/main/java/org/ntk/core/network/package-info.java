/**
 * Bias-free ReLU networks with seeded Gaussian weights: the two-layer {@link
 * org.ntk.core.network.ReluNetwork} of MATH.md §0 and the deep MLP of §6.1, with their features,
 * predictions and empirical NTKs. Networks are immutable; the same seed gives the same weights.
 */
package org.ntk.core.network;
