package org.ntk.core.kernel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A 50-digit reference for the deep ReLU NTK/NNGP profiles on unit vectors (MATH.md §6.2), for
 * tests: the recursion ρ_{l+1} = kappa1_nrm(ρ_l), Ġ = kappa0_nrm(ρ_l), K_{l+1} = K_l Ġ + ρ_{l+1}
 * evaluated literally in {@link BigDecimal}, with arccos by Newton's method on cos and sin, cos by
 * their Taylor series. Independent of the library's double-precision gap formulation.
 */
final class HighPrecisionDeepKernel {

    private static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459");
    private static final BigDecimal TINY = new BigDecimal("1e-56");

    private HighPrecisionDeepKernel() {
    }

    /** {K_{h+1}(t), ρ_{h+1}(t)} for the double t in [−1, 1], taken as exact. */
    static double[] evaluate(double t, int hiddenLayers) {
        BigDecimal rho = new BigDecimal(t);
        BigDecimal k = rho;
        for (int l = 0; l < hiddenLayers; l++) {
            BigDecimal theta = acos(rho);
            BigDecimal sin = sin(theta);
            BigDecimal piMinus = PI.subtract(theta, MC);
            BigDecimal gdot = piMinus.divide(PI, MC);
            BigDecimal next = sin.add(piMinus.multiply(rho, MC), MC).divide(PI, MC);
            k = k.multiply(gdot, MC).add(next, MC);
            rho = next;
        }
        return new double[] {k.doubleValue(), rho.doubleValue()};
    }

    private static BigDecimal cos(BigDecimal x) {
        return series(x, BigDecimal.ONE, 0);
    }

    private static BigDecimal sin(BigDecimal x) {
        return series(x, x, 1);
    }

    /** Σ_k (−1)^k x^{2k+start}/(2k+start)!, first term given. */
    private static BigDecimal series(BigDecimal x, BigDecimal first, int start) {
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = first;
        BigDecimal sum = first;
        for (int n = start; term.abs().compareTo(TINY) > 0; n += 2) {
            term = term.multiply(x2, MC).divide(BigDecimal.valueOf((long) (n + 1) * (n + 2)), MC).negate();
            sum = sum.add(term, MC);
        }
        return sum;
    }

    /** arccos x for x in [−1, 1] by Newton's method θ ← θ + (cos θ − x)/sin θ. */
    static BigDecimal acos(BigDecimal x) {
        int c1 = x.compareTo(BigDecimal.ONE);
        if (c1 >= 0) {
            return BigDecimal.ZERO;
        }
        if (x.compareTo(BigDecimal.ONE.negate()) <= 0) {
            return PI;
        }
        double xd = x.doubleValue();
        double start;
        if (xd > 0.99) {
            start = Math.sqrt(2 * BigDecimal.ONE.subtract(x, MC).doubleValue());
        } else if (xd < -0.99) {
            start = Math.PI - Math.sqrt(2 * BigDecimal.ONE.add(x, MC).doubleValue());
        } else {
            start = Math.acos(xd);
        }
        BigDecimal theta = new BigDecimal(start);
        for (int it = 0; it < 12; it++) {
            BigDecimal step = cos(theta).subtract(x, MC).divide(sin(theta), MC);
            theta = theta.add(step, MC);
            if (step.abs().compareTo(theta.multiply(TINY, MC)) <= 0) {
                break;
            }
        }
        return theta;
    }
}
