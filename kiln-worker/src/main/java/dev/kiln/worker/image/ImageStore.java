package dev.kiln.worker.image;

import dev.kiln.core.oci.Descriptor;
import dev.kiln.worker.registry.ImageReference;

import java.util.List;
import java.util.Optional;

/**
 * Names for images whose content lives in the content store (containerd's image store): a name points at one
 * manifest or index descriptor. The store keeps only names; the content store keeps bytes.
 */
public interface ImageStore {

    /** Points {@code name} at {@code target}, replacing what it pointed at before. */
    ImageRecord put(ImageReference name, Descriptor target);

    Optional<ImageRecord> get(ImageReference name);

    /** All names, sorted. */
    List<ImageRecord> list();

    /** Removes a name (not its content); true when it existed. */
    boolean remove(ImageReference name);
}
