package dev.kiln.exporter.image;

import dev.kiln.core.oci.ImageConfig;

import java.util.List;
import java.util.Objects;

/**
 * The image a build produced: its configuration (with history; {@code rootfs} is filled in on export) and its
 * layers, bottom first.
 */
public record ImageSpec(ImageConfig config, List<ExportLayer> layers) {
    public ImageSpec {
        Objects.requireNonNull(config);
        layers = List.copyOf(layers);
    }
}
