package org.ntk.core.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the subset of Python literal syntax that {@code .npy} headers use (the text
 * {@code ast.literal_eval} accepts for them): dicts with string keys, strings in single or double
 * quotes, integers (an optional Python 2 {@code L} suffix is accepted), {@code True}, {@code False},
 * {@code None}, tuples and lists, nested at most {@value #MAX_DEPTH} deep.
 *
 * <p>Values map to Java as: str → {@link String}, int → {@link Long}, bool → {@link Boolean}, None →
 * {@link #NONE}, tuple → {@link Tuple}, list → unmodifiable {@link List}, dict → unmodifiable
 * {@link Map} in source order. Every syntax error is an {@link IllegalArgumentException} naming the
 * source and the position. Linear time in the length of the text; every loop consumes input, so no
 * input can make it loop forever.
 */
final class PythonLiteral {

    /** Python's {@code None}. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A Python tuple. */
    record Tuple(List<Object> items) {
    }

    static final int MAX_DEPTH = 16;
    private static final int MAX_INT_DIGITS = 19;

    private final String text;
    private final String source;
    private int pos;

    private PythonLiteral(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * Parses one literal; only whitespace may follow it.
     *
     * @param text the literal
     * @param source the file name for error messages
     * @throws IllegalArgumentException on any syntax error
     */
    static Object parse(String text, String source) {
        PythonLiteral p = new PythonLiteral(text, source);
        Object value = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("must end after the literal", "'" + snippet(text, p.pos) + "'");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("must nest at most " + MAX_DEPTH + " deep", "deeper nesting");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("must not end before a value", "end of header");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict(depth);
            case '(':
                return sequence(depth, ')');
            case '[':
                return sequence(depth, ']');
            case '\'':
            case '"':
                return string();
            default:
                if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
                    return integer();
                }
                if (Character.isLetter(c)) {
                    return name();
                }
                throw error("has an unexpected character", "'" + c + "' at offset " + pos);
        }
    }

    private Map<String, Object> dict(int depth) {
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            }
            Object key = value(depth + 1);
            if (!(key instanceof String)) {
                throw error("dict keys must be strings", render(key));
            }
            skipSpace();
            expect(':');
            Object v = value(depth + 1);
            if (map.put((String) key, v) != null) {
                throw error("dict keys must be unique", "'" + key + "' twice");
            }
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c != '}') {
                throw error("dict entries must be separated by ','", describeHere());
            }
        }
    }

    private Object sequence(int depth, char close) {
        pos++; // '(' or '['
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                break;
            }
            items.add(value(depth + 1));
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
                sawComma = true;
            } else if (c != close) {
                throw error("items must be separated by ','", describeHere());
            }
        }
        if (close == ')') {
            if (items.size() == 1 && !sawComma) {
                return items.get(0); // a parenthesised expression, not a tuple
            }
            return new Tuple(Collections.unmodifiableList(items));
        }
        return Collections.unmodifiableList(items);
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("strings must be closed", "an unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\n') {
                throw error("strings must be closed on their line", "a line break inside a string");
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("strings must be closed", "an unterminated string");
                }
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
    }

    private Long integer() {
        int start = pos;
        boolean negative = false;
        char c = text.charAt(pos);
        if (c == '-' || c == '+') {
            negative = c == '-';
            pos++;
        }
        int digitsStart = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        int digits = pos - digitsStart;
        if (digits == 0) {
            throw error("must contain only integer numbers", "'" + snippet(text, start) + "'");
        }
        if (digits > MAX_INT_DIGITS) {
            throw error("integers must have at most " + MAX_INT_DIGITS + " digits", text.substring(start, pos));
        }
        long value;
        try {
            value = Long.parseLong(text.substring(digitsStart, pos));
        } catch (NumberFormatException e) {
            throw error("integers must fit in 64 bits", text.substring(start, pos));
        }
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++; // Python 2 long suffix, written by old NumPy versions
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            throw error("must contain only integer numbers", "'" + snippet(text, start) + "'");
        }
        return negative ? -value : value;
    }

    private Object name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return NONE;
            default:
                throw error("must contain only literals", "'" + snippet(word, 0) + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("must not end inside a dict, tuple or list", "end of header");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'", describeHere());
        }
        pos++;
    }

    private String describeHere() {
        return "'" + snippet(text, pos) + "' at offset " + pos;
    }

    private IllegalArgumentException error(String rule, String got) {
        return new IllegalArgumentException(source + ": header " + rule + ", got " + got);
    }

    /** Up to 20 characters of {@code s} from {@code from}, with control characters escaped. */
    static String snippet(String s, int from) {
        int end = Math.min(s.length(), from + 20);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        if (end < s.length()) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** A Python-like rendering of a parsed value, at most about 60 characters, for error messages. */
    static String render(Object v) {
        String s = renderFull(v, 0);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String renderFull(Object v, int depth) {
        if (depth > MAX_DEPTH + 1) {
            return "…";
        }
        if (v instanceof String) {
            return "'" + snippet((String) v, 0) + "'";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Tuple) {
            List<Object> items = ((Tuple) v).items();
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size() && sb.length() < 80; i++) {
                sb.append(i > 0 ? ", " : "").append(renderFull(items.get(i), depth + 1));
            }
            return sb.append(items.size() == 1 ? ",)" : ")").toString();
        }
        if (v instanceof List) {
            List<?> items = (List<?>) v;
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < items.size() && sb.length() < 80; i++) {
                sb.append(i > 0 ? ", " : "").append(renderFull(items.get(i), depth + 1));
            }
            return sb.append("]").toString();
        }
        if (v instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (sb.length() > 80) {
                    break;
                }
                sb.append(sb.length() > 1 ? ", " : "").append(renderFull(e.getKey(), depth + 1)).append(": ")
                        .append(renderFull(e.getValue(), depth + 1));
            }
            return sb.append("}").toString();
        }
        return String.valueOf(v);
    }
}
