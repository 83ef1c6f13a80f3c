package org.ntk.core.fisher;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ntk.core.mercer.Sphere;
import org.ntk.core.network.WeightScale;
import org.ntk.core.validation.Validate;

/**
 * The predicted eigenvalue cluster of one degree group of the Fisher information matrix J of a
 * two-layer ReLU network with random hidden weights (MATH.md §2.3): its multiplicity, exact
 * large-m limit and the papers' approximate value.
 *
 * <p>J = E_x[φ(Wᵀx) φ(Wᵀx)ᵀ] (m×m, no 1/m factor, MATH.md §2.1). Under
 * {@link WeightScale#FAN_IN} (VAR-1/d):
 * <table>
 *   <caption>clusters</caption>
 *   <tr><th>group</th><th>multiplicity</th><th>exact limit</th><th>papers</th></tr>
 *   <tr><td>0</td><td>1</td><td>m d c_d²</td><td>m(2d+1)/(4πd)</td></tr>
 *   <tr><td>1</td><td>d</td><td>m/(4d)</td><td>m/(4d)</td></tr>
 *   <tr><td>2</td><td>d(d+1)/2 − 1</td><td>m d c_d²/(d+1)²</td><td>m/(2πd(d+2))</td></tr>
 * </table>
 * Under {@link WeightScale#STANDARD} (VAR-1) every value is d times larger. The papers' values are
 * the eigenvalues of the degree-2 Taylor truncation of kappa1 (MATH.md §2.3, §10.1).
 *
 * @param group the degree group 0, 1 or 2 (MATH.md's clusters 1, 2, 3)
 * @param multiplicity the cluster size
 * @param exactLimit the exact large-m eigenvalue
 * @param papersValue the papers' approximation
 */
public record ClusterPrediction(int group, long multiplicity, double exactLimit, double papersValue) {

    /** The papers' trace fraction of the three clusters, 1/2 + 3/(2π) = 0.9774648293 for every d. */
    public static final double PAPERS_TRACE_FRACTION = 0.5 + 1.5 / Math.PI;

    /** Checks the components. */
    public ClusterPrediction {
        if (group < 0 || group > 2) {
            throw new IllegalArgumentException("group must be 0, 1 or 2, got " + group);
        }
    }

    /**
     * Returns the predictions for groups 0, 1, 2 (group 2 absent for d = 1). Cost O(1).
     *
     * @param d the input dimension, ≥ 1
     * @param m the width, ≥ 1
     * @param scale the hidden-weight variance
     * @throws NullPointerException if scale is null
     * @throws IllegalArgumentException if d or m &lt; 1
     */
    public static List<ClusterPrediction> of(int d, int m, WeightScale scale) {
        Validate.positive(d, "d");
        Validate.positive(m, "m");
        Objects.requireNonNull(scale, "scale");
        double f = scale == WeightScale.STANDARD ? d : 1;
        double c = Sphere.reluMean(d);
        double c2 = c * c;
        List<ClusterPrediction> out = new ArrayList<>(3);
        out.add(new ClusterPrediction(0, 1, f * m * d * c2, f * m * (2.0 * d + 1) / (4 * Math.PI * d)));
        out.add(new ClusterPrediction(1, d, f * m / (4.0 * d), f * m / (4.0 * d)));
        if (d > 1) {
            out.add(new ClusterPrediction(2, (long) d * (d + 1) / 2 - 1, f * m * d * c2 / ((d + 1.0) * (d + 1.0)),
                    f * m / (2 * Math.PI * d * (d + 2.0))));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the expected trace of J: m/2 under VAR-1/d, m d/2 under VAR-1 (MATH.md §2.1).
     *
     * @throws NullPointerException if scale is null
     * @throws IllegalArgumentException if d or m &lt; 1
     */
    public static double expectedTrace(int d, int m, WeightScale scale) {
        Validate.positive(d, "d");
        Validate.positive(m, "m");
        Objects.requireNonNull(scale, "scale");
        return scale == WeightScale.STANDARD ? 0.5 * m * d : 0.5 * m;
    }

    /**
     * Returns the exact fraction of the trace held by the three clusters in the large-m limit,
     * frac(d) = 1/2 + d² c_d² (3d+5)/(d+1)² (MATH.md §2.4): 1 at d = 1, strictly decreasing to
     * {@link #PAPERS_TRACE_FRACTION}.
     *
     * @throws IllegalArgumentException if d &lt; 1
     */
    public static double traceFraction(int d) {
        double c = Sphere.reluMean(d);
        return 0.5 + (double) d * d * c * c * (3.0 * d + 5) / ((d + 1.0) * (d + 1.0));
    }
}
