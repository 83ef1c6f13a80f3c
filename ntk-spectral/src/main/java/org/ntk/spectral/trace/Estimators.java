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

    /** Requires an n×columns block to fit in one Java array. */
    static void checkBlock(int n, int columns, int budget) {
        long entries = (long) n * columns;
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("budget is too large for a matrix of size " + n + ": an n×" + columns
                    + " probe block has " + entries + " entries, more than a Java array holds, got " + budget);
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
