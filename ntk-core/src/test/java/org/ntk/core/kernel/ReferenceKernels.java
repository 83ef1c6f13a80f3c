package org.ntk.core.kernel;

/**
 * Independent per-entry reference formulas for the tests: {@link StrictMath} everywhere, the angle θ
 * and sin θ instead of √(1 − t²), and for the deep kernels the 2×2 matrix recursion of MATH.md §6.2
 * with the actual diagonals G_ii = ‖x_i‖² rather than the library's unit-vector shortcut.
 */
final class ReferenceKernels {

    private ReferenceKernels() {
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }

    /** The reference cosine (NaN-free: 0 for a zero vector), clamped. */
    static double cosine(double[] x, double[] y) {
        double nx = StrictMath.sqrt(dot(x, x));
        double ny = StrictMath.sqrt(dot(y, y));
        if (nx == 0 || ny == 0) {
            return 0;
        }
        double t = dot(x, y) / (nx * ny);
        return Math.max(-1, Math.min(1, t));
    }

    /** kappa0_nrm(ρ) = (π − θ)/π. */
    static double kappa0nrm(double rho) {
        return (StrictMath.PI - StrictMath.acos(rho)) / StrictMath.PI;
    }

    /** kappa1_nrm(ρ) = (sin θ + (π − θ) cos θ)/π. */
    static double kappa1nrm(double rho) {
        double th = StrictMath.acos(rho);
        return (StrictMath.sin(th) + (StrictMath.PI - th) * rho) / StrictMath.PI;
    }

    /**
     * The reference value of a named kernel (names as on the command line; depth for deep kernels).
     */
    static double value(String name, int depth, double[] x, double[] y) {
        double nx = StrictMath.sqrt(dot(x, x));
        double ny = StrictMath.sqrt(dot(y, y));
        if (nx == 0 || ny == 0) {
            return 0;
        }
        double t = cosine(x, y);
        double th = StrictMath.acos(t);
        double pi = StrictMath.PI;
        switch (name) {
            case "arccos0":
                return (pi - th) / (2 * pi);
            case "arccos1":
                return nx * ny * (StrictMath.sin(th) + (pi - th) * t) / (2 * pi);
            case "ntk2":
                return nx * ny * (StrictMath.sin(th) + 2 * (pi - th) * t) / (2 * pi);
            case "deep-ntk":
            case "deep-nngp": {
                double g11 = dot(x, x);
                double g22 = dot(y, y);
                double g12 = dot(x, y);
                double k12 = g12;
                for (int l = 2; l <= depth + 1; l++) {
                    double s = StrictMath.sqrt(g11 * g22);
                    double rho = Math.max(-1, Math.min(1, g12 / s));
                    double g11n = g11 * kappa1nrm(1.0);
                    double g22n = g22 * kappa1nrm(1.0);
                    double g12n = s * kappa1nrm(rho);
                    k12 = k12 * kappa0nrm(rho) + g12n;
                    g11 = g11n;
                    g22 = g22n;
                    g12 = g12n;
                }
                return name.equals("deep-ntk") ? k12 : g12;
            }
            default:
                throw new AssertionError(name);
        }
    }
}
