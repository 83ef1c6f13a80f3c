package org.ntk.spectral.dynamics;

/**
 * The degree-0, 1 and 2 eigenfunctions of the random-feature kernel under x ~ N(0, I_d), normalised
 * to unit L²(N(0, I_d)) norm (MATH.md §3.4, "Orthonormal basis"):
 * <pre>
 *   F̂0 = ‖x‖/√d;   F̂_l = x_l;   F̂_ab = √(d+2) x_a x_b/‖x‖  (a &lt; b);
 *   Ĥ_k = √((d+2)/(2k(k+1))) (x_1² + … + x_k² − k x_{k+1}²)/‖x‖,  k = 1..d−1   (Helmert form)
 * </pre>
 * Indices here are 0-based (a, b, l in [0, d)). At x = 0 every function is 0 (the zero-vector
 * convention of the kernels). Package-private: inputs are trusted.
 */
final class RandomFeatureEigenfunctions {

    private RandomFeatureEigenfunctions() {
    }

    /** The number of degree-2 eigenfunctions, d(d+1)/2 − 1 (MATH.md §3.3). */
    static int degreeTwoCount(int d) {
        return d * (d + 1) / 2 - 1;
    }

    static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** F̂0(x) = ‖x‖/√d. */
    static double radial(double[] x) {
        return norm(x) / Math.sqrt(x.length);
    }

    /** F̂_ab(x) = √(d+2) x_a x_b/‖x‖, a ≠ b. */
    static double product(double[] x, int a, int b) {
        double r = norm(x);
        return r == 0 ? 0 : Math.sqrt(x.length + 2.0) * x[a] * x[b] / r;
    }

    /** Ĥ_k(x), 1 ≤ k ≤ d−1. */
    static double helmert(double[] x, int k) {
        double r = norm(x);
        if (r == 0) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += x[i] * x[i];
        }
        s -= k * x[k] * x[k];
        return Math.sqrt((x.length + 2.0) / (2.0 * k * (k + 1))) * s / r;
    }
}
