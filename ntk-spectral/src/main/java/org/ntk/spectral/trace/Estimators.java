package org.ntk.spectral.trace;

/** Checks and result construction shared by the estimators of this package. Package-private. */
final class Estimators {

    private Estimators() {
    }

    static void checkBudget(int budget, int minimum) {
        if (budget < minimum) {
            throw new IllegalArgumentException("budget must be >= " + minimum + ", got " + budget);
        }
    }

    /** A record, or an IllegalArgumentException naming k when the products were not finite. */
    static TraceEstimate result(double estimate, double standardError, int matvecs, long seed) {
        if (!Double.isFinite(estimate) || !Double.isFinite(standardError)) {
            throw new IllegalArgumentException("k must have finite products K v, got estimate " + estimate
                    + " with standard error " + standardError);
        }
        return new TraceEstimate(estimate, standardError, matvecs, seed);
    }
}
