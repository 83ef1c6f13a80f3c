/**
 * Exact Mercer spectra of the homogeneous kernels ‖x‖^p‖y‖^p h(x̂·ŷ) under Gaussian input
 * (MATH.md §3.3): Funk–Hecke eigenvalues for every degree, their multiplicities N(d, k), and the
 * captured and residual fractions of the trace; with the sphere constants and zonal harmonics they
 * are built from.
 *
 * <p>Front door: {@link org.ntk.core.mercer.MercerSpectra#of}. Guarantees: results are immutable
 * records; every eigenvalue states how it was obtained (closed form, exact zero by parity,
 * non-negative series, quadrature, or below resolution) and carries an absolute error bound; a value
 * not resolved beyond its bound is reported as 0 and below resolution, never as noise (rule:
 * {@link org.ntk.core.mercer.MercerDegree}); nothing overflows or turns subnormal for d up to 10⁵ and
 * beyond and degrees up to 1000 and beyond (multiplicities, trace shares and the normalisation are
 * handled in log or ratio form). Everything is a pure function of its arguments and thread-safe.
 */
package org.ntk.core.mercer;
