package org.ntk.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests of the result type: conventions, copies and rejections. */
class DecompositionTest {

    private static final double S = Math.sqrt(0.5);

    @Test
    void canonicalSignMakesTheLargestEntryPositiveWithTiesToTheFirst() {
        double[] vectors = {
            0.6, -0.8, 0.0, // largest |entry| is -0.8 → flipped
            -S, S, 0.0,     // tie between index 0 and 1 → first (−S) made positive → flipped
            0.0, 0.0, 1.0,  // already canonical
        };
        Decomposition d = Decomposition.of(3, new double[] {3, 2, 2}, vectors, new double[] {0, 0, 0});
        assertArrayEquals(new double[] {-0.6, 0.8, 0.0}, d.eigenvector(0), 0.0);
        assertArrayEquals(new double[] {S, -S, 0.0}, d.eigenvector(1), 0.0);
        assertArrayEquals(new double[] {0.0, 0.0, 1.0}, d.eigenvector(2), 0.0);
        double[][] v = d.eigenvectors();
        assertEquals(3, v.length);
        assertEquals(0.8, v[1][0], 0.0);
        assertEquals(-S, v[1][1], 0.0);
        assertEquals(3, d.count());
        assertEquals(3, d.size());
    }

    @Test
    void inputsAreCopiedAndOutputsAreFresh() {
        double[] values = {2, 1};
        double[] vectors = {1, 0, 0, 1};
        double[] residuals = {1e-15, 2e-15};
        Decomposition d = Decomposition.of(2, values, vectors, residuals);
        values[0] = 99;
        vectors[0] = 99;
        residuals[0] = 99;
        assertEquals(2, d.eigenvalue(0), 0.0);
        assertArrayEquals(new double[] {1, 0}, d.eigenvector(0), 0.0);
        d.eigenvalues()[1] = 7;
        d.residuals()[1] = 7;
        d.eigenvectors()[0][0] = 7;
        assertArrayEquals(new double[] {2, 1}, d.eigenvalues(), 0.0);
        assertArrayEquals(new double[] {1e-15, 2e-15}, d.residuals(), 0.0);
        assertEquals(2e-15, d.maxResidual(), 0.0);
        assertArrayEquals(new double[] {1, 0}, d.eigenvector(0), 0.0);
    }

    @Test
    void partialAndEmptyDecompositionsAreAllowed() {
        Decomposition d = Decomposition.of(3, new double[] {1e-300}, new double[] {0, 1, 0}, new double[] {0});
        assertEquals(1, d.count());
        assertEquals(1e-300, d.eigenvalue(0), 0.0);
        Decomposition e = Decomposition.of(4, new double[0], new double[0], new double[0]);
        assertEquals(0, e.count());
        assertEquals(0.0, e.maxResidual(), 0.0);
        assertEquals(4, e.eigenvectors().length);
        assertThrows(IndexOutOfBoundsException.class, () -> e.eigenvector(0));
    }

    @Test
    void rejectsInconsistentInput() {
        double[] unit = {1, 0};
        assertMessage("size", () -> Decomposition.of(0, new double[0], new double[0], new double[0]));
        assertMessage("vectors has length", () -> Decomposition.of(2, new double[] {1}, new double[] {1}, new double[] {0}));
        assertMessage("residuals has length", () -> Decomposition.of(2, new double[] {1}, unit, new double[0]));
        assertMessage("eigenvalues must be non-increasing",
                () -> Decomposition.of(2, new double[] {1, 2}, new double[] {1, 0, 0, 1}, new double[] {0, 0}));
        assertMessage("eigenvalues[0] must be finite",
                () -> Decomposition.of(2, new double[] {Double.NaN}, unit, new double[] {0}));
        assertMessage("vectors: eigenvector 0 must have unit norm",
                () -> Decomposition.of(2, new double[] {1}, new double[] {1, 1}, new double[] {0}));
        assertMessage("residuals[0] must be finite and >= 0",
                () -> Decomposition.of(2, new double[] {1}, unit, new double[] {-1}));
        assertMessage("eigenvalues must have at most size",
                () -> Decomposition.of(1, new double[] {2, 1}, new double[] {1, 1}, new double[] {0, 0}));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Decomposition.of(2, null, unit, new double[] {0}));
        assertEquals("eigenvalues", e.getMessage());
    }

    @Test
    void deferredResidualsAreComputedOnceOnFirstRequestFromTheCanonicalVectors() {
        int[] calls = {0};
        double[][] seen = new double[1][];
        Decomposition d = Decomposition.deferred(2, new double[] {2, 1}, new double[] {-1, 0, 0, 1}, (values, vectors) -> {
            calls[0]++;
            seen[0] = vectors.clone();
            vectors[0] = 42; // a misbehaving function must not reach the decomposition's own vectors
            return new double[] {3e-16, 1e-16};
        });
        assertFalse(d.residualsComputed());
        assertTrue(d.toString().contains("not yet computed"), d.toString());
        assertEquals(0, calls[0], "toString must not compute deferred residuals");
        assertEquals(3e-16, d.maxResidual(), 0.0);
        assertTrue(d.residualsComputed());
        assertArrayEquals(new double[] {3e-16, 1e-16}, d.residuals(), 0.0);
        assertEquals(1, calls[0]);
        assertArrayEquals(new double[] {1, 0, 0, 1}, seen[0], 0.0, "the function sees canonical-sign vectors");
        assertArrayEquals(new double[] {1, 0}, d.eigenvector(0), 0.0);
        assertTrue(d.toString().contains("maxResidual=3.0E-16"), d.toString());
    }

    @Test
    void deferredResidualsThatBreakTheContractThrowIllegalState() {
        double[] unit = {1, 0};
        Decomposition negative = Decomposition.deferred(2, new double[] {1}, unit, (v, w) -> new double[] {-1});
        IllegalStateException e = assertThrows(IllegalStateException.class, negative::residuals);
        assertTrue(e.getMessage().contains("deferred residuals[0] must be finite and >= 0, got -1.0"), e.getMessage());
        Decomposition shortResult = Decomposition.deferred(2, new double[] {1}, unit, (v, w) -> new double[0]);
        e = assertThrows(IllegalStateException.class, shortResult::maxResidual);
        assertTrue(e.getMessage().contains("deferred residuals has length 0, expected 1"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Decomposition.deferred(2, new double[] {1}, unit, null));
        assertMessage("vectors: eigenvector 0 must have unit norm",
                () -> Decomposition.deferred(2, new double[] {1}, new double[] {1, 1}, (v, w) -> new double[] {0}));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
