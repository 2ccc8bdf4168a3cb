package dev.kiln.core.json;

import java.util.Objects;

public record JsonString(String value) implements JsonValue {
    public JsonString {
        Objects.requireNonNull(value);
    }

    @Override
    public String kind() {
        return "a string";
    }

    @Override
    public String asString() {
        return value;
    }

    @Override
    public Object toPlain() {
        return value;
    }
}
