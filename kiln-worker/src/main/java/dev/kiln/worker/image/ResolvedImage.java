package dev.kiln.worker.image;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.oci.Manifest;
import dev.kiln.worker.registry.ImageReference;

import java.util.List;

/**
 * An image resolved for one platform. Manifest and config bytes are in the content store; layers are not fetched
 * yet (see {@link ImageSource#fetchLayers}).
 *
 * @param ref            the reference pinned to the digest it resolved to (the index digest for multi-platform
 *                       images), e.g. {@code docker.io/library/busybox:latest@sha256:…}
 * @param manifestDigest the platform's manifest
 * @param layers         the manifest's layers, base first
 */
public record ResolvedImage(ImageReference ref, Digest manifestDigest, Manifest manifest, ImageConfig config,
                            List<Descriptor> layers) {
    public ResolvedImage {
        layers = List.copyOf(layers);
    }

    public Descriptor configDescriptor() {
        return manifest.config();
    }
}
