package org.ntk.spectral.trace;

import java.util.Objects;

import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.sampling.Gaussians;
import org.ntk.core.validation.Validate;

/**
 * XTrace: the exchangeable trace estimator that uses every probe both to build the low-rank
 * approximation and to estimate the remainder, by leaving each probe out in turn.
 *
 * <p>Algorithm (Epperly, Tropp &amp; Webber 2024, the "improved" XTrace): with m = ⌊budget/2⌋
 * probes ω_1..ω_m, Y = K Ω and, for each i, Q_(i) an orthonormal basis of the span of the other
 * columns of Y and P_i = Q_(i) Q_(i)ᵀ,
 * <pre>
 *   t̂_i = tr(Q_(i)ᵀ K Q_(i)) + ω̃_iᵀ (I − P_i) K (I − P_i) ω̃_i,      t̂ = (1/m) Σ_i t̂_i,
 * </pre>
 * where ω̃_i = ω_i · ((n − m + 1) / ‖(I − P_i) ω_i‖²)^{1/2} rescales the probe so that its part
 * outside range(Q_(i)) lies on the sphere of radius (n − m + 1)^{1/2} in that (n − m + 1)-dimensional
 * complement. Each t̂_i is unbiased because P_i does not depend on ω_i; the m estimates are
 * exchangeable and the standard-error estimate is their sample standard deviation over √m (the
 * paper's error estimate). All m leave-one-out estimates come from one thin QR Y = Q R: the
 * leave-one-out basis is range(Q) minus the unit direction Q s_i, s_i ∝ R^{−T} e_i, which gives the
 * closed form
 * <pre>
 *   t̂_i = tr H − s_iᵀHs_i + α_i² [ w_iᵀHw_i − r_iᵀw_i + 2c_i (r_iᵀs_i − s_iᵀHw_i) + c_i² s_iᵀHs_i ]
 * </pre>
 * with H = QᵀKQ, W = QᵀΩ, w_i = W e_i, r_i = R e_i = Qᵀy_i, c_i = s_iᵀw_i and
 * α_i² = (n − m + 1)/(‖(I − QQᵀ)ω_i‖² + c_i²). (The first two bracketed terms are
 * ω_iᵀ(I − QQᵀ)K(I − QQᵀ)ω_i, simplified with y_i ∈ range Q so that no O(n) cancellation occurs.)
 *
 * <p>Probes: ω_i = √n g_i/‖g_i‖ with g_i standard Gaussian, drawn column by column from
 * {@link Gaussians}(seed). Budget: ≥ 4 (m ≥ 2); m is capped at n, and an odd budget leaves one
 * product unused, so {@link TraceEstimate#matvecs()} = 2m. With m = n the estimate is exact up to
 * rounding (every t̂_i = tr K). Safeguard: when Y is numerically rank-deficient (K of rank &lt; m),
 * diagonal entries of R below m·ε·max|R| are raised to that floor when computing s_i, which keeps
 * s_i defined (the leave-one-out basis is then not unique). Cost: 2m matvecs plus O(n m² + m³);
 * memory O(n m). Stateless and thread-safe.
 *
 * <p>Reference: E. N. Epperly, J. A. Tropp, R. J. Webber, "XTrace: making the most of every sample
 * in stochastic trace estimation", SIAM J. Matrix Anal. Appl. 45 (2024).
 */
public final class XTraceEstimator implements TraceEstimator {

    /** An XTrace estimator (stateless). */
    public XTraceEstimator() {
    }

