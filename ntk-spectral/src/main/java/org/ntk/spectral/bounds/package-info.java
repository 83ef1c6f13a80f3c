/**
 * Smallest-eigenvalue bounds for deep ReLU NTK Gram matrices (Nguyen–Mondelli–Montúfar 2021,
 * MATH.md §6.3, §7): the Hermite coefficients of ReLU and its derivative ({@link
 * org.ntk.spectral.bounds.ReluHermite}), the deep NTK recursion of §6.2 on a data set as flat dense
 * matrices ({@link org.ntk.spectral.bounds.DeepNtkRecursion}), the deterministic bound chain
 * (Schur product, Hermite/Khatri–Rao, Gershgorin, trace) with a check of every link ({@link
 * org.ntk.spectral.bounds.SmallestEigenvalueBounds}), and the finite-width comparison of an
 * empirical NTK with its infinite-width limit ({@link org.ntk.spectral.bounds.FiniteWidthComparison}),
 * including the finite-width bound chain (Schur per layer, trace) beside the limit's ({@link
 * org.ntk.spectral.bounds.FiniteWidthBounds}).
 *
 * <p>Guarantees: results are immutable records computed eagerly; inputs are never modified or
 * retained; every bound states which inequality it is and whether it holds on the data given.
 * Convention: {@code layers} is the number L of weight layers of Nguyen et al. (L − 1 hidden layers),
 * so K^(L) here is {@code Kernels.deepNtk(L − 1)} of {@code ntk-core}.
 */
package org.ntk.spectral.bounds;
