/**
 * Fisher information of the output weights of a two-layer ReLU network (MATH.md §2): the exact
 * m×m matrix J = E_x[φ(Wᵀx) φ(Wᵀx)ᵀ] for x ~ N(0, I_d), which is the {@code arccos1} Gram matrix of
 * the hidden weight vectors, and its empirical estimate (1/n) ΦᵀΦ over a sample.
 *
 * <p>Guarantees: results are immutable, exactly symmetric and bitwise identical for every thread
 * count (with the pure-Java inner-product backend); inputs are never modified or retained.
 */
package org.ntk.core.fisher;
