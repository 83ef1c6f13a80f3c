package org.ntk.bench.examples;

import java.util.Locale;

import org.ntk.core.fisher.ClusterPrediction;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.spectral.Decomposition;
import org.ntk.spectral.Spectra;

/**
 * A first spectrum (README's example): the exact Fisher information J of a random two-layer ReLU
 * network with hidden weights N(0, 1/d), all its eigenpairs by LAPACK, and the top eigenvalue against
 * its exact large-m limit m·d·c_d² and the papers' m(2d+1)/(4πd) (MATH.md §2.1, §2.3).
 */
public final class FirstSpectrum {

    /** The numbers this example prints. */
    public record Result(int d, int m, double lambda1, double exactLimit, double papersValue, double trace,
            double eigenvalueSum, double maxResidual) {

        /** The exact limit rescaled by this draw's trace J / E[trace J] (E[trace J] = m/2, MATH.md §2.1). */
        public double adjustedLimit() {
            return exactLimit * trace / (0.5 * m);
        }
    }

    private FirstSpectrum() {
    }

    /** Computes the spectrum of J for one network with d inputs, m hidden units and the given seed. */
    public static Result run(int d, int m, long seed) {
        ReluNetwork net = ReluNetwork.random(d, m, WeightScale.FAN_IN, seed);
        KernelMatrix fim = FisherInformation.analytic(net);   // J_jk = ‖w_j‖‖w_k‖ κ1(cos θ_jk)
        Decomposition eig = Spectra.decompose(fim);            // LAPACK dsyevd, all m pairs
        double[] lambda = eig.eigenvalues();                   // non-increasing
        double sum = 0;
        for (double l : lambda) {
            sum += l;
        }
        ClusterPrediction top = ClusterPrediction.of(d, m, WeightScale.FAN_IN).get(0);
        return new Result(d, m, lambda[0], top.exactLimit(), top.papersValue(), fim.trace(), sum,
                eig.maxResidual());
    }

    /** Prints the example for d = 10, m = 2000, seed 1. */
    public static void main(String[] args) {
        Result r = run(10, 2000, 1);
        System.out.printf(Locale.ROOT, "d = %d, m = %d: λ1 = %.2f (exact limit m·d·c_d² = %.2f, papers %.2f,"
                + " limit adjusted to this draw's trace %.2f)%n", r.d(), r.m(), r.lambda1(), r.exactLimit(),
                r.papersValue(), r.adjustedLimit());
        System.out.printf(Locale.ROOT, "trace J = %.2f (expected m/2 = %d), Σλ = %.2f, max residual %.1e%n",
                r.trace(), r.m() / 2, r.eigenvalueSum(), r.maxResidual());
    }
}
