package dev.kiln.core.oci;

import dev.kiln.core.json.JsonObject;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.List;
import java.util.Map;

/** An image manifest (OCI or Docker schema 2; the shapes are the same). */
public record Manifest(int schemaVersion, String mediaType, Descriptor config, List<Descriptor> layers,
                       Map<String, String> annotations) implements JsonWritable {

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("schemaVersion", schemaVersion).field("mediaType", mediaType).field("config", config)
                .field("layers", layers).field("annotations", annotations).endObject();
    }

    public static Manifest fromJson(JsonValue json) {
        JsonObject o = json.asObject();
        return new Manifest(o.getInt("schemaVersion"), o.getString("mediaType"), o.get("config", Descriptor::fromJson),
                o.getList("layers", Descriptor::fromJson), o.getStringMap("annotations"));
    }
}
