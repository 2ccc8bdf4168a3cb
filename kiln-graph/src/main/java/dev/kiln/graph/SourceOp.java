package dev.kiln.graph;

import com.fasterxml.jackson.annotation.JsonIgnore;

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

    @JsonIgnore
    public boolean isLocal() {
        return identifier.startsWith(LOCAL_SCHEME);
    }

    @JsonIgnore
    public boolean isImage() {
        return identifier.startsWith(IMAGE_SCHEME);
    }
}
