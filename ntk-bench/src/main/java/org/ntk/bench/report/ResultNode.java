package org.ntk.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON object of {@code results.json}, filled key by key: keys keep the order in which they
 * were first put, so the file is stable in key order (DESIGN.md, "File formats").
 *
 * <p>Rules: a key is a non-empty string and may be put only once per object; numbers must be
 * finite (a NaN in the results is a bug to report, not a value to write); {@code null} strings and
 * {@link #putNull} give JSON {@code null}. Doubles are written in Java's shortest round-trip form,
 * so reading the file back gives the same {@code double}s bit for bit.
 *
 * <p>Not thread-safe: a report section fills its node from one thread.
 */
public final class ResultNode {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode node;
    private final String path;

    private ResultNode(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** A new, empty root object. */
    public static ResultNode root() {
        return new ResultNode(JsonNodeFactory.instance.objectNode(), "");
    }

    /** This node's dotted path from the root, e.g. {@code fim.clusters[0]}; empty for the root. */
    public String path() {
        return path;
    }

    /** Puts a finite number. */
    public ResultNode put(String key, double value) {
        String k = newKey(key);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(where(k) + " must be finite, got " + value);
        }
        node.put(k, value);
        return this;
    }

    /** Puts an integer. */
    public ResultNode put(String key, long value) {
        node.put(newKey(key), value);
        return this;
    }

    /** Puts a string ({@code null} gives JSON null). */
    public ResultNode put(String key, String value) {
        String k = newKey(key);
        if (value == null) {
            node.putNull(k);
        } else {
            node.put(k, value);
        }
        return this;
    }

    /** Puts a boolean. */
    public ResultNode put(String key, boolean value) {
        node.put(newKey(key), value);
        return this;
    }

    /** Puts JSON null (a value that does not exist, e.g. a multiplicity-0 cluster's mean). */
    public ResultNode putNull(String key) {
        node.putNull(newKey(key));
        return this;
    }

    /** Puts an array of finite numbers (copied). */
    public ResultNode put(String key, double[] values) {
        String k = newKey(key);
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(where(k) + "[" + i + "] must be finite, got "
                        + values[i]);
            }
        }
        ArrayNode a = node.putArray(k);
        for (double v : values) {
            a.add(v);
        }
        return this;
    }

    /** Puts an array of integers (copied). */
    public ResultNode put(String key, long[] values) {
        String k = newKey(key);
        Objects.requireNonNull(values, "values");
        ArrayNode a = node.putArray(k);
        for (long v : values) {
            a.add(v);
        }
        return this;
    }

    /** Puts a new empty object under {@code key} and returns it for filling. */
    public ResultNode object(String key) {
        String k = newKey(key);
        return new ResultNode(node.putObject(k), where(k));
    }

    /** Puts a new empty array of objects under {@code key} and returns it for filling. */
    public ResultList list(String key) {
        String k = newKey(key);
        return new ResultList(node.putArray(k), where(k));
    }

    /** Whether {@code key} has been put in this object. */
    public boolean has(String key) {
        return node.has(key);
    }

    /** The object as indented UTF-8 JSON text (with a final newline). */
    public byte[] toJsonBytes() {
        try {
            byte[] body = MAPPER.writeValueAsBytes(node);
            byte[] out = new byte[body.length + 1];
            System.arraycopy(body, 0, out, 0, body.length);
            out[body.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object as indented JSON text. */
    public String toJson() {
        return new String(toJsonBytes(), StandardCharsets.UTF_8);
    }

    /** Parses JSON text (for tests and tools that read {@code results.json} back). */
    public static JsonNode parse(byte[] json) {
        Objects.requireNonNull(json, "json");
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("json is not valid JSON, got: " + e.getMessage(), e);
        }
    }

    private String newKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must be non-empty, got \"\" in "
                    + (path.isEmpty() ? "the root" : path));
        }
        if (node.has(key)) {
            throw new IllegalArgumentException("key must be new, got " + where(key)
                    + " which is already set");
        }
        return key;
    }

    private String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An array of JSON objects (for example the rows of a table), filled one element at a time. */
    public static final class ResultList {
        private final ArrayNode array;
        private final String path;

        private ResultList(ArrayNode array, String path) {
            this.array = array;
            this.path = path;
        }

        /** Appends a new empty object and returns it for filling. */
        public ResultNode add() {
            String p = path + "[" + array.size() + "]";
            return new ResultNode(array.addObject(), p);
        }

        /** The number of elements so far. */
        public int size() {
            return array.size();
        }
    }
}
