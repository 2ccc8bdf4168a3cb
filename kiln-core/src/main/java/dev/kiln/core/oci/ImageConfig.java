package dev.kiln.core.oci;

import dev.kiln.core.json.JsonObject;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.List;

/**
 * The image configuration blob, with the fields BuildKit's Dockerfile frontend reads and writes.
 * Immutable; use the {@code with*} methods to derive a changed copy.
 */
public record ImageConfig(String created, String author, String architecture, String os, String osVersion,
                          String variant, ContainerConfig config, RootFs rootfs, List<History> history)
        implements JsonWritable {

    public ImageConfig withConfig(ContainerConfig c) {
        return new ImageConfig(created, author, architecture, os, osVersion, variant, c, rootfs, history);
    }

    public ImageConfig withHistory(List<History> h) {
        return new ImageConfig(created, author, architecture, os, osVersion, variant, config, rootfs, h);
    }

    public ImageConfig withRootfs(RootFs r) {
        return new ImageConfig(created, author, architecture, os, osVersion, variant, config, r, history);
    }

    public ImageConfig withCreated(String c) {
        return new ImageConfig(c, author, architecture, os, osVersion, variant, config, rootfs, history);
    }

    public ImageConfig withPlatform(String newOs, String arch, String newVariant) {
        return new ImageConfig(created, author, arch, newOs, osVersion, newVariant, config, rootfs, history);
    }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("created", created).field("author", author).field("architecture", architecture)
                .field("os", os).field("os.version", osVersion).field("variant", variant).field("config", config)
                .field("rootfs", rootfs).field("history", history).endObject();
    }

    public static ImageConfig fromJson(JsonValue json) {
        JsonObject o = json.asObject();
        return new ImageConfig(o.getString("created"), o.getString("author"), o.getString("architecture"),
                o.getString("os"), o.getString("os.version"), o.getString("variant"),
                o.get("config", ContainerConfig::fromJson), o.get("rootfs", RootFs::fromJson),
                o.getList("history", History::fromJson));
    }

    public record RootFs(String type, List<String> diffIds) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("type", type).field("diff_ids", diffIds).endObject();
        }

        public static RootFs fromJson(JsonValue json) {
            JsonObject o = json.asObject();
            return new RootFs(o.getString("type"), o.getStrings("diff_ids"));
        }
    }

    public record History(String created, String createdBy, String author, String comment, boolean emptyLayer)
            implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("created", created).field("created_by", createdBy).field("author", author)
                    .field("comment", comment).field("empty_layer", emptyLayer).endObject();
        }

        public static History fromJson(JsonValue json) {
            JsonObject o = json.asObject();
            return new History(o.getString("created"), o.getString("created_by"), o.getString("author"),
                    o.getString("comment"), o.getBoolean("empty_layer"));
        }
    }
}
