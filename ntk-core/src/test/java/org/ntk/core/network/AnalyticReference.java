package org.ntk.core.network;

/**
 * Independent closed-form reference kernels for the tests of this package, written from MATH.md §1
 * (kappa0, kappa1) and the §6.2 recursion, without using the library's analytic kernels. Checked
 * against the MATH.md tables in {@link AnalyticReferenceTest}.
 */
final class AnalyticReference {

    private AnalyticReference() {
    }

    /** kappa1(t) = (√(1−t²) + (π − arccos t)·t)/(2π), MATH.md §1; t clamped to [−1, 1]. */
    static double kappa1(double t) {
        double c = Math.max(-1, Math.min(1, t));
        return (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c) / (2 * Math.PI);
    }

    /** kappa0(t) = (π − arccos t)/(2π), MATH.md §1; t clamped to [−1, 1]. */
    static double kappa0(double t) {
        double c = Math.max(-1, Math.min(1, t));
        return (Math.PI - Math.acos(c)) / (2 * Math.PI);
    }

    /** The n×n matrix of inner products x_i·x_j. */
    static double[][] inner(double[][] x) {
        int n = x.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < x[i].length; k++) {
                    s += x[i][k] * x[j][k];
                }
                g[i][j] = s;
            }
        }
        return g;
    }

    /** ‖x_i‖‖x_j‖·kappa1(cos∠) × weightVariance: the limit of (1/m)ΦΦᵀ (MATH.md §3.1). */
    static double[][] arcCosine1(double[][] x, double weightVariance) {
        double[][] g = inner(x);
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double r = Math.sqrt(g[i][i] * g[j][j]);
                k[i][j] = r == 0 ? 0 : weightVariance * r * kappa1(g[i][j] / r);
            }
        }
        return k;
    }

    /** σ_w²‖x‖‖y‖kappa1 + (x·y)kappa0: the both-layers two-layer NTK limit (MATH.md §3.2, σ_v² = 1). */
    static double[][] twoLayerNtk(double[][] x, double weightVariance) {
        double[][] g = inner(x);
        double[][] k = arcCosine1(x, weightVariance);
        int n = x.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double r = Math.sqrt(g[i][i] * g[j][j]);
                k[i][j] += r == 0 ? 0 : g[i][j] * kappa0(g[i][j] / r);
            }
        }
        return k;
    }

    /**
     * The layer-wise limits of MATH.md §6.1/§6.2 for L weight layers: entry l−1 (l = 1..L−1) is
     * G^(l) ∘ Ġ^(l+1) ∘ … ∘ Ġ^(L) and entry L−1 is G^(L); their sum is K^(L).
     */
    static double[][][] deepNtkTerms(double[][] x, int weightLayers) {
        int n = x.length;
        int L = weightLayers;
        double[][][] g = new double[L + 1][][];
        double[][][] gdot = new double[L + 1][][];
        g[1] = inner(x);
        for (int l = 2; l <= L; l++) {
            g[l] = new double[n][n];
            gdot[l] = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double r = Math.sqrt(g[l - 1][i][i] * g[l - 1][j][j]);
                    double rho = r == 0 ? 0 : g[l - 1][i][j] / r;
                    g[l][i][j] = r * 2 * kappa1(rho);
                    gdot[l][i][j] = 2 * kappa0(rho);
                }
            }
        }
        double[][][] terms = new double[L][n][n];
        for (int l = 1; l <= L; l++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double t = g[l][i][j];
                    for (int h = l + 1; h <= L; h++) {
                        t *= gdot[h][i][j];
                    }
                    terms[l - 1][i][j] = t;
                }
            }
        }
        return terms;
    }

    /** K^(L) by the recursion K^(l) = K^(l−1) ∘ Ġ^(l) + G^(l) of MATH.md §6.2. */
    static double[][] deepNtk(double[][] x, int weightLayers) {
        int n = x.length;
        double[][] g = inner(x);
        double[][] k = inner(x);
        for (int l = 2; l <= weightLayers; l++) {
            double[][] gn = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double r = Math.sqrt(g[i][i] * g[j][j]);
                    double rho = r == 0 ? 0 : g[i][j] / r;
                    gn[i][j] = r * 2 * kappa1(rho);
                    k[i][j] = k[i][j] * 2 * kappa0(rho) + gn[i][j];
                }
            }
            g = gn;
        }
        return k;
    }

    /** ‖a − b‖_F / ‖b‖_F. */
    static double relativeFrobenius(double[][] a, double[][] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double e = a[i][j] - b[i][j];
                num += e * e;
                den += b[i][j] * b[i][j];
            }
        }
        return Math.sqrt(num / den);
    }
}
