package org.ntk.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table of a report section: rendered as an aligned Markdown table for {@code report.md} and
 * written, unrounded, as an array of JSON objects for {@code results.json}, so that every number
 * shown in the report is also in the results file under a stable key.
 *
 * <p>Each column has a JSON key, a Markdown header and a kind:
 * <ul>
 *   <li>{@code text}: a string, left-aligned;</li>
 *   <li>{@code integer}: a whole number, right-aligned;</li>
 *   <li>{@code number}: a double shown to a fixed number of significant digits, right-aligned
 *       (plain notation for 10⁻³ ≤ |x| &lt; 10⁶, else {@code 1.234e-05});</li>
 *   <li>{@code percent}: a fraction shown as a percentage with a fixed number of decimals.</li>
 * </ul>
 * A {@code null} cell is a value that does not exist: "—" in Markdown, JSON {@code null}.
 * Numeric cells must be finite.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class Table {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /** How a column's cells are typed, formatted and aligned. */
    public enum Kind { TEXT, INTEGER, NUMBER, PERCENT }

    /**
     * One column.
     *
     * @param key the JSON key (letters and digits, starting with a letter)
     * @param header the Markdown header
     * @param kind the cell type
     * @param digits significant digits ({@code NUMBER}) or decimals ({@code PERCENT}); 0 otherwise
     */
    public record Column(String key, String header, Kind kind, int digits) {
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(kind, "kind");
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(
                        "key must be letters and digits starting with a letter, got \"" + key + "\"");
            }
            if (kind == Kind.NUMBER && !(digits >= 1 && digits <= 17)) {
                throw new IllegalArgumentException("digits must be in [1, 17] for a number column, got "
                        + digits);
            }
            if (kind == Kind.PERCENT && !(digits >= 0 && digits <= 10)) {
                throw new IllegalArgumentException("digits must be in [0, 10] for a percent column, got "
                        + digits);
            }
        }

        boolean rightAligned() {
            return kind != Kind.TEXT;
        }
    }

    private final List<Column> columns;
    private final List<Object[]> rows;

    private Table(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        List<Object[]> copy = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            copy.add(r.clone());
        }
        this.rows = Collections.unmodifiableList(copy);
    }

    /** A new builder; add the columns first, then the rows. */
    public static Builder builder() {
        return new Builder();
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The number of rows. */
    public int rowCount() {
        return rows.size();
    }

    /** The cell in row {@code row} and the column with JSON key {@code key} (may be null). */
    public Object cell(int row, String key) {
        Objects.checkIndex(row, rows.size());
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).key().equals(key)) {
                return rows.get(row)[c];
            }
        }
        throw new IllegalArgumentException("key must name a column, got \"" + key + "\"");
    }

    /**
     * Renders the table as Markdown: one header line, one alignment line ({@code ---:} for numeric
     * columns) and one line per row, every column padded to a common width so the raw text lines
     * up too. Ends with a newline.
     */
    public String toMarkdown() {
        int nc = columns.size();
        String[][] text = new String[rows.size() + 1][nc];
        int[] width = new int[nc];
        for (int c = 0; c < nc; c++) {
            text[0][c] = escape(columns.get(c).header());
            width[c] = Math.max(3, text[0][c].length());
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < nc; c++) {
                text[r + 1][c] = escape(format(columns.get(c), rows.get(r)[c]));
                width[c] = Math.max(width[c], text[r + 1][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, text[0], width);
        sb.append('|');
        for (int c = 0; c < nc; c++) {
            sb.append(' ');
            if (columns.get(c).rightAligned()) {
                sb.append("-".repeat(width[c] - 1)).append(':');
            } else {
                sb.append("-".repeat(width[c]));
            }
            sb.append(" |");
        }
        sb.append('\n');
        for (int r = 1; r < text.length; r++) {
            line(sb, text[r], width);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String[] cells, int[] width) {
        sb.append('|');
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c];
            String pad = " ".repeat(width[c] - s.length());
            sb.append(' ');
            if (columns.get(c).rightAligned()) {
                sb.append(pad).append(s);
            } else {
                sb.append(s).append(pad);
            }
            sb.append(" |");
        }
        sb.append('\n');
    }

    /**
     * Appends one JSON object per row to {@code list}, keyed by the columns' JSON keys, with the
     * unrounded values ({@code PERCENT} cells as fractions, not percentages).
     */
    public void writeTo(ResultNode.ResultList list) {
        Objects.requireNonNull(list, "list");
        for (Object[] row : rows) {
            ResultNode o = list.add();
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                Object v = row[c];
                if (v == null) {
                    o.putNull(col.key());
                } else if (col.kind() == Kind.TEXT) {
                    o.put(col.key(), (String) v);
                } else if (col.kind() == Kind.INTEGER) {
                    o.put(col.key(), ((Number) v).longValue());
                } else {
                    o.put(col.key(), ((Number) v).doubleValue());
                }
            }
        }
    }

    private static String format(Column col, Object v) {
        if (v == null) {
            return "—";
        }
        switch (col.kind()) {
            case TEXT:
                return (String) v;
            case INTEGER:
                return Long.toString(((Number) v).longValue());
            case NUMBER:
                return formatNumber(((Number) v).doubleValue(), col.digits());
            default:
                return formatPercent(((Number) v).doubleValue(), col.digits());
        }
    }

    /**
     * Formats a finite number to {@code significant} significant digits, keeping trailing zeros
     * (so a column's numbers have the same precision): plain notation for 10⁻³ ≤ |x| &lt; 10⁶,
     * otherwise {@code d.ddde±XX}; zero is {@code 0}. Locale-independent.
     *
     * @throws IllegalArgumentException if x is not finite or significant is not in [1, 17]
     */
    public static String formatNumber(double x, int significant) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x);
        }
        if (!(significant >= 1 && significant <= 17)) {
            throw new IllegalArgumentException("significant must be in [1, 17], got " + significant);
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(x).round(new MathContext(significant, RoundingMode.HALF_EVEN));
        double a = Math.abs(b.doubleValue());
        if (a >= 1e-3 && a < 1e6) {
            // the exponent of the leading digit decides how many decimals keep `significant` digits
            int lead = b.precision() - b.scale() - 1;
            int decimals = Math.max(0, significant - 1 - lead);
            return b.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (significant - 1) + "e", b.doubleValue());
    }

    /**
     * Formats a finite fraction as a percentage with {@code decimals} decimals, e.g. 0.98393 with
     * 3 decimals gives {@code 98.393 %}. Locale-independent.
     *
     * @throws IllegalArgumentException if x is not finite or decimals is not in [0, 10]
     */
    public static String formatPercent(double x, int decimals) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x);
        }
        if (!(decimals >= 0 && decimals <= 10)) {
            throw new IllegalArgumentException("decimals must be in [0, 10], got " + decimals);
        }
        return new BigDecimal(x).movePointRight(2).setScale(decimals, RoundingMode.HALF_EVEN)
                .toPlainString() + " %";
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** Builds a {@link Table}: columns first, then rows. Not thread-safe. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();

        private Builder() {
        }

        /** Adds a text column. */
        public Builder text(String key, String header) {
            return column(new Column(key, header, Kind.TEXT, 0));
        }

        /** Adds an integer column. */
        public Builder integer(String key, String header) {
            return column(new Column(key, header, Kind.INTEGER, 0));
        }

        /** Adds a number column shown to {@code significant} significant digits. */
        public Builder number(String key, String header, int significant) {
            return column(new Column(key, header, Kind.NUMBER, significant));
        }

        /** Adds a fraction column shown as a percentage with {@code decimals} decimals. */
        public Builder percent(String key, String header, int decimals) {
            return column(new Column(key, header, Kind.PERCENT, decimals));
        }

        private Builder column(Column c) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("columns must be added before the first row");
            }
            for (Column o : columns) {
                if (o.key().equals(c.key())) {
                    throw new IllegalArgumentException("key must be unique, got \"" + c.key()
                            + "\" twice");
                }
            }
            columns.add(c);
            return this;
        }

        /**
         * Adds a row: one cell per column, in column order: a {@code String} for text, an
         * {@code Integer} or {@code Long} for integer, any finite {@code Number} for number and
         * percent; {@code null} for a value that does not exist.
         *
         * @throws IllegalArgumentException if the cell count or a cell's type is wrong, or a number
         *     is not finite
         */
        public Builder row(Object... cells) {
            Objects.requireNonNull(cells, "cells");
            if (columns.isEmpty()) {
                throw new IllegalStateException("add columns before rows");
            }
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("cells has " + cells.length + " entries, expected "
                        + columns.size() + " (one per column)");
            }
            for (int c = 0; c < cells.length; c++) {
                Object v = cells[c];
                Column col = columns.get(c);
                if (v == null) {
                    continue;
                }
                String where = "cells[" + c + "] (column " + col.key() + ")";
                switch (col.kind()) {
                    case TEXT:
                        if (!(v instanceof String)) {
                            throw new IllegalArgumentException(where + " must be a String, got "
                                    + v.getClass().getSimpleName());
                        }
                        break;
                    case INTEGER:
                        if (!(v instanceof Integer || v instanceof Long)) {
                            throw new IllegalArgumentException(where
                                    + " must be an Integer or Long, got " + v.getClass().getSimpleName());
                        }
                        break;
                    default:
                        if (!(v instanceof Number)) {
                            throw new IllegalArgumentException(where + " must be a Number, got "
                                    + v.getClass().getSimpleName());
                        }
                        double x = ((Number) v).doubleValue();
                        if (!Double.isFinite(x)) {
                            throw new IllegalArgumentException(where + " must be finite, got " + x);
                        }
                }
            }
            rows.add(cells.clone());
            return this;
        }

        /** The table. */
        public Table build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException("a table needs at least one column");
            }
            return new Table(columns, rows);
        }
    }
}
