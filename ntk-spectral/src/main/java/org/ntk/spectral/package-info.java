/**
 * Spectral analysis of kernel, NTK and Fisher-information matrices; {@link org.ntk.spectral.Spectra}
 * is the front door.
 *
 * <p>Guarantees: every result is immutable and thread-safe; eigenvalues are non-increasing;
 * eigenvectors have unit norm and canonical sign (largest-magnitude entry positive); nothing is
 * rounded to zero and every threshold is an explicit argument; matrices and arrays passed in are
 * never modified or retained; a numerical method that does not reach its tolerance throws
 * {@link org.ntk.spectral.ConvergenceException} rather than returning an inaccurate result.
 */
package org.ntk.spectral;
