package dev.kiln.exporter.image;

import dev.kiln.core.oci.Descriptor;

import java.util.List;

/**
 * An image whose blobs (layers, config, manifest) are all committed to the content store. {@code manifest} carries
 * the annotations meant for the descriptor that points at it from an OCI layout's {@code index.json}.
 */
public record AssembledImage(Descriptor manifest, Descriptor config, List<Descriptor> layers) {
    public AssembledImage {
        layers = List.copyOf(layers);
    }

    /** The manifest descriptor without layout annotations, as image stores and registries get it. */
    public Descriptor plainManifest() {
        return new Descriptor(manifest.mediaType(), manifest.digest(), manifest.size(), null, null);
    }
}
