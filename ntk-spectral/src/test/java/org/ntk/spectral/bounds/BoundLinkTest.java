package org.ntk.spectral.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundLinkTest {

    @Test
    void holdsWithinTheStatedSlackOnly() {
        assertTrue(new BoundLink("a", "x ≤ y", 1.0, 2.0, 0.0).holds());
        assertTrue(new BoundLink("a", "x ≤ y", 2.0 + 1e-12, 2.0, 1e-11).holds());
        assertFalse(new BoundLink("a", "x ≤ y", 2.0 + 1e-10, 2.0, 1e-11).holds());
        assertFalse(new BoundLink("a", "x ≤ y", Double.NaN, 2.0, 1.0).holds());
        assertEquals(1.0, new BoundLink("a", "x ≤ y", 1.0, 2.0, 0.0).slack(), 0.0);
    }

    @Test
    void rejections() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BoundLink("a", "s", 0, 1, Double.NaN));
        assertTrue(e.getMessage().startsWith("tolerance "));
        assertThrows(NullPointerException.class, () -> new BoundLink(null, "s", 0, 1, 0));
    }
}
