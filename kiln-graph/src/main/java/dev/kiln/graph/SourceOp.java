package dev.kiln.graph;

import dev.kiln.core.json.JsonWriter;

import java.util.Map;

/**
 * A root of the graph. Identifiers use BuildKit's schemes: {@code docker-image://docker.io/library/alpine:3.20}
 * (pinned with {@code @sha256:...} once resolved) and {@code local://context} (a directory the client
 * supplies at solve time). Attributes use BuildKit's keys ({@code local.excludepatterns},
 * {@code image.resolvemode}, ...).
 */
public record SourceOp(String identifier, Map<String, String> attrs) implements Op {
    public static final String LOCAL_SCHEME = "local://";
    public static final String IMAGE_SCHEME = "docker-image://";

    public SourceOp {
        attrs = Map.copyOf(attrs);
    }

    @Override
    public int outputCount() {
        return 1;
    }

    public boolean isLocal() {
        return identifier.startsWith(LOCAL_SCHEME);
    }

    public boolean isImage() {
        return identifier.startsWith(IMAGE_SCHEME);
    }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("type", "source").field("identifier", identifier).field("attrs", attrs).endObject();
    }
}
