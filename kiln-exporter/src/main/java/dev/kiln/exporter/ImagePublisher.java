package dev.kiln.exporter;

import dev.kiln.core.oci.Descriptor;
import dev.kiln.exporter.image.ImageName;

/**
 * Where images go that do not end up in a file: the local image store ({@code type=image}, and {@code type=docker}
 * without {@code dest}, which is what {@code --load} means here) and registries ({@code push=true}). All blobs the
 * manifest references are in the export's content store when these are called.
 */
public interface ImagePublisher {

    /** Points {@code name} at {@code manifest} in the local image store. */
    void store(ImageName name, Descriptor manifest);

    /** Uploads the manifest and every blob it references to the registry named by {@code name}. */
    void push(ImageName name, Descriptor manifest);
}
