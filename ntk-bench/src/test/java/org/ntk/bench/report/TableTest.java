package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Table clusters() {
        return Table.builder()
                .text("cluster", "cluster")
                .integer("multiplicity", "multiplicity")
                .number("observedMean", "observed mean", 4)
                .percent("traceShare", "trace share", 2)
                .row("1", 1, 334.567, 0.5)
                .row("2 | rows", 10L, 50.0, 0.25)
                .row("3", 54, null, 0.012345)
                .build();
    }

    @Test
    void markdownIsAlignedWithNumericColumnsRight() {
        // expected text written out by hand from the rendering rules in Table's Javadoc
        String expected = ""
                + "| cluster   | multiplicity | observed mean | trace share |\n"
                + "| --------- | -----------: | ------------: | ----------: |\n"
                + "| 1         |            1 |         334.6 |     50.00 % |\n"
                + "| 2 \\| rows |           10 |         50.00 |     25.00 % |\n"
                + "| 3         |           54 |             — |      1.23 % |\n";
        assertEquals(expected, clusters().toMarkdown());
    }

    @Test
    void jsonRowsHoldUnroundedValuesInColumnOrder() {
        ResultNode root = ResultNode.root();
        clusters().writeTo(root.list("clusters"));
        JsonNode rows = ResultNode.parse(root.toJsonBytes()).get("clusters");
        assertEquals(3, rows.size());
        JsonNode first = rows.get(0);
        StringBuilder keys = new StringBuilder();
        first.fieldNames().forEachRemaining(k -> keys.append(k).append(','));
        assertEquals("cluster,multiplicity,observedMean,traceShare,", keys.toString());
        assertEquals(334.567, first.get("observedMean").doubleValue(), 0.0);
        assertEquals(0.5, first.get("traceShare").doubleValue(), 0.0);
        assertEquals(10, rows.get(1).get("multiplicity").longValue());
        assertTrue(rows.get(2).get("observedMean").isNull());
        assertEquals(0.012345, rows.get(2).get("traceShare").doubleValue(), 0.0);
    }

    @Test
    void numbersKeepSignificantDigitsAndSwitchToScientificOutsideRange() {
        // each expected string follows the rule: round to n significant digits, keep trailing zeros
        assertEquals("50.000", Table.formatNumber(50.0, 5));
        assertEquals("0.0123", Table.formatNumber(0.0123456, 3));
        assertEquals("1000", Table.formatNumber(999.96, 4));
        assertEquals("123000", Table.formatNumber(123456.0, 3));
        assertEquals("-0.7286", Table.formatNumber(-0.72860493, 4));
        assertEquals("1.23e-05", Table.formatNumber(1.2345e-5, 3));
        assertEquals("1.000e+06", Table.formatNumber(999999.7, 4));
        assertEquals("0", Table.formatNumber(0.0, 4));
        assertEquals("0", Table.formatNumber(-0.0, 4));
        assertEquals("97.746 %", Table.formatPercent(0.977464829275686, 3));
        assertEquals("100 %", Table.formatPercent(1.0, 0));
    }

    @Test
    void rejectsBadRowsAndColumns() {
        Table.Builder b = Table.builder().text("name", "name").number("x", "x", 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.row("a"));
        assertTrue(e.getMessage().contains("cells"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.row("a", Double.NaN));
        assertTrue(e.getMessage().contains("column x") && e.getMessage().contains("finite"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.row(1, 2.0));
        assertTrue(e.getMessage().contains("column name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Table.builder().number("k", "k", 0));
        assertTrue(e.getMessage().contains("digits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Table.builder().text("a b", "x"));
        assertTrue(e.getMessage().contains("key"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Table.builder().text("a", "x").text("a", "y"));
        assertTrue(e.getMessage().contains("key"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Table.formatNumber(Double.NaN, 3));
        assertTrue(e.getMessage().startsWith("x "), e.getMessage());
        assertThrows(NullPointerException.class, () -> Table.builder().text(null, "x"));
    }
}
