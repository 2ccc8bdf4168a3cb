package dev.kiln.core.oci;

import dev.kiln.core.json.JsonObject;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.Map;

/** An OCI content descriptor. {@code platform} is set only inside indexes. */
public record Descriptor(String mediaType, String digest, long size, Map<String, String> annotations,
                         OciPlatform platform) implements JsonWritable {

    public static Descriptor of(String mediaType, dev.kiln.core.Digest digest, long size) {
        return new Descriptor(mediaType, digest.toString(), size, null, null);
    }

    public dev.kiln.core.Digest parsedDigest() {
        return dev.kiln.core.Digest.parse(digest);
    }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("mediaType", mediaType).field("digest", digest).field("size", size)
                .field("annotations", annotations).field("platform", platform).endObject();
    }

    public static Descriptor fromJson(JsonValue json) {
        JsonObject o = json.asObject();
        return new Descriptor(o.getString("mediaType"), o.getString("digest"), o.getLong("size"),
                o.getStringMap("annotations"), o.get("platform", OciPlatform::fromJson));
    }

    /** The platform as written in an index entry (OCI field names). */
    public record OciPlatform(String architecture, String os, String variant, String osVersion) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("architecture", architecture).field("os", os).field("variant", variant)
                    .field("os.version", osVersion).endObject();
        }

        public static OciPlatform fromJson(JsonValue json) {
            JsonObject o = json.asObject();
            return new OciPlatform(o.getString("architecture"), o.getString("os"), o.getString("variant"),
                    o.getString("os.version"));
        }
    }
}
