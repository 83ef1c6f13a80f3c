/**
 * Eigenfunction bases of the homogeneous kernels under Gaussian input (MATH.md §3.4): the seed
 * papers' functions ‖x‖, x_l, x_a x_b/‖x‖, (x_g² − x_1²)/‖x‖ in raw and orthonormal (Helmert) form,
 * batch evaluation, exact second moments under N(0, I_d), and the exact (and papers') eigenvalue of
 * each degree group for any kernel.
 *
 * <p>Guarantees: bases are immutable and thread-safe; inputs are never modified or retained; every
 * returned array is fresh; the moments and eigenvalues are closed forms or come from
 * {@link org.ntk.core.mercer.MercerSpectra} with their error bounds.
 */
package org.ntk.core.basis;
