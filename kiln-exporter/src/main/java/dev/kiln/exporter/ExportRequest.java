package dev.kiln.exporter;

import dev.kiln.exporter.image.ImageSpec;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a build as the exporters see it: the image (config with history, and layers) for the image
 * exporters, the root filesystem for {@code local} and {@code tar}, and the build's SOURCE_DATE_EPOCH,
 * which pins image and file timestamps (an exporter's {@code source-date-epoch} attribute overrides it).
 */
public record ExportRequest(ImageSpec image, RootfsView rootfs, Optional<Instant> sourceDateEpoch) {
    public ExportRequest {
        Objects.requireNonNull(image);
        Objects.requireNonNull(rootfs);
        Objects.requireNonNull(sourceDateEpoch);
    }
}
