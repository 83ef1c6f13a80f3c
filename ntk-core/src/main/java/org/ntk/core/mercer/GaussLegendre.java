package org.ntk.core.mercer;

/**
 * The n-point Gauss–Legendre rule on [−1, 1]: nodes by Newton's method on P_n from the asymptotic
 * initial guesses cos(π(i − 1/4)/(n + 1/2)), weights 2/((1 − x²) P_n'(x)²). Accurate to a few ulps for
 * the small n used here. Immutable.
 */
final class GaussLegendre {

    private final double[] nodes;
    private final double[] weights;

    GaussLegendre(int n) {
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 1; k < n; k++) {
                    double p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
                    p0 = p1;
                    p1 = p2;
                }
                // p1 = P_n(x), p0 = P_{n−1}(x)
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) <= 1e-17) {
                    break;
                }
            }
            double p0 = 1;
            double p1 = x;
            for (int k = 1; k < n; k++) {
                double p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
                p0 = p1;
                p1 = p2;
            }
            dp = n * (x * p1 - p0) / (x * x - 1);
            double w = 2 / ((1 - x * x) * dp * dp);
            nodes[i] = x;
            nodes[n - 1 - i] = -x;
            weights[i] = w;
            weights[n - 1 - i] = w;
        }
        if (n % 2 == 1) {
            nodes[n / 2] = 0;
        }
    }

    int size() {
        return nodes.length;
    }

    double node(int i) {
        return nodes[i];
    }

    double weight(int i) {
        return weights[i];
    }
}
