package dev.kiln.core.json;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and writes Kiln's JSON documents. Output is deterministic: fields in the order each type writes them, map
 * entries sorted by key (OCI and BuildKit digests are taken over these bytes), empty values omitted like Go's
 * {@code omitempty} (see {@link JsonWriter}). Input is parsed strictly into a {@link JsonValue} tree that each type
 * reads its fields from, ignoring unknown ones.
 */
public final class Json {
    private Json() {
    }

    public static byte[] bytes(JsonWritable value) {
        return write(value);
    }

    public static String string(JsonWritable value) {
        return text(value);
    }

    /** A map as a JSON object (entries sorted by key); values as {@link JsonWriter#value(Object)} writes them. */
    public static byte[] bytes(Map<String, ?> map) {
        return write(map);
    }

    public static String string(Map<String, ?> map) {
        return text(map);
    }

    /** A list as a JSON array; elements as {@link JsonWriter#value(Object)} writes them. */
    public static byte[] bytes(Collection<?> values) {
        return write(values);
    }

    public static String string(Collection<?> values) {
        return text(values);
    }

    /** Indented for people, as Jackson's default pretty printer lays it out. */
    public static String pretty(JsonWritable value) {
        return JsonWriter.pretty().value(value).toString();
    }

    /** Parses JSON; a syntax error is a {@link JsonException} saying where, for callers that report it their way. */
    public static JsonValue read(byte[] data) {
        return JsonReader.read(data);
    }

    /**
     * Parses untrusted bytes and reads them with {@code reader} (a type's {@code fromJson}); malformed JSON or a
     * value of the wrong type becomes an INVALID_ARGUMENT error naming {@code what} and where in it.
     */
    public static <T> T parse(byte[] data, Function<JsonValue, T> reader, String what) {
        try {
            return reader.apply(JsonReader.read(data));
        } catch (JsonException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "malformed " + what + ": " + e.getMessage(), e);
        }
    }

    private static byte[] write(Object value) {
        return JsonWriter.compact().value(value).toByteArray();
    }

    private static String text(Object value) {
        return JsonWriter.compact().value(value).toString();
    }
}
