package dev.kiln.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.nio.charset.StandardCharsets;

/**
 * The project's single JSON mapper. Output is deterministic: record components in declaration order,
 * map entries sorted by key (OCI and BuildKit digests are taken over these bytes), empty values omitted
 * like Go's {@code omitempty}.
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
}
