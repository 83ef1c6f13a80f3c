package org.ntk.bench.examples;

import java.util.Locale;

import org.ntk.spectral.dynamics.SimplicityBias;
import org.ntk.spectral.dynamics.SimplicityBiasResult;
import org.ntk.spectral.dynamics.TargetLearning;

/**
 * The simplicity bias of seed 000 (MATH.md §5): gradient descent on the output layer learns ‖x‖
 * (eigenvalue λ0) long before x_1x_2/‖x‖ (λ2 = λ0/(d+1)²), and the eigenvalues predict the ratio
 * of the learning times: exactly from the spectrum of K/n, approximately from one eigenvalue per
 * cluster of K/n, and in the gradient-flow limit as λ0/λ2 = (d+1)².
 */
public final class Dynamics {

    private Dynamics() {
    }

    /** Runs gradient descent (η = 0.2, 400 steps, loss level 10%) for d = 5, n = 400, m = 2000. */
    public static SimplicityBiasResult run(long seed) {
        return new SimplicityBias(5, 400, 2000, 0.2, 0.1, 400, seed).run();
    }

    /** The result as text. */
    public static String describe(SimplicityBiasResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "population eigenvalues (d = %d): λ0 = %.5f, λ1 = %.5f, λ2 = %.5f%n", r.population().dimension(),
                r.population().lambda0(), r.population().lambda1(), r.population().lambda2()));
        for (TargetLearning t : r.targets()) {
            sb.append(String.format(Locale.ROOT, "%-9s relative loss 0.1 at step %7.2f (population curve %7.2f)%n",
                    t.label(), t.observedTime(), t.populationTime()));
        }
        sb.append(String.format(Locale.ROOT, "time ratio x1x2/|x| : |x| observed %.2f, spectral prediction %.2f,"
                + " cluster-matched %.2f, population %.2f, gradient flow (d+1)² = %.0f%n", r.observedRatio(),
                r.predictedRatio(), r.matchedRatio(), r.populationRatio(), r.flowRatio()));
        return sb.toString();
    }

    /** Prints the experiment for seed 1. */
    public static void main(String[] args) {
        System.out.print(describe(run(1)));
    }
}
