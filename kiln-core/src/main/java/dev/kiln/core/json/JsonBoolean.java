package dev.kiln.core.json;

public record JsonBoolean(boolean value) implements JsonValue {
    public static final JsonBoolean TRUE = new JsonBoolean(true);
    public static final JsonBoolean FALSE = new JsonBoolean(false);

    @Override
    public String kind() {
        return "a boolean";
    }

    @Override
    public boolean asBoolean() {
        return value;
    }

    @Override
    public Object toPlain() {
        return value;
    }
}
