package org.ntk.spectral.dynamics;

import java.util.function.DoubleUnaryOperator;

/**
 * The time at which a decreasing relative-loss curve first reaches a level ε. Package-private.
 *
 * <p>Between two recorded steps the loss of gradient descent on a linear model is a sum of geometric
 * terms; when one dominates, ln L is linear in t, so the crossing is interpolated linearly in ln L.
 * This is exact for a single eigencomponent and makes times fractional (a finer measure than the
 * first step below ε).
 */
final class LossTimes {

    private LossTimes() {
    }

    /**
     * The fractional step at which {@code curve} (values at steps 0, 1, 2, …) first falls to ε or
     * below, interpolated in ln L; 0 if curve[0] ≤ ε; NaN if it never does.
     */
    static double crossing(double[] curve, double epsilon) {
        if (curve[0] <= epsilon) {
            return 0;
        }
        for (int t = 1; t < curve.length; t++) {
            if (curve[t] <= epsilon) {
                if (!(curve[t] > 0)) {
                    return t;
                }
                double a = Math.log(curve[t - 1]);
                double b = Math.log(curve[t]);
                return t - 1 + (a - Math.log(epsilon)) / (a - b);
            }
        }
        return Double.NaN;
    }

    /**
     * The time t in [0, tMax] at which a continuous non-increasing curve equals ε (bisection to
     * 1e−12 relative); 0 if curve(0) ≤ ε; NaN if curve(tMax) &gt; ε.
     */
    static double crossing(DoubleUnaryOperator curve, double epsilon, double tMax) {
        if (curve.applyAsDouble(0) <= epsilon) {
            return 0;
        }
        if (curve.applyAsDouble(tMax) > epsilon) {
            return Double.NaN;
        }
        double lo = 0;
        double hi = tMax;
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (curve.applyAsDouble(mid) > epsilon) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
