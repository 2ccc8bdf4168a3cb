package dev.kiln.exporter.compress;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.oci.MediaTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** How a layer blob is compressed: the values of the exporters' {@code compression} attribute. */
public enum Compression {
    UNCOMPRESSED("uncompressed", 0, 0, 0),
    GZIP("gzip", 0, 9, 6),
    ZSTD("zstd", 0, 22, 3);

    /** zstd-jni keeps two native workers busy while the caller thread feeds input, as {@code zstd -T2} does. */
    private static final int ZSTD_WORKERS = 2;

    private final String attribute;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;

    Compression(String attribute, int minLevel, int maxLevel, int defaultLevel) {
        this.attribute = attribute;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
    }

    public String attribute() {
        return attribute;
    }

    public static Compression parse(String value) {
        return Arrays.stream(values()).filter(c -> c.attribute.equals(value)).findFirst()
                .orElseThrow(() -> new KilnException(ErrorKind.INVALID_ARGUMENT,
                        "unsupported layer compression type: " + value + " (use gzip, zstd or uncompressed)"));
    }

    /** The compression a layer media type declares, or empty for a media type that is not a layer we know. */
    public static Optional<Compression> ofMediaType(String mediaType) {
        return switch (mediaType) {
            case MediaTypes.OCI_LAYER, MediaTypes.DOCKER_LAYER -> Optional.of(UNCOMPRESSED);
            case MediaTypes.OCI_LAYER_GZIP, MediaTypes.DOCKER_LAYER_GZIP -> Optional.of(GZIP);
            case MediaTypes.OCI_LAYER_ZSTD -> Optional.of(ZSTD);
            default -> Optional.empty();
        };
    }

    /**
     * The layer media type in the requested family. zstd has no Docker schema 2 type, so it keeps the OCI one in
     * Docker manifests, as BuildKit does.
     */
    public String layerMediaType(boolean ociTypes) {
        return switch (this) {
            case UNCOMPRESSED -> ociTypes ? MediaTypes.OCI_LAYER : MediaTypes.DOCKER_LAYER;
            case GZIP -> ociTypes ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.DOCKER_LAYER_GZIP;
            case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
        };
    }

    public int defaultLevel() {
        return defaultLevel;
    }

    /** Rejects a level outside this algorithm's range (gzip 0-9, zstd 0-22) with a one-line message. */
    public int checkLevel(int level) {
        if (this != UNCOMPRESSED && (level < minLevel || level > maxLevel)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "compression-level " + level + " is out of range "
                    + minLevel + "-" + maxLevel + " for " + attribute);
        }
        return level;
    }

    /** A stream that compresses into {@code sink}; closing it finishes the stream and closes {@code sink}. */
    OutputStream compressing(OutputStream sink, int level) throws IOException {
        return switch (this) {
            case UNCOMPRESSED -> sink;
            case GZIP -> new ParallelGzipOutputStream(sink, checkLevel(level));
            case ZSTD -> new ZstdOutputStreamNoFinalizer(sink, checkLevel(level))
                    .setWorkers(ZSTD_WORKERS)
                    .setChecksum(true);
        };
    }

    /** A stream of the uncompressed tar inside {@code blob} (all gzip members, all zstd frames). */
    public InputStream decompressing(InputStream blob) throws IOException {
        return switch (this) {
            case UNCOMPRESSED -> blob;
            case GZIP -> new GZIPInputStream(blob, 1 << 16);
            case ZSTD -> new ZstdInputStreamNoFinalizer(blob).setContinuous(false);
        };
    }
}
