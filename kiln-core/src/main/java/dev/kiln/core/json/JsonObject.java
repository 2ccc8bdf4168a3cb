package dev.kiln.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A JSON object: members in document order (a repeated name keeps its first place and its last value, as Jackson and
 * Go read it). The {@code get*} accessors read one member for a typed record: an absent or null member gives the
 * Java default (null, 0, false), unknown members are ignored, and a member of the wrong type fails with its path.
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public JsonObject {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    @Override
    public String kind() {
        return "an object";
    }

    @Override
    public JsonObject asObject() {
        return this;
    }

    /** The member, or null when absent or JSON null. */
    public JsonValue get(String name) {
        JsonValue v = members.get(name);
        return v == JsonNull.INSTANCE ? null : v;
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** The member read by {@code reader}; null when absent or JSON null. */
    public <T> T get(String name, Function<JsonValue, T> reader) {
        JsonValue v = get(name);
        if (v == null) {
            return null;
        }
        try {
            return reader.apply(v);
        } catch (JsonException e) {
            throw e.inMember(name);
        }
    }

    public String getString(String name) {
        return get(name, JsonValue::asString);
    }

    /** The string member, or {@code absent} when it is absent or JSON null. */
    public String getString(String name, String absent) {
        String s = getString(name);
        return s == null ? absent : s;
    }

    public long getLong(String name) {
        Long n = get(name, JsonValue::asLong);
        return n == null ? 0 : n;
    }

    public int getInt(String name) {
        Integer n = get(name, JsonValue::asInt);
        return n == null ? 0 : n;
    }

    public boolean getBoolean(String name) {
        return Boolean.TRUE.equals(get(name, JsonValue::asBoolean));
    }

    /** An array member, each element read by {@code element}; null when absent. */
    public <T> List<T> getList(String name, Function<JsonValue, T> element) {
        return get(name, v -> v.asArray().map(element));
    }

    public List<String> getStrings(String name) {
        return get(name, JsonValue::asStrings);
    }

    public Map<String, String> getStringMap(String name) {
        return get(name, JsonValue::asStringMap);
    }

    /** An object member of any values, as Jackson reads {@code Map<String, Object>} (see {@link #toPlain}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getPlainMap(String name) {
        return get(name, v -> (Map<String, Object>) v.asObject().toPlain());
    }

    /** Every member's value read by {@code value}, in document order; a failure names the member. */
    public <T> Map<String, T> map(Function<JsonValue, T> value) {
        Map<String, T> out = new LinkedHashMap<>();
        members.forEach((name, v) -> {
            try {
                out.put(name, value.apply(v));
            } catch (JsonException e) {
                throw e.inMember(name);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Object toPlain() {
        Map<String, Object> out = new LinkedHashMap<>();
        members.forEach((name, v) -> out.put(name, v.toPlain()));
        return out;
    }
}
