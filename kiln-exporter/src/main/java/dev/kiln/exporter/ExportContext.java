package dev.kiln.exporter;

import dev.kiln.core.content.ContentStore;

import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * What exporters write through: the content store holding layer blobs (new blobs are committed there too), the
 * image store and registries when the engine has them, and the stream that {@code dest=-} means (the CLI's stdout;
 * it is flushed, never closed).
 */
public record ExportContext(ContentStore store, Optional<ImagePublisher> images, OutputStream stdout) {
    public ExportContext {
        Objects.requireNonNull(store);
        Objects.requireNonNull(images);
        Objects.requireNonNull(stdout);
    }
}
