package org.ntk.spectral.bounds;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.validation.Validate;

/**
 * The deep ReLU NTK Gram matrices of a data set by the layer recursion of Nguyen–Mondelli–Montúfar
 * (MATH.md §6.2), computed on flat row-major arrays.
 *
 * <pre>
 * G^(1) = X Xᵀ,  K^(1) = G^(1)
 * for l = 2..L:  ρ_ij = G^(l−1)_ij / √(G^(l−1)_ii G^(l−1)_jj)
 *                G^(l)_ij = √(G^(l−1)_ii G^(l−1)_jj) · kappa1_nrm(ρ_ij),   kappa1_nrm(ρ) = (√(1−ρ²) + (π − arccos ρ) ρ)/π
 *                Ġ^(l)_ij = kappa0_nrm(ρ_ij),                            kappa0_nrm(ρ) = (π − arccos ρ)/π
 *                K^(l) = K^(l−1) ∘ Ġ^(l) + G^(l)
 * </pre>
 *
 * <p>Normalisation: c_σ = 2 (Nguyen et al., Arora et al.); L counts weight layers, so K^(L) is the
 * infinite-width limit of (Π_{l=1}^{L−1} 2/n_l)·J Jᵀ for a network with L − 1 hidden layers and
 * N(0, 1) weights, and equals {@code Kernels.deepNtk(L − 1)} of {@code ntk-core}. On the diagonal
 * G^(l)_ii = ‖x_i‖², Ġ^(l)_ii = 1 and K^(L)_ii = L‖x_i‖², set exactly. Cosines are clamped to [−1, 1].
 * A zero input has G, Ġ and K entries 0 against everything.
 *
 * <p>This is an implementation independent of the per-entry kernel profiles of {@code ntk-core}
 * (whole matrices, layer by layer), and so serves as a cross-check of them.
 *
 * <p>Cost: O(n²d + L n²) time, 3L n² doubles of memory (every G^(l), Ġ^(l), K^(l) is kept). Immutable
 * and thread-safe; the matrices returned are immutable and exactly symmetric (one triangle computed and
 * mirrored).
 */
public final class DeepNtkRecursion {

    private final int layers;
    private final int n;
    private final DenseKernelMatrix[] nngp;
    private final DenseKernelMatrix[] derivative;
    private final DenseKernelMatrix[] ntk;

    private DeepNtkRecursion(int layers, int n, DenseKernelMatrix[] nngp, DenseKernelMatrix[] derivative,
            DenseKernelMatrix[] ntk) {
        this.layers = layers;
        this.n = n;
        this.nngp = nngp;
        this.derivative = derivative;
        this.ntk = ntk;
    }

    /**
     * Runs the recursion of MATH.md §6.2 on the rows of x up to layer L.
     *
     * @param x n×d data, one point per row. Not modified, not retained.
     * @param layers L, the number of weight layers, ≥ 1
     * @return the matrices G^(l), Ġ^(l), K^(l) for l ≤ L
     * @throws IllegalArgumentException if x is empty, ragged or not finite, layers &lt; 1, or the 3L
     *     n×n matrices do not fit in the heap
     */
    public static DeepNtkRecursion of(double[][] x, int layers) {
        int d = Validate.finiteMatrix(x, "x");
        Validate.positive(layers, "layers");
        int n = x.length;
        Validate.denseFits(n, 3L * layers, "deep NTK recursion");
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            double[] xi = x[i];
            for (int j = 0; j <= i; j++) {
                double[] xj = x[j];
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += xi[k] * xj[k];
                }
                g[i * n + j] = s;
                g[j * n + i] = s;
            }
        }
        DenseKernelMatrix[] nngp = new DenseKernelMatrix[layers];
        DenseKernelMatrix[] derivative = new DenseKernelMatrix[layers];
        DenseKernelMatrix[] ntk = new DenseKernelMatrix[layers];
        nngp[0] = DenseKernelMatrix.wrapSymmetric(n, g);
        ntk[0] = nngp[0];
        double[] k = g;
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = g[i * n + i];
        }
        for (int l = 1; l < layers; l++) {
            double[] gNext = new double[n * n];
            double[] dot = new double[n * n];
            double[] kNext = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    int ij = i * n + j;
                    double gij;
                    double dij;
                    if (i == j) {
                        gij = diag[i];
                        dij = diag[i] > 0 ? 1.0 : 0.0;
                    } else {
                        double scale = Math.sqrt(diag[i] * diag[j]);
                        if (scale > 0) {
                            double rho = Math.max(-1.0, Math.min(1.0, g[ij] / scale));
                            double angle = Math.acos(rho);
                            double p = Math.PI - angle;
                            gij = scale * (Math.sqrt(Math.max(0.0, 1 - rho * rho)) + p * rho) / Math.PI;
                            dij = p / Math.PI;
                        } else {
                            gij = 0;
                            dij = 0;
                        }
                    }
                    double kij = k[ij] * dij + gij;
                    int ji = j * n + i;
                    gNext[ij] = gij;
                    gNext[ji] = gij;
                    dot[ij] = dij;
                    dot[ji] = dij;
                    kNext[ij] = kij;
                    kNext[ji] = kij;
                }
            }
            nngp[l] = DenseKernelMatrix.wrapSymmetric(n, gNext);
            derivative[l] = DenseKernelMatrix.wrapSymmetric(n, dot);
            ntk[l] = DenseKernelMatrix.wrapSymmetric(n, kNext);
            g = gNext;
            k = kNext;
        }
        return new DeepNtkRecursion(layers, n, nngp, derivative, ntk);
    }

    /** L, the number of weight layers. */
    public int layers() {
        return layers;
    }

    /** n, the number of data points. */
    public int size() {
        return n;
    }

    /**
     * G^(l), the NNGP Gram matrix of layer l (G^(1) = X Xᵀ).
     *
     * @param l the layer, 1 ≤ l ≤ L
     * @throws IllegalArgumentException if l is outside [1, L]
     */
    public DenseKernelMatrix nngp(int l) {
        return nngp[checkLayer(l, 1)];
    }

    /**
     * Ġ^(l), the derivative (arc-cosine order 0) Gram matrix of layer l.
     *
     * @param l the layer, 2 ≤ l ≤ L
     * @throws IllegalArgumentException if l is outside [2, L]
     */
    public DenseKernelMatrix derivative(int l) {
        return derivative[checkLayer(l, 2)];
    }

    /**
     * K^(l), the NTK Gram matrix of a network with l weight layers.
     *
     * @param l the layer, 1 ≤ l ≤ L
     * @throws IllegalArgumentException if l is outside [1, L]
     */
    public DenseKernelMatrix ntk(int l) {
        return ntk[checkLayer(l, 1)];
    }

    /** K^(L), the NTK Gram matrix of the full depth. */
    public DenseKernelMatrix ntk() {
        return ntk[layers - 1];
    }

    private int checkLayer(int l, int min) {
        if (l < min || l > layers) {
            throw new IllegalArgumentException("l must be in [" + min + ", " + layers + "], got " + l);
        }
        return l - 1;
    }

    @Override
    public String toString() {
        return "DeepNtkRecursion[layers=" + layers + ", n=" + n + "]";
    }
}
