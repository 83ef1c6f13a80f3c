package org.ntk.bench.examples;

import java.util.Arrays;
import java.util.Locale;

import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.sampling.Gaussians;
import org.ntk.spectral.Spectra;

/**
 * Analytic kernels: a Gram matrix, a cross matrix, a deep-NTK value, and the top eigenvalues of a
 * matrix-free Gram matrix by block Lanczos, checked against the dense decomposition and compared
 * (divided by n) with the Mercer eigenvalues λ0 = d²c_d², λ1 = 1/4 (MATH.md §1, §3.4, §6.2).
 */
public final class KernelGram {

    /** The numbers this example prints; eigenvalues are of K/n. */
    public record Result(int n, int d, double trace, double crossEntry, double valueEntry, double deepNtkAtHalf,
            double[] topImplicit, double[] topDense) {
    }

    private KernelGram() {
    }

    /** Runs the example on n standard Gaussian points in R^d. */
    public static Result run(int n, int d, int top, long seed) {
        double[][] x = Gaussians.standardNormal(n, d, seed);
        HomogeneousKernel k = Kernels.arcCosine(1);                    // ‖x‖‖y‖ κ1(cos θ), MATH.md §1
        KernelMatrix gram = k.gram(x);                                  // dense n×n, all cores
        double[][] y = Gaussians.standardNormal(3, d, seed + 1);        // three test points
        double[][] cross = k.cross(y, x);                               // 3×n, C_ij = k(y_i, x_j)
        double[] u = new double[d];
        double[] v = new double[d];
        u[0] = 1;
        v[0] = 0.5;
        v[1] = Math.sqrt(0.75);                                         // unit vectors, u·v = 1/2
        double deep = Kernels.deepNtk(2).value(u, v);                   // K^(3)(1/2), MATH.md §6.2
        KernelMatrix implicit = ImplicitKernelMatrix.of(k, x);          // never stores n×n
        double[] fast = Spectra.top(implicit, top).eigenvalues();       // block Lanczos
        double[] dense = Arrays.copyOf(Spectra.eigenvalues(gram), top); // LAPACK dsyevd
        for (int i = 0; i < top; i++) {
            fast[i] /= n;
            dense[i] /= n;
        }
        return new Result(n, d, gram.trace(), cross[0][0], k.value(y[0], x[0]), deep, fast, dense);
    }

    /** Prints the example for n = 1000 points in d = 5. */
    public static void main(String[] args) {
        Result r = run(1000, 5, 6, 1);
        System.out.printf(Locale.ROOT, "n = %d, d = %d: trace K = %.4f; cross[0][0] = %.15f = value %.15f%n",
                r.n(), r.d(), r.trace(), r.crossEntry(), r.valueEntry());
        System.out.printf(Locale.ROOT, "deep-ntk, 2 hidden layers, at cos = 1/2: %.10f%n", r.deepNtkAtHalf());
        System.out.println("top eigenvalues of K/n, Lanczos: " + Arrays.toString(r.topImplicit()));
        System.out.println("top eigenvalues of K/n, dense:   " + Arrays.toString(r.topDense()));
        System.out.printf(Locale.ROOT, "Mercer (n → ∞): λ0 = 225/256 = %.6f, then λ1 = 0.25 five times%n",
                225.0 / 256);
    }
}
