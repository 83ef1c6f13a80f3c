package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ResultNodeTest {

    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test
    void keysKeepInsertionOrderNotAlphabetical() {
        ResultNode root = ResultNode.root();
        root.put("zeta", 1L).put("alpha", "a").put("mid", true);
        ResultNode child = root.object("child");
        child.put("y", 2.5).put("b", new double[] {1, 2}).putNull("a");
        root.put("last", new long[] {3, 4});
        JsonNode j = ResultNode.parse(root.toJsonBytes());
        assertEquals(List.of("zeta", "alpha", "mid", "child", "last"), keys(j));
        assertEquals(List.of("y", "b", "a"), keys(j.get("child")));
        assertTrue(j.get("child").get("a").isNull());
        assertEquals(4, j.get("last").get(1).longValue());
        // the same content written twice gives the same bytes
        assertEquals(root.toJson(), new String(root.toJsonBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void doublesRoundTripBitForBit() {
        Random r = new Random(7);
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.scalb(r.nextDouble() - 0.5, r.nextInt(200) - 100);
        }
        ResultNode root = ResultNode.root().put("v", v).put("third", 1.0 / 3);
        JsonNode j = ResultNode.parse(root.toJsonBytes());
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToLongBits(v[i]), Double.doubleToLongBits(j.get("v").get(i).doubleValue()));
        }
        assertEquals(1.0 / 3, j.get("third").doubleValue(), 0.0);
    }

    @Test
    void listsOfObjectsHavePaths() {
        ResultNode root = ResultNode.root();
        ResultNode.ResultList list = root.object("fim").list("clusters");
        ResultNode first = list.add().put("multiplicity", 1L);
        assertEquals("fim.clusters[0]", first.path());
        assertEquals(1, list.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> list.add().put("observedMean", Double.NaN));
        assertTrue(e.getMessage().contains("fim.clusters[1].observedMean"), e.getMessage());
    }

    @Test
    void rejectsDuplicateEmptyAndNonFinite() {
        ResultNode root = ResultNode.root().put("a", 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> root.put("a", 2.0));
        assertTrue(e.getMessage().startsWith("key "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> root.put("", 2.0));
        assertTrue(e.getMessage().startsWith("key "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> root.put("v", new double[] {1, Double.POSITIVE_INFINITY}));
        assertTrue(e.getMessage().contains("v[1]"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> root.put(null, 1.0));
        assertEquals("key", n.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ResultNode.parse("{".getBytes(StandardCharsets.UTF_8)));
    }
}
