package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.worker.snapshot.Info;

import java.util.Map;
import java.util.Optional;

/**
 * Snapshot labels that tie a snapshot to the compressed blob it was unpacked from (or was exported
 * as), so an export can reuse that blob instead of computing the layer again.
 */
public final class LayerLabels {
    static final String BLOB_DIGEST = "kiln.dev/blob.digest";
    static final String BLOB_MEDIA_TYPE = "kiln.dev/blob.mediatype";
    static final String BLOB_SIZE = "kiln.dev/blob.size";
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
}
