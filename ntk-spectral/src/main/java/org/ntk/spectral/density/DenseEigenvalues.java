package org.ntk.spectral.density;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.ntk.core.kernel.KernelMatrix;

/** Interim dense symmetric eigenvalues (commons-math) until Spectra lands; to be replaced. */
final class DenseEigenvalues {

    private DenseEigenvalues() {
    }

    /** All eigenvalues, non-increasing. */
    static double[] of(KernelMatrix k) {
        int n = k.size();
        double[] a = k.toArray();
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, rows[i], 0, n);
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(rows, false)).getRealEigenvalues();
        java.util.Arrays.sort(ev);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ev[n - 1 - i];
        }
        return out;
    }

    static double smallest(KernelMatrix k) {
        double[] ev = of(k);
        return ev[ev.length - 1];
    }
}
