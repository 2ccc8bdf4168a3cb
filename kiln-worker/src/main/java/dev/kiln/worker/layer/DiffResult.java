package dev.kiln.worker.layer;

import dev.kiln.core.Digest;

/**
 * A written layer tar.
 *
 * @param diffId sha256 of the uncompressed tar (the OCI diffID)
 * @param size bytes of the uncompressed tar
 */
public record DiffResult(Digest diffId, long size) {
}
