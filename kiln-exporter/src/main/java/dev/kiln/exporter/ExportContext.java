package dev.kiln.exporter;

import dev.kiln.core.content.ContentStore;
import dev.kiln.worker.image.ImageStore;
import dev.kiln.worker.registry.RegistryClient;

import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * What exporters write through: the content store holding layer blobs (new blobs are committed there too), the
 * local image store ({@code type=image}, and {@code type=docker} without {@code dest}, which is {@code --load}), the
 * registry client for {@code push=true}, and the stream {@code dest=-} means (the CLI's stdout; flushed, never
 * closed). The registry client must work on the same content store.
 */
public record ExportContext(ContentStore store, Optional<ImageStore> images, Optional<RegistryClient> registry,
                            OutputStream stdout) {
    public ExportContext {
        Objects.requireNonNull(store);
        Objects.requireNonNull(images);
        Objects.requireNonNull(registry);
        Objects.requireNonNull(stdout);
    }

    /** A context for file outputs only (oci, docker and tar files, local directories, stdout). */
    public static ExportContext filesOnly(ContentStore store, OutputStream stdout) {
        return new ExportContext(store, Optional.empty(), Optional.empty(), stdout);
    }
}
