package dev.kiln.worker.image;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.Descriptor;

import java.time.Instant;

/**
 * A named image in the local image store: {@code name} is a normalised reference
 * ({@code docker.io/library/busybox:latest}), {@code target} the descriptor of its manifest or index in the
 * content store.
 */
public record ImageRecord(String name, Descriptor target, Instant created) {

    public Digest digest() {
        return target.parsedDigest();
    }

    public long size() {
        return target.size();
    }
}
