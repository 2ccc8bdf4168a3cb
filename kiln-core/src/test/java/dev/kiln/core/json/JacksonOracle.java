package dev.kiln.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson configured exactly as Kiln's mapper was before Kiln wrote its own JSON code: the oracle that differential
 * tests compare {@link JsonWriter} and {@link JsonReader} with. Test scope only; the product does not use Jackson.
 */
public final class JacksonOracle {
    private static final JsonMapper MAPPER = builder().build();

    private JacksonOracle() {
    }

    /** Today's settings: map entries sorted by key, unknown properties ignored, NON_EMPTY inclusion. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_EMPTY));
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
