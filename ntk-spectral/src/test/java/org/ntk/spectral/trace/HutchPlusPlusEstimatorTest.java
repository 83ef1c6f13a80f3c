package org.ntk.spectral.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HutchPlusPlusEstimatorTest extends TraceEstimatorContractTest {

    @Override
    TraceEstimator estimator() {
        return new HutchPlusPlusEstimator();
    }

    @Override
    double honestyFactor() {
        // given Q the estimate is a Hutchinson mean, and E[estimate | Q] = tr K exactly, so the
        // conditional standard error is the whole error; measured ratio 1.01 at budget 30
        return 1.5;
    }

    @Test
    void exactWhenSketchCapturesTheRange() {
        // rank-3 planted matrix (λ = 3, 2, 1, then 0): with s = 4 ≥ 3 sketch columns Q spans range(K),
        // the deflated matrix is 0 and the estimate is tr K = 6 up to rounding
        double[] lambda = new double[60];
        lambda[0] = 3;
        lambda[1] = 2;
        lambda[2] = 1;
        TestMatrices.Planted p = TestMatrices.planted(lambda, 21);
        TraceEstimate e = estimator().estimate(p.matrix(), 12, 4);
        assertEquals(6.0, e.estimate(), 1e-12);
        assertEquals(0.0, e.standardError(), 1e-12);
        assertEquals(12, e.matvecs());
    }

    @Test
    void sketchSpanningEverythingIsExactAndStops() {
        // n = 5, budget 30: s = min(10, 5) = n, Q is a basis of R^5 and only 2n = 10 products are used
        TestMatrices.Planted p = TestMatrices.planted(new double[] {5, 4, 3, 2, 1}, 22);
        TestMatrices.Counting k = new TestMatrices.Counting(p.matrix());
        TraceEstimate e = estimator().estimate(k, 30, 4);
        assertEquals(15.0, e.estimate(), 1e-13);
        assertEquals(0.0, e.standardError());
        assertEquals(10, e.matvecs());
        assertEquals(10, k.products());
    }

    @Test
    void rejectsBudgetWhoseBlockExceedsAnArray() {
        // n = 100000 with the largest budget: the probe block would have 10^10 entries
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator().estimate(TestMatrices.untouchable(100_000), Integer.MAX_VALUE, 1));
        assertTrue(e.getMessage().startsWith("budget"), e.getMessage());
    }
}
