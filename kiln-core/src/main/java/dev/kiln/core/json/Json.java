package dev.kiln.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.nio.charset.StandardCharsets;
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
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Builds and caches the mapper's serializers and deserializers for {@code types} now. Jackson makes them on first
     * use by reflection, which at JVM start-up is slow interpreted code; a command that knows the types it is about to
     * read and write can have that done on another core meanwhile.
     */
    public static void prepare(Class<?>... types) {
        for (Class<?> type : types) {
            MAPPER.readerFor(type);
            MAPPER.writerFor(type);
        }
    }

    public static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String string(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /** Parses untrusted bytes; malformed input becomes an INVALID_ARGUMENT error naming {@code what}. */
    public static <T> T parse(byte[] data, Class<T> type, String what) {
        try {
            return MAPPER.readValue(data, type);
        } catch (JacksonException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "malformed " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    public static byte[] bytes(JsonWritable value) {
        return write(value);
    }

    public static String string(JsonWritable value) {
        return JsonWriter.compact().value(value).toString();
    }

    /** A map as a JSON object (entries sorted by key); values as {@link JsonWriter#value(Object)} writes them. */
    public static byte[] bytes(Map<String, ?> map) {
        return write(map);
    }

    public static String string(Map<String, ?> map) {
        return JsonWriter.compact().value(map).toString();
    }

    /** A list as a JSON array; elements as {@link JsonWriter#value(Object)} writes them. */
    public static byte[] bytes(Collection<?> values) {
        return write(values);
    }

    public static String string(Collection<?> values) {
        return JsonWriter.compact().value(values).toString();
    }

    /** Indented for people, as Jackson's default pretty printer lays it out. */
    public static String pretty(JsonWritable value) {
        return JsonWriter.pretty().value(value).toString();
    }

    /** Parses JSON; a syntax error is a {@link JsonException} saying where, for callers that report it their way. */
    public static JsonValue read(byte[] data) {
        return JsonReader.read(data);
    }

    /** Parses untrusted bytes; malformed input becomes an INVALID_ARGUMENT error naming {@code what}. */
    public static JsonValue parse(byte[] data, String what) {
        return parse(data, Function.identity(), what);
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
}
