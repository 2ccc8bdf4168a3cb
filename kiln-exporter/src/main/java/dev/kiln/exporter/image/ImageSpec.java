package dev.kiln.exporter.image;

import dev.kiln.core.oci.ImageConfig;

import java.util.List;
import java.util.Objects;

/**
 * The image a build produced: its configuration (with history; {@code rootfs} is filled in on export), its layers
 * bottom first, and the history of the base image it was built on (empty for {@code FROM scratch}), whose entries
 * keep their times under SOURCE_DATE_EPOCH.
 */
public record ImageSpec(ImageConfig config, List<ExportLayer> layers, List<ImageConfig.History> baseHistory) {
    public ImageSpec {
        Objects.requireNonNull(config);
        layers = List.copyOf(layers);
        baseHistory = List.copyOf(baseHistory);
    }

    public ImageSpec(ImageConfig config, List<ExportLayer> layers) {
        this(config, layers, List.of());
    }
}
