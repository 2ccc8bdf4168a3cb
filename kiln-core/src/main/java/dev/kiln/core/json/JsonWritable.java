package dev.kiln.core.json;

/**
 * A value that writes itself as JSON, field by field in a fixed order: OCI and BuildKit digests are taken over these
 * bytes, so the order and the omitted fields are part of the format (see {@link JsonWriter}'s field methods).
 */
@FunctionalInterface
public interface JsonWritable {
    void writeJson(JsonWriter w);
}
