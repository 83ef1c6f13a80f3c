/**
 * Gradient descent and gradient flow of two-layer ReLU networks predicted from the kernel spectrum
 * (MATH.md §5): why the eigenvalues matter.
 *
 * <p><b>Output layer only (exact linear model).</b> {@link org.ntk.spectral.dynamics.OutputLayerDescent}
 * really runs gradient descent on the output weights v of f_v(x) = m^{-1/2} v·φ(Wᵀx) (W frozen) with
 * the loss (1/2n) Σ (f − y)² on a finite sample, and records the loss and the residual's projections on
 * chosen {@link org.ntk.spectral.dynamics.SampleDirections} (eigenfunctions orthonormalised on the
 * sample, or eigenvectors of K/n). In function space the residual evolves exactly as
 * r ← (I − η K/n) r, K = (1/m)ΦΦᵀ, so {@link org.ntk.spectral.dynamics.SampleSpectrum} (the
 * eigenpairs of K/n) predicts every projection: (1 − ηΛ_i)^t for discrete steps, exp(−Λ_i η t) for
 * gradient flow. In the population limit Λ → λ_k, the Mercer eigenvalues of
 * {@link org.ntk.spectral.dynamics.PopulationEigenvalues} (MATH.md §3.4).
 * {@link org.ntk.spectral.dynamics.DecayRates} fits observed rates and computes predicted ones.
 *
 * <p><b>Experiments.</b> {@link org.ntk.spectral.dynamics.EigenfunctionDecay}: observed vs predicted
 * decay rate per eigenfunction. {@link org.ntk.spectral.dynamics.SimplicityBias}: seed 000's ‖x‖ vs
 * x_1x_2/‖x‖ learning times and their ratio. {@link org.ntk.spectral.dynamics.KernelMovement}: with
 * both layers trained ({@link org.ntk.spectral.dynamics.BothLayersDescent}), how far the empirical NTK
 * moves from initialisation as the width grows.
 *
 * <p><b>Guarantees.</b> Results are immutable records (arrays copied in and out); runs are seeded and
 * reproducible, and bitwise identical for every thread count (fixed block partitions, fixed summation
 * order, a private executor per run, never the common pool); long runs report to a
 * {@link org.ntk.core.progress.ProgressListener}; every public argument is validated
 * (NullPointerException naming a null argument, IllegalArgumentException
 * "&lt;argument&gt; &lt;rule&gt;, got &lt;value&gt;"); a diverging run (η above 2/Λ_max) throws
 * ArithmeticException.
 */
package org.ntk.spectral.dynamics;
