package dev.kiln.worker.layer;

import dev.kiln.core.Digest;

/**
 * An applied layer.
 *
 * @param diffId sha256 of the uncompressed tar stream (the OCI diffID)
 * @param size bytes of the uncompressed tar stream
 */
public record ApplyResult(Digest diffId, long size) {
}
