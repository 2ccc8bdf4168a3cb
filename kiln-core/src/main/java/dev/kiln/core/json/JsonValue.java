package dev.kiln.core.json;

import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value. The {@code as*} accessors convert to Java and throw {@link JsonException} when the value has
 * another JSON type (no coercion: a number is not a string, {@code "1"} is not a number), as Go's decoder does.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** What this is, for messages: "an object", "a string", "null", ... */
    String kind();

    default JsonObject asObject() {
        throw JsonException.mismatch("an object", this);
    }

    default JsonArray asArray() {
        throw JsonException.mismatch("an array", this);
    }

    default String asString() {
        throw JsonException.mismatch("a string", this);
    }

    default boolean asBoolean() {
        throw JsonException.mismatch("a boolean", this);
    }

    /** An integer without fraction or exponent, in range. */
    default long asLong() {
        throw JsonException.mismatch("a number", this);
    }

    default int asInt() {
        throw JsonException.mismatch("a number", this);
    }

    default double asDouble() {
        throw JsonException.mismatch("a number", this);
    }

    /**
     * The value as Jackson reads JSON into {@code Object}: LinkedHashMap, ArrayList, String, Boolean, null, Integer,
     * Long or BigInteger for integers (the smallest that fits), Double otherwise. {@link JsonWriter#value(Object)}
     * writes it back.
     */
    Object toPlain();

    default List<String> asStrings() {
        return asArray().map(JsonValue::asString);
    }

    default Map<String, String> asStringMap() {
        return asObject().map(JsonValue::asString);
    }
}
