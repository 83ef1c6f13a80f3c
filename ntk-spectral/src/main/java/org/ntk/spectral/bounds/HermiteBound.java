package org.ntk.spectral.bounds;

/**
 * The Hermite (Khatri–Rao power) lower bound on λ_min(G^(2)) for one even order r, with its
 * Gershgorin relaxation (MATH.md §6.3, steps 2–3).
 *
 * <pre>
 * λ_min(G^(2)) ≥ 2 μ_r² λ_min((X Xᵀ)^{∘r}) / max_i ‖x_i‖^{2(r−1)}                        (bound)
 * λ_min((X Xᵀ)^{∘r}) ≥ min_i ‖x_i‖^{2r} − (n − 1) max_{i≠j} |⟨x_i, x_j⟩|^r             (Gershgorin)
 * </pre>
 *
 * <p>(X Xᵀ)^{∘r} = X^{*r}(X^{*r})ᵀ is the Gram matrix of the r-th row-wise Khatri–Rao power. To avoid
 * overflow for large r, the Khatri–Rao quantities are reported <em>normalised</em> by
 * s^r with s = max_i ‖x_i‖²: {@code khatriRaoLambdaMin} = λ_min((X Xᵀ/s)^{∘r}) and
 * {@code gershgorin} = min_i (‖x_i‖²/s)^r − (n − 1) max_{i≠j} |⟨x_i, x_j⟩/s|^r; then
 * {@code bound} = 2 μ_r² s · {@code khatriRaoLambdaMin} and {@code gershgorinBound} = 2 μ_r² s ·
 * {@code gershgorin}, both in the units of G^(2). The factor 2 is c_σ (the paper prints the weaker
 * bound without it, MATH.md §10 item 7). A negative Gershgorin value makes its bound vacuous, not wrong.
 *
 * @param order r, even, ≥ 2
 * @param mu μ_r, the r-th Hermite coefficient of ReLU ({@link ReluHermite#relu(int)})
 * @param khatriRaoLambdaMin λ_min((X Xᵀ/s)^{∘r}), exact (dense eigenvalues)
 * @param gershgorin the Gershgorin lower bound on {@code khatriRaoLambdaMin}
 * @param bound 2 μ_r² λ_min((X Xᵀ)^{∘r}) / max_i ‖x_i‖^{2(r−1)}
 * @param gershgorinBound the same with the Gershgorin value in place of the exact λ_min
 */
public record HermiteBound(int order, double mu, double khatriRaoLambdaMin, double gershgorin, double bound,
        double gershgorinBound) {
}
