package org.ntk.core.network;

/**
 * The Jacobian of a deep bias-free ReLU network with respect to every weight, one parameter at a time
 * by forward-mode differentiation (a tangent pushed through the network for each parameter), written
 * with plain loops and no matrix products. The independent check of the matrix-product formulas of
 * {@link DeepReluNetwork#empiricalNtk} and {@link TwoLayerEmpiricalNtk}; cost O(P · forward pass).
 */
final class BruteForceJacobian {

    /** Layers as given to {@link DeepReluNetwork#of}: layers[l] is n_{l+1}×n_l. */
    private final double[][][] layers;
    private final double[] v;

    BruteForceJacobian(double[][][] layers, double[] v) {
        this.layers = layers;
        this.v = v;
    }

    /** Number of parameters in weight layer l (l = layers.length is the output layer). */
    int parameters(int l) {
        return l == layers.length ? v.length : layers[l].length * layers[l][0].length;
    }

    /** f(x) by a direct loop. */
    double value(double[] x) {
        double[] a = x;
        for (double[][] w : layers) {
            double[] next = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                double s = 0;
                for (int k = 0; k < a.length; k++) {
                    s += w[j][k] * a[k];
                }
                next[j] = Math.max(s, 0);
            }
            a = next;
        }
        double f = 0;
        for (int j = 0; j < v.length; j++) {
            f += v[j] * a[j];
        }
        return f;
    }

    /**
     * ∂f(x)/∂θ for every parameter θ of weight layer l (row-major over the layer's entries; for the
     * output layer, over v), with ReLU'(0) = 0.
     */
    double[] gradient(double[] x, int l) {
        int depth = layers.length;
        // forward pass, keeping pre-activations
        double[][] acts = new double[depth + 1][];
        double[][] pre = new double[depth + 1][];
        acts[0] = x;
        for (int h = 0; h < depth; h++) {
            double[][] w = layers[h];
            pre[h + 1] = new double[w.length];
            acts[h + 1] = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                double s = 0;
                for (int k = 0; k < acts[h].length; k++) {
                    s += w[j][k] * acts[h][k];
                }
                pre[h + 1][j] = s;
                acts[h + 1][j] = Math.max(s, 0);
            }
        }
        if (l == depth) {
            return acts[depth].clone();
        }
        int rows = layers[l].length;
        int cols = layers[l][0].length;
        double[] g = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // tangent of the pre-activations of layer l+1 when W_{l+1}[r][c] moves by 1
                double[] dz = new double[rows];
                dz[r] = acts[l][c];
                double[] da = new double[rows];
                for (int j = 0; j < rows; j++) {
                    da[j] = pre[l + 1][j] > 0 ? dz[j] : 0;
                }
                for (int h = l + 1; h < depth; h++) {
                    double[][] w = layers[h];
                    double[] next = new double[w.length];
                    for (int j = 0; j < w.length; j++) {
                        double s = 0;
                        for (int k = 0; k < da.length; k++) {
                            s += w[j][k] * da[k];
                        }
                        next[j] = pre[h + 1][j] > 0 ? s : 0;
                    }
                    da = next;
                }
                double df = 0;
                for (int j = 0; j < v.length; j++) {
                    df += v[j] * da[j];
                }
                g[r * cols + c] = df;
            }
        }
        return g;
    }

    /** Σ over the parameters of weight layer l of ∂f(x_i)/∂θ · ∂f(x_j)/∂θ: the J_l J_lᵀ block. */
    double[][] gram(double[][] x, int l) {
        int n = x.length;
        double[][] grads = new double[n][];
        for (int i = 0; i < n; i++) {
            grads[i] = gradient(x[i], l);
        }
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < grads[i].length; p++) {
                    s += grads[i][p] * grads[j][p];
                }
                k[i][j] = s;
            }
        }
        return k;
    }

    /** J Jᵀ over all weight layers. */
    double[][] gram(double[][] x) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int l = 0; l <= layers.length; l++) {
            double[][] t = gram(x, l);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    k[i][j] += t[i][j];
                }
            }
        }
        return k;
    }

    /** Returns a copy of the weights with one entry of layer l (l = depth: v) moved by h. */
    BruteForceJacobian perturbed(int l, int index, double h) {
        double[][][] w = new double[layers.length][][];
        for (int a = 0; a < layers.length; a++) {
            w[a] = new double[layers[a].length][];
            for (int r = 0; r < layers[a].length; r++) {
                w[a][r] = layers[a][r].clone();
            }
        }
        double[] vv = v.clone();
        if (l == layers.length) {
            vv[index] += h;
        } else {
            int cols = layers[l][0].length;
            w[l][index / cols][index % cols] += h;
        }
        return new BruteForceJacobian(w, vv);
    }
}
