package org.ntk.spectral.density;

/**
 * The function φ = σ' of the Benigni–Paquette model (MATH.md §8.1), with its Hermite constants
 * under G ~ N(0, 1) (MATH.md §8.3).
 *
 * <pre>
 * a0 = E[φ(G)],  a1 = E[G φ(G)] = E[φ'(G)],  E φ² = E[φ(G)²],  c⊥ = E φ² − a0² − a1²
 *
 * φ         a0    a1                         E φ²            c⊥
 * STEP      1/2   1/√(2π) = 0.3989422804     1/2             1/4 − 1/(2π) = 0.0908450569
 * LOGISTIC  1/2   0.2066209641               0.2933790359    0.0006868130
 * </pre>
 *
 * <p>STEP uses the closed forms (Gauss–Hermite converges badly across the jump). LOGISTIC (the
 * derivative of softplus) uses a 200-node Gauss–Hermite rule computed once (Golub–Welsch on the
 * Hermite Jacobi matrix); the integrand is analytic in the strip |Im g| &lt; π, so the rule is exact to
 * rounding (about 1e−15). By symmetry a0 = 1/2 and, since σ' = σ(1 − σ), a1 = 1/2 − E φ².
 */
public enum ActivationDerivative {

    /** step(g) = 1{g &gt; 0}, the derivative of ReLU (with φ(0) = 0). */
    STEP {
        @Override
        public double value(double g) {
            return g > 0 ? 1.0 : 0.0;
        }

        @Override
        public double a0() {
            return 0.5;
        }

        @Override
        public double a1() {
            return 1 / Math.sqrt(2 * Math.PI);
        }

        @Override
        public double secondMoment() {
            return 0.5;
        }
    },

    /** logistic(g) = 1/(1 + e^{−g}), the derivative of softplus σ(g) = log(1 + e^g). */
    LOGISTIC {
        @Override
        public double value(double g) {
            return 1 / (1 + Math.exp(-g));
        }

        @Override
        public double a0() {
            return LogisticMoments.A0;
        }

        @Override
        public double a1() {
            return LogisticMoments.A1;
        }

        @Override
        public double secondMoment() {
            return LogisticMoments.M2;
        }
    };

    /** φ(g). */
    public abstract double value(double g);

    /** a0 = E[φ(G)]. */
    public abstract double a0();

    /** a1 = E[G φ(G)]. */
    public abstract double a1();

    /** E[φ(G)²]. */
    public abstract double secondMoment();

    /** c⊥ = E[φ(G)²] − a0² − a1², the variance of the non-linear part φ_⊥. */
    public double orthogonalVariance() {
        double a0 = a0();
        double a1 = a1();
        return secondMoment() - a0 * a0 - a1 * a1;
    }

    /**
     * Reads the command-line name {@code step} or {@code logistic} (case-insensitive).
     *
     * @param name the text
     * @throws NullPointerException if name is null
     * @throws IllegalArgumentException if it is neither name
     */
    public static ActivationDerivative parse(String name) {
        java.util.Objects.requireNonNull(name, "name");
        for (ActivationDerivative a : values()) {
            if (a.cliName().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation must be step or logistic, got " + name);
    }

    /** The name as on the command line: {@code step} or {@code logistic}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Gauss–Hermite moments of the logistic function, computed once on first use. */
    private static final class LogisticMoments {
        static final int NODES = 200;
        static final double A0;
        static final double A1;
        static final double M2;

        static {
            double[][] rule = gaussHermite(NODES);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            for (int k = 0; k < NODES; k++) {
                double g = rule[0][k];
                double w = rule[1][k];
                double f = 1 / (1 + Math.exp(-g));
                s0 += w * f;
                s1 += w * g * f;
                s2 += w * f * f;
            }
            A0 = s0;
            A1 = s1;
            M2 = s2;
        }
    }

    /**
     * The n-node Gauss rule for N(0, 1): the Jacobi matrix of the probabilists' Hermite polynomials has
     * zero diagonal and off-diagonal √k (Golub–Welsch).
     */
    static double[][] gaussHermite(int n) {
        double[] beta = new double[n - 1];
        for (int k = 1; k < n; k++) {
            beta[k - 1] = Math.sqrt(k);
        }
        return GaussQuadrature.rule(new double[n], beta);
    }
}
