/**
 * Symmetric eigensolvers: the {@link org.ntk.spectral.eigen.EigenSolver} contract with a pure-Java
 * implementation ({@link org.ntk.spectral.eigen.CommonsMathEigenSolver}, the independent cross-check),
 * the matrix-free restarted block Lanczos method ({@link org.ntk.spectral.eigen.BlockLanczos}) and the
 * feature-space duality between the FIM and NTK Gram matrices
 * ({@link org.ntk.spectral.eigen.FeatureDuality}, MATH.md §2.2). The LAPACK solver lives in
 * {@code org.ntk.spectral.eigen.nd4j}.
 *
 * <p>Guarantees: matrices are never modified; results follow the conventions of
 * {@link org.ntk.spectral.Decomposition} (non-increasing, unit norm, canonical sign, residuals
 * computed against the input); non-convergence throws {@link org.ntk.spectral.ConvergenceException}.
 * Everything here is deterministic: the same input and seed give bitwise the same result.
 */
package org.ntk.spectral.eigen;
