/**
 * Fisher information of the output weights of a two-layer ReLU network (MATH.md §2) and its theory.
 *
 * <ul>
 *   <li>{@link org.ntk.core.fisher.FisherInformation}: the exact m×m matrix
 *       J = E_x[φ(Wᵀx) φ(Wᵀx)ᵀ] for x ~ N(0, I_d), which is the {@code arccos1} Gram matrix of the
 *       hidden weight vectors, and its empirical estimate (1/n) ΦᵀΦ over a sample.</li>
 *   <li>{@link org.ntk.core.fisher.ClusterPrediction}: the three eigenvalue clusters of §2.3 (exact
 *       large-m limits and the papers' values) and the trace fraction frac(d) of §2.4.</li>
 *   <li>{@link org.ntk.core.fisher.FimEigenvectorFamilies}: the theoretical eigenvectors of §2.3/§3.6
 *       (u1 ∝ column norms, rows of W, q^{ab}, s^a) for a given network.</li>
 *   <li>{@link org.ntk.core.fisher.TheoremLimits}: the seed-002 theorem limits of §4 — the function
 *       each eigenvector becomes, g_u(x)/√m — and the mean absolute error against them.</li>
 * </ul>
 *
 * <p>Guarantees: results are immutable, exactly symmetric and bitwise identical for every thread
 * count (with the pure-Java inner-product backend); inputs are never modified or retained.
 */
package org.ntk.core.fisher;
