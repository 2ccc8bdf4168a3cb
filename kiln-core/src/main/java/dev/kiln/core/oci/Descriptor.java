package dev.kiln.core.oci;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** An OCI content descriptor. {@code platform} is set only inside indexes. */
public record Descriptor(
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("digest") String digest,
        @JsonProperty("size") long size,
        @JsonProperty("annotations") Map<String, String> annotations,
        @JsonProperty("platform") OciPlatform platform) {

    public static Descriptor of(String mediaType, dev.kiln.core.Digest digest, long size) {
        return new Descriptor(mediaType, digest.toString(), size, null, null);
    }

    public dev.kiln.core.Digest parsedDigest() {
        return dev.kiln.core.Digest.parse(digest);
    }

    /** The platform as written in an index entry (OCI field names). */
    public record OciPlatform(
            @JsonProperty("architecture") String architecture,
            @JsonProperty("os") String os,
            @JsonProperty("variant") String variant,
            @JsonProperty("os.version") String osVersion) {
    }
}
