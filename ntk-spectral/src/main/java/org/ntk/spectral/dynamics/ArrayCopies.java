package org.ntk.spectral.dynamics;

/** Deep copies of the arrays held by this package's result records. Package-private. */
final class ArrayCopies {

    private ArrayCopies() {
    }

    /** A deep copy of a rectangular or ragged 2-D array (null rows stay null). */
    static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }
}
