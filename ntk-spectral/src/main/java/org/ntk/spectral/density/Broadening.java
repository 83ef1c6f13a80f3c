package org.ntk.spectral.density;

/**
 * The smoothing kernel that turns a discrete spectral measure into a density on a grid.
 *
 * <p>{@link #CAUCHY} of width η is the Poisson kernel η/(π((x−λ)² + η²)): smoothing a measure μ with
 * it gives exactly Im m_μ(x + iη)/π, where m_μ(z) = ∫ dμ(λ)/(λ − z) is the Stieltjes transform (MATH.md
 * §8.4), which is how the predicted and empirical Benigni–Paquette densities are compared. Its tails are
 * heavy: a fraction of about 2η/(π·distance) of each atom's mass lies beyond a given distance.
 * {@link #GAUSSIAN} of width σ is the normal density exp(−(x−λ)²/(2σ²))/(σ√(2π)), with light tails,
 * the usual choice for stochastic Lanczos quadrature.
 */
public enum Broadening {

    /** The normal density of standard deviation σ = width. */
    GAUSSIAN {
        @Override
        public double kernel(double x, double width) {
            double u = x / width;
            return Math.exp(-0.5 * u * u) / (width * SQRT_2PI);
        }
    },

    /** The Cauchy (Poisson) density of half-width η = width. */
    CAUCHY {
        @Override
        public double kernel(double x, double width) {
            return width / (Math.PI * (x * x + width * width));
        }
    };

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    /**
     * The kernel's density at offset x for the given width; integrates to 1 over x.
     *
     * @param x the offset from the atom
     * @param width σ or η, &gt; 0 (not checked here; callers validate)
     */
    public abstract double kernel(double x, double width);
}
