package org.ntk.bench.examples;

import java.util.Locale;

import org.ntk.spectral.density.ActivationDerivative;
import org.ntk.spectral.density.BenigniPaquetteModel;
import org.ntk.spectral.density.BenigniPaquetteSimulation;
import org.ntk.spectral.density.DensityPrediction;
import org.ntk.spectral.density.ScaleLaw;

/**
 * The Benigni–Paquette first-layer NTK in the quadratic scaling n ≍ d² (MATH.md §8): the predicted
 * limiting density (atom at 0, bulk edges, mean, outliers) against one simulated matrix. φ = step is
 * ReLU's derivative, which is not pseudo-Lipschitz: ReLU is formally outside the theorem (§10.8).
 */
public final class Density {

    /** The prediction, one simulation, its outliers (above 1.5 × the upper edge) and the L1 distance. */
    public record Result(BenigniPaquetteModel model, DensityPrediction prediction, BenigniPaquetteSimulation simulation,
            double[] outliers, double l1Distance) {
    }

    private Density() {
    }

    /** Predicts and simulates for φ = step, D = I, γ1 = 2, γ2 = 1 at dimension d (n = 2d²). */
    public static Result run(int d, long seed) {
        BenigniPaquetteModel model = BenigniPaquetteModel.of(ActivationDerivative.STEP, ScaleLaw.identity(), 2, 1, d);
        DensityPrediction pred = model.predict(400, 0.01);                 // Silverstein equation, η = 0.01
        BenigniPaquetteSimulation sim = model.simulate(seed);              // K (n×n, n = γ1·d·p), all eigenvalues
        double l1 = pred.l1Distance(sim.density(pred.grid(), pred.eta()));
        return new Result(model, pred, sim, sim.eigenvaluesAbove(1.5 * pred.upperEdge()), l1);
    }

    /** The result as text. */
    public static String describe(Result r) {
        DensityPrediction p = r.prediction();
        BenigniPaquetteSimulation s = r.simulation();
        return String.format(Locale.ROOT, "n = %d, d = %d, p = %d; predicted: atom %.3f, bulk [%.4f, %.4f], mean %.4f,"
                + " %d outliers near %.2f (one more near %.2f)%n"
                + "simulated: atom %.3f, %d eigenvalues above 1.5 × edge, in [%.2f, %.2f]; L1 distance %.4f%n",
                s.n(), s.d(), s.p(), p.atom(), p.lowerEdge(), p.upperEdge(), p.mean(), p.outlierCount(),
                p.outlierLocation(), p.extraOutlierLocation(), s.atom(), r.outliers().length,
                r.outliers()[r.outliers().length - 1], r.outliers()[0], r.l1Distance());
    }

    /** Prints the example for d = 30 (n = 1800). */
    public static void main(String[] args) {
        System.out.print(describe(run(30, 1)));
    }
}
