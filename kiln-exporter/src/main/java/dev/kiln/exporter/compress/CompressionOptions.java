package dev.kiln.exporter.compress;

import java.util.Objects;

/**
 * The compression requested for an export: the algorithm, its level and whether layers that already exist in
 * another compression must be converted ({@code force-compression}); without it, existing blobs are reused as they are.
 */
public record CompressionOptions(Compression type, int level, boolean force) {
    public static final CompressionOptions DEFAULT = of(Compression.GZIP);

    public CompressionOptions {
        Objects.requireNonNull(type);
        type.checkLevel(level);
    }

    public static CompressionOptions of(Compression type) {
        return new CompressionOptions(type, type.defaultLevel(), false);
    }

    /**
     * The name of the blob these options make of a tar, such as {@code gzip-6}: equal names mean byte-identical
     * blobs. {@code force} is not part of it (it decides which layers are compressed, not how), and neither is the
     * level of {@code uncompressed}.
     */
    public String variant() {
        return type == Compression.UNCOMPRESSED ? type.attribute() : type.attribute() + "-" + level;
    }
}
