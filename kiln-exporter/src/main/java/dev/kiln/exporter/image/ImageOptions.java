package dev.kiln.exporter.image;

import dev.kiln.exporter.compress.CompressionOptions;
import dev.kiln.worker.registry.ImageReference;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an image exporter lays out the image: names, layer compression, media type family (OCI or Docker schema 2),
 * annotations, and the SOURCE_DATE_EPOCH that pins timestamps.
 */
public record ImageOptions(List<ImageReference> names, CompressionOptions compression, boolean ociTypes,
                           Annotations annotations, Optional<Instant> sourceDateEpoch) {
    public ImageOptions {
        names = List.copyOf(names);
        Objects.requireNonNull(compression);
        Objects.requireNonNull(annotations);
        Objects.requireNonNull(sourceDateEpoch);
    }
}
