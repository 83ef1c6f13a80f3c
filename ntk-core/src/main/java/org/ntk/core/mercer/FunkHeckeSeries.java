package org.ntk.core.mercer;

/**
 * Funk–Hecke coefficients from the Taylor series of the profile: for h(t) = Σ_n a_n t^n with
 * a_n ≥ 0 (every positive-definite dot-product kernel on all spheres has such a series,
 * Schoenberg),
 *
 * <pre>
 *   N(d,k) μ_k = Σ_{n ≥ k, n ≡ k (mod 2)} a_n · N(d,k) E[s_1^n P_k(s_1)],
 *   E[s_1^n P_k(s_1)] = n! Γ(j+1/2) Γ(d/2) / (√π 2^k (n−k)! Γ(d/2 + j + k)),   j = (n−k)/2
 * </pre>
 *
 * (Rodrigues' formula and k integrations by parts; every term is non-negative, so there is no
 * cancellation and the result has a relative error of a few ulps per term used, even where μ_k is
 * 10^{−140} and far below the round-off of the profile's values). The factor
 * N(d,k) E[s^k P_k] = (2k+d−2)/d · Π_{i=1}^{k−1}(d−2+i)/(d+2i) starts the recurrence
 * E[s^{n+2} P_k]/E[s^n P_k] = (n+2)(n+1)(j+1/2) / ((n+2−k)(n+1−k)(d/2+k+j)), so nothing overflows.
 *
 * <p>The terms decay like n^{−(d−1)/2 − β} when a_n ~ n^{−β}; the summation stops when the
 * estimated tail 2 T_n · max(r/(1−r), n/(2(γ−1))) falls below 1e−17 of the sum, with r the last term
 * ratio and γ the smaller of the local decay exponent (from the last two terms) and (d+2)/2, the
 * asymptotic exponent of the slowest kernels recognised here (β ≥ 3/2; the deep kernels approach it
 * from below). If the coefficients run out first, that tail estimate is the error bound.
 * Thread-safe (no state).
 */
final class FunkHeckeSeries {

    private static final double TOLERANCE = 1e-17;

    private FunkHeckeSeries() {
    }

    /** N(d,k)·μ_k, its absolute error bound, and whether the tail criterion was met. */
    record Share(double value, double errorBound, boolean converged) {
    }

    /**
     * Sums the series for degree k in dimension d ≥ 2 with the coefficients a[0..a.length).
     */
    static Share share(double[] a, int d, int k) {
        double nm;
        if (k == 0) {
            nm = 1;
        } else {
            nm = (2.0 * k + d - 2) / d;
            for (int i = 1; i < k; i++) {
                nm *= (d - 2.0 + i) / (d + 2.0 * i);
            }
        }
        double eps = Math.ulp(1.0);
        double gammaSlowest = 0.5 * (d + 2);
        // Neumaier-compensated sum; roundOff accumulates each term's own relative error bound
        // (≈ 3ε per recurrence step plus the start product and the coefficient's error)
        double sum = 0;
        double compensation = 0;
        double roundOff = 0;
        double lastTerm = 0;
        double prevTerm = 0;
        double tail = Double.POSITIVE_INFINITY;
        boolean converged = false;
        int n = k;
        for (; n < a.length; n += 2) {
            double term = a[n] * nm;
            double t = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
            roundOff += term * ((3.0 * (n - k) / 2 + 2.0 * k + 4 + 2.0 * n) * eps);
            if (term > 0) {
                prevTerm = lastTerm;
                lastTerm = term;
            }
            if (prevTerm > 0 && lastTerm < prevTerm) {
                double r = lastTerm / prevTerm;
                double geometric = r / (1 - r);
                // local power-law exponent from the last two terms; the decay may approach its
                // asymptotic exponent from below (observed for the deep kernels), so the smaller of
                // the two bounds the remaining decay, and the estimate is doubled for safety
                double local = n > k + 2 ? Math.log(prevTerm / lastTerm) / Math.log((double) n / (n - 2)) : gammaSlowest;
                double gamma = Math.min(local, gammaSlowest);
                double power = gamma > 1 ? n / (2 * (gamma - 1)) : Double.POSITIVE_INFINITY;
                tail = 2 * lastTerm * Math.max(geometric, power);
                if (tail <= TOLERANCE * (sum + compensation)) {
                    converged = true;
                    break;
                }
            }
            int j = (n - k) / 2;
            nm *= (n + 2.0) * (n + 1.0) / ((n + 2.0 - k) * (n + 1.0 - k)) * ((j + 0.5) / (0.5 * d + k + j));
            if (nm == 0) {
                converged = true;
                tail = 0;
                break;
            }
        }
        sum += compensation;
        if (sum == 0) {
            // every available coefficient of this parity is zero: nothing to bound the tail with
            return new Share(0, Double.POSITIVE_INFINITY, false);
        }
        return new Share(sum, tail + roundOff + eps * sum, converged);
    }
}
