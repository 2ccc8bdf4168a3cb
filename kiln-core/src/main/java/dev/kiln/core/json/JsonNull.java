package dev.kiln.core.json;

/** JSON's {@code null}. Object accessors treat a null member as absent, as Go does. */
public enum JsonNull implements JsonValue {
    INSTANCE;

    @Override
    public String kind() {
        return "null";
    }

    @Override
    public Object toPlain() {
        return null;
    }
}
