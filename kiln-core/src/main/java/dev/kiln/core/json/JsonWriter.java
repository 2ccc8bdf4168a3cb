package dev.kiln.core.json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes JSON as UTF-8, byte for byte what Kiln's documents have always been (they were written by Jackson, and image
 * digests and cache keys are taken over them): no whitespace, or Jackson's default pretty printing; strings escaped
 * like Jackson (see {@link JsonStrings}); map entries sorted by key.
 *
 * <p>The {@code field} methods omit empty values like Go's {@code omitempty} (Jackson's NON_EMPTY inclusion): null,
 * {@code ""}, empty collections, maps and byte arrays are left out, while primitives ({@code 0}, {@code false}) and
 * objects (even {@code {}}) are always written. Map entries and list elements are written whatever their value.
 */
public final class JsonWriter {
    /** Jackson's default limit; only a cycle in the values written could reach it. */
    private static final int MAX_DEPTH = 1000;

    private final ByteSink out = new ByteSink();
    private final boolean pretty;
    /** Per open container: entries written so far, and whether it is an object. */
    private int[] counts = new int[16];
    private boolean[] objects = new boolean[16];
    private int depth;
    /** Open objects: Jackson's pretty printer indents by objects only, arrays stay on one line. */
    private int objectDepth;
    private boolean afterName;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    /** Compact output, as every document Kiln stores or hashes. */
    public static JsonWriter compact() {
        return new JsonWriter(false);
    }

    /**
     * Jackson's default pretty printing: objects one entry per line indented by two, arrays on one line, {@code \n}
     * line ends (Jackson's on Linux).
     */
    public static JsonWriter pretty() {
        return new JsonWriter(true);
    }

    public JsonWriter beginObject() {
        beforeValue();
        out.write('{');
        push(true);
        objectDepth++;
        return this;
    }

    public JsonWriter endObject() {
        objectDepth--;
        if (pretty) {
            if (counts[depth - 1] > 0) {
                newline(objectDepth);
            } else {
                out.write(' ');
            }
        }
        out.write('}');
        depth--;
        return this;
    }

    public JsonWriter beginArray() {
        beforeValue();
        out.write('[');
        push(false);
        return this;
    }

    public JsonWriter endArray() {
        if (pretty) {
            out.write(' ');
        }
        out.write(']');
        depth--;
        return this;
    }

    /** Starts an object entry; the next value written is its value. */
    public JsonWriter name(String name) {
        if (depth == 0 || !objects[depth - 1] || afterName) {
            throw new IllegalStateException("a name belongs in an object, before its value: " + name);
        }
        if (counts[depth - 1]++ > 0) {
            out.write(',');
        }
        if (pretty) {
            newline(objectDepth);
        }
        JsonStrings.write(out, name);
        out.writeAscii(pretty ? " : " : ":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        if (s == null) {
            return nullValue();
        }
        beforeValue();
        JsonStrings.write(out, s);
        return this;
    }

    public JsonWriter value(long n) {
        return raw(Long.toString(n));
    }

    public JsonWriter value(boolean b) {
        return raw(b ? "true" : "false");
    }

    public JsonWriter nullValue() {
        return raw("null");
    }

    /**
     * Writes a value of the shapes JSON has in plain Java: null, String, Boolean, Integer, Long, BigInteger, Double,
     * Map (entries sorted by key unless it is a SortedMap already), List or other Collection, Enum (by name), byte[]
     * (base64), or a {@link JsonWritable}.
     */
    public JsonWriter value(Object v) {
        switch (v) {
            case null -> nullValue();
            case String s -> value(s);
            case JsonWritable w -> w.writeJson(this);
            case Boolean b -> value(b.booleanValue());
            case Integer n -> value(n.longValue());
            case Long n -> value(n.longValue());
            case BigInteger n -> raw(n.toString());
            case Double d -> value(d.doubleValue());
            case Map<?, ?> m -> map(m);
            case Collection<?> c -> collection(c);
            case Enum<?> e -> value(e.name());
            case byte[] b -> value(Base64.getEncoder().encodeToString(b));
            default -> throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
        return this;
    }

    /** Doubles as Java prints them; NaN and the infinities, which JSON lacks, as strings like Jackson. */
    public JsonWriter value(double d) {
        return Double.isFinite(d) ? raw(Double.toString(d)) : value(Double.toString(d));
    }

    /** A string entry, left out when null or empty. */
    public JsonWriter field(String name, String value) {
        return value == null || value.isEmpty() ? this : name(name).value(value);
    }

    /** A number entry, always written: Go and Jackson omit no primitive. */
    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** A boxed number entry (Integer, Long, BigInteger), left out when null. */
    public JsonWriter field(String name, Number value) {
        return value == null ? this : name(name).value(value);
    }

    public JsonWriter field(String name, Enum<?> value) {
        return value == null ? this : name(name).value(value.name());
    }

    /** An object entry, left out when null; an object without entries is written as {@code {}}. */
    public JsonWriter field(String name, JsonWritable value) {
        return value == null ? this : name(name).value(value);
    }

    /** Base64, left out when null or empty. */
    public JsonWriter field(String name, byte[] value) {
        return value == null || value.length == 0 ? this : name(name).value(value);
    }

    /** An array entry, left out when null or empty; elements as {@link #value(Object)} writes them. */
    public JsonWriter field(String name, Collection<?> values) {
        return values == null || values.isEmpty() ? this : name(name).collection(values);
    }

    /** An object entry from a map, left out when null or empty; entries sorted by key. */
    public JsonWriter field(String name, Map<String, ?> map) {
        return map == null || map.isEmpty() ? this : name(name).map(map);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private JsonWriter collection(Collection<?> values) {
        beginArray();
        for (Object v : values) {
            value(v);
        }
        return endArray();
    }

    private JsonWriter map(Map<?, ?> map) {
        Map<?, ?> sorted = map instanceof SortedMap<?, ?> ? map : new TreeMap<>(map);
        beginObject();
        for (Map.Entry<?, ?> e : sorted.entrySet()) {
            name((String) e.getKey()).value(e.getValue());
        }
        return endObject();
    }

    private JsonWriter raw(String ascii) {
        beforeValue();
        out.writeAscii(ascii);
        return this;
    }

    /** The separator before a value: none after a name, else a comma in an array after its first element. */
    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (objects[depth - 1]) {
            throw new IllegalStateException("a value in an object needs a name first");
        }
        if (counts[depth - 1]++ > 0) {
            out.write(',');
        }
        if (pretty) {
            out.write(' ');
        }
    }

    private void push(boolean object) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
        }
        if (depth == counts.length) {
            counts = Arrays.copyOf(counts, depth * 2);
            objects = Arrays.copyOf(objects, depth * 2);
        }
        counts[depth] = 0;
        objects[depth] = object;
        depth++;
    }

    private void newline(int indent) {
        out.write('\n');
        for (int i = 0; i < indent; i++) {
            out.writeAscii("  ");
        }
    }
}
