package dev.kiln.core.oci;

import dev.kiln.core.json.JsonObject;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.List;
import java.util.Map;

/** An image index / manifest list. */
public record Index(int schemaVersion, String mediaType, List<Descriptor> manifests, Map<String, String> annotations)
        implements JsonWritable {

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("schemaVersion", schemaVersion).field("mediaType", mediaType)
                .field("manifests", manifests).field("annotations", annotations).endObject();
    }

    public static Index fromJson(JsonValue json) {
        JsonObject o = json.asObject();
        return new Index(o.getInt("schemaVersion"), o.getString("mediaType"),
                o.getList("manifests", Descriptor::fromJson), o.getStringMap("annotations"));
    }
}
