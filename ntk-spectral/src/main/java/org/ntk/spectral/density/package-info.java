/**
 * Spectral densities: estimated ones of any {@link org.ntk.core.kernel.KernelMatrix} by stochastic
 * Lanczos quadrature ({@link org.ntk.spectral.density.StochasticLanczosQuadrature}), and predicted ones
 * from random-matrix theory: the Marchenko–Pastur law ({@link org.ntk.spectral.density.MarchenkoPastur}),
 * the Silverstein equation for sample-covariance-type matrices with a population law H
 * ({@link org.ntk.spectral.density.SilversteinEquation}), and the Benigni–Paquette model of the
 * first-layer NTK in the quadratic scaling n ≍ d² with its limit law, atom and outliers
 * ({@link org.ntk.spectral.density.BenigniPaquetteModel}, MATH.md §8).
 *
 * <p>Guarantees: results are immutable ({@link org.ntk.spectral.density.DiscreteSpectralMeasure},
 * {@link org.ntk.spectral.density.SlqEstimate}, {@link org.ntk.spectral.density.DensityPrediction},
 * {@link org.ntk.spectral.density.BenigniPaquetteSimulation}) with arrays copied in and out; random
 * draws are seeded and bitwise reproducible for every thread count; densities on a grid are either
 * Gaussian- or Cauchy-smoothed with an explicit width, the Cauchy width η being the imaginary part of
 * the spectral argument z = x + iη, so that predicted and empirical densities are compared like for
 * like. The predicted densities are of the absolutely continuous part; atoms at 0 and outliers are
 * reported separately.
 */
package org.ntk.spectral.density;
