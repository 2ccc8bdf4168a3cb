package dev.kiln.core.oci;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The image configuration blob, with the fields BuildKit's Dockerfile frontend reads and writes.
 * Immutable; use the {@code with*} methods to derive a changed copy.
 */
public record ImageConfig(
        @JsonProperty("created") String created,
        @JsonProperty("author") String author,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("os") String os,
        @JsonProperty("os.version") String osVersion,
        @JsonProperty("variant") String variant,
        @JsonProperty("config") ContainerConfig config,
        @JsonProperty("rootfs") RootFs rootfs,
        @JsonProperty("history") List<History> history) {

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

    public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {
    }

    public record History(
            @JsonProperty("created") String created,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("author") String author,
            @JsonProperty("comment") String comment,
            @JsonProperty("empty_layer") boolean emptyLayer) {
    }
}
