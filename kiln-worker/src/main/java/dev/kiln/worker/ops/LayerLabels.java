package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.core.KilnException;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.worker.snapshot.Info;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshot labels that tie a snapshot to compressed blobs of its layer, so an export can reuse a blob instead of
 * computing the layer again. Two kinds:
 * <ul>
 *   <li>a snapshot unpacked from a pulled blob names that blob ({@code kiln.dev/blob.*});</li>
 *   <li>a snapshot built here names the blobs exports made of its layer (BuildKit keeps these as the compression
 *       variants of a cache ref): {@value #EXPORTED_DIFF_ID} holds the diffID of the tar diffed from it, and one
 *       {@value #EXPORTED_BLOB_PREFIX}{@code <variant>} label per compression variant ({@code gzip-6},
 *       {@code zstd-3}, {@code uncompressed}) holds {@code "<digest> <size> <media type>"} of the blob.</li>
 * </ul>
 * A committed snapshot never changes, so these never go stale; the blobs they name may have been deleted from the
 * content store since, which a reader must check. Labels hold digests, sizes and media types, never file content.
 */
public final class LayerLabels {
    static final String BLOB_DIGEST = "kiln.dev/blob.digest";
    static final String BLOB_MEDIA_TYPE = "kiln.dev/blob.mediatype";
    static final String BLOB_SIZE = "kiln.dev/blob.size";
    static final String EXPORTED_DIFF_ID = "kiln.dev/exported.diff-id";
    static final String EXPORTED_BLOB_PREFIX = "kiln.dev/exported.blob.";
    static final String LAYER_PREFIX = "layer-";

    private LayerLabels() {
    }

    static String snapshotName(Digest chainId) {
        return LAYER_PREFIX + chainId.hex();
    }

    static Map<String, String> of(Descriptor blob) {
        return Map.of(BLOB_DIGEST, blob.digest(), BLOB_MEDIA_TYPE, blob.mediaType(), BLOB_SIZE, Long.toString(blob.size()));
    }

    /** The blob a snapshot was unpacked from, when it was. */
    public static Optional<Descriptor> blob(Info snapshot) {
        Map<String, String> l = snapshot.labels();
        if (!l.containsKey(BLOB_DIGEST)) {
            return Optional.empty();
        }
        return Optional.of(new Descriptor(l.get(BLOB_MEDIA_TYPE), l.get(BLOB_DIGEST), Long.parseLong(l.get(BLOB_SIZE)),
                null, null));
    }

    /** The labels that record {@code blob}, made in compression {@code variant} of the layer tar {@code diffId}. */
    public static Map<String, String> exported(Digest diffId, String variant, Descriptor blob) {
        if (variant.isEmpty() || variant.contains(" ")) {
            throw new IllegalArgumentException("compression variant name: \"" + variant + "\"");
        }
        return Map.of(EXPORTED_DIFF_ID, diffId.toString(),
                EXPORTED_BLOB_PREFIX + variant, blob.digest() + " " + blob.size() + " " + blob.mediaType());
    }

    /** The diffID an export recorded on a snapshot built here, if one did. */
    public static Optional<Digest> exportedDiffId(Info snapshot) {
        return Optional.ofNullable(snapshot.labels().get(EXPORTED_DIFF_ID)).flatMap(LayerLabels::digest);
    }

    /**
     * The blobs exports recorded on a snapshot built here, by compression variant. A label that does not parse is
     * left out: these labels only save work, and without one the layer is made again.
     */
    public static Map<String, Descriptor> exportedBlobs(Info snapshot) {
        Map<String, Descriptor> blobs = new HashMap<>();
        snapshot.labels().forEach((key, value) -> {
            if (key.startsWith(EXPORTED_BLOB_PREFIX)) {
                descriptor(value).ifPresent(d -> blobs.put(key.substring(EXPORTED_BLOB_PREFIX.length()), d));
            }
        });
        return Map.copyOf(blobs);
    }

    private static Optional<Descriptor> descriptor(String value) {
        String[] fields = value.split(" ", -1);
        if (fields.length != 3 || fields[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            long size = Long.parseLong(fields[1]);
            return digest(fields[0]).filter(d -> size >= 0)
                    .map(d -> new Descriptor(fields[2], d.toString(), size, null, null));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Digest> digest(String value) {
        try {
            return Optional.of(Digest.parse(value));
        } catch (KilnException e) {
            return Optional.empty();
        }
    }
}