    @Override
    public TraceEstimate estimate(KernelMatrix k, int budget, long seed) {
        Objects.requireNonNull(k, "k");
        Estimators.checkBudget(budget, minimumBudget());
        int n = k.size();
        int m = Math.min(budget / 2, n);
        Estimators.checkBlock(n, m, budget);
        // the sketch's m×m matrices (R, QᵀKQ, QᵀΩ, the leave-one-out directions) and four n×m blocks
        Validate.denseFits(m, 4, "XTrace sketch (budget " + budget + ")");
        Validate.heapFits(4L * n * m, "XTrace probe blocks of size " + n + "×" + m, "use a smaller budget");

        double[] omega = Blocks.sphere(new Gaussians(seed), n, m);
        double[] y = Blocks.multiply(k, omega, m);
        ThinQr qr = ThinQr.of(y, n, m);
        double[] q = qr.q();
        double[] r = qr.r();
        double[] w = Blocks.transposeTimes(q, m, omega, m, n);
        double[] u = Blocks.times(q, m, w, m, n);
        for (int i = 0; i < u.length; i++) {
            u[i] = omega[i] - u[i];
        }
        double[] outside = Blocks.columnDots(u, u, n, m);
        double[] s = leaveOneOutDirections(r, m);

        double[] z = Blocks.multiply(k, q, m);
        double[] h = Blocks.transposeTimes(q, m, z, m, n);
        double traceH = 0;
        for (int a = 0; a < m; a++) {
            traceH += h[a * m + a];
            for (int b = 0; b < a; b++) {
                double avg = 0.5 * (h[a * m + b] + h[b * m + a]);
                h[a * m + b] = avg;
                h[b * m + a] = avg;
            }
        }

        double[] ests = new double[m];
        double[] wi = new double[m];
        double[] ri = new double[m];
        double[] hs = new double[m];
        double[] hw = new double[m];
        for (int i = 0; i < m; i++) {
            int si = i * m;
            for (int a = 0; a < m; a++) {
                wi[a] = w[a * m + i];
                ri[a] = r[a * m + i];
            }
            for (int a = 0; a < m; a++) {
                double x = 0;
                double v = 0;
                int ha = a * m;
                for (int b = 0; b < m; b++) {
                    x += h[ha + b] * s[si + b];
                    v += h[ha + b] * wi[b];
                }
                hs[a] = x;
                hw[a] = v;
            }
            double c = 0;
            double sHs = 0;
            double wHw = 0;
            double sHw = 0;
            double rw = 0;
            double rs = 0;
            for (int a = 0; a < m; a++) {
                double sa = s[si + a];
                c += sa * wi[a];
                sHs += sa * hs[a];
                wHw += wi[a] * hw[a];
                sHw += sa * hw[a];
                rw += ri[a] * wi[a];
                rs += ri[a] * sa;
            }
            double residual = wHw - rw + 2 * c * (rs - sHw) + c * c * sHs;
            double den = outside[i] + c * c;
            double alpha2 = den > 0 ? (n - m + 1) / den : 1.0;
            ests[i] = traceH - sHs + alpha2 * residual;
        }
        if (m == 1) {
            return Estimators.result(ests[0], 0.0, 2, seed);
        }
        double[] ms = Blocks.meanAndStandardError(ests);
        return Estimators.result(ms[0], ms[1], 2 * m, seed);
    }

    /**
     * The unit vectors s_i (row i of the returned m×m array), s_i ∝ R^{−T} e_i, computed as the rows
     * of diag(R)·R^{−1} by back substitution (unit diagonal, so moderately scaled), then normalised.
     */
    static double[] leaveOneOutDirections(double[] r, int m) {
        double maxAbs = 0;
        for (double v : r) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double floor = Math.max(m * Math.ulp(1.0) * maxAbs, Double.MIN_NORMAL);
        double[] d = new double[m];
        for (int j = 0; j < m; j++) {
            d[j] = Math.max(r[j * m + j], floor);
        }
        double[] s = new double[m * m];
        for (int i = 0; i < m; i++) {
            int si = i * m;
            s[si + i] = 1.0;
            for (int j = i + 1; j < m; j++) {
                double acc = 0;
                for (int l = i; l < j; l++) {
                    acc += s[si + l] * r[l * m + j];
                }
                double x = -acc / d[j];
                s[si + j] = x;
                if (Math.abs(x) > 1e150) {
                    for (int l = i; l <= j; l++) {
                        s[si + l] *= 1e-150;
                    }
                }
            }
            double scale = 0;
            for (int j = i; j < m; j++) {
                scale = Math.max(scale, Math.abs(s[si + j]));
            }
            double ss = 0;
            for (int j = i; j < m; j++) {
                double x = s[si + j] / scale;
                ss += x * x;
            }
            double norm = scale * Math.sqrt(ss);
            for (int j = i; j < m; j++) {
                s[si + j] /= norm;
            }
        }
        return s;
    }

    /** Returns 4: two probes, each multiplied once and once more through Q. */
    @Override
    public int minimumBudget() {
        return 4;
    }

    @Override
    public String toString() {
        return "XTrace";
    }
}
