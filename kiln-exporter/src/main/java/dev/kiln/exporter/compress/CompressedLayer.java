package dev.kiln.exporter.compress;

import dev.kiln.core.Digest;

/** A layer blob as written: digest and size of the blob, and of the tar inside it (the diffID). */
public record CompressedLayer(Digest blobDigest, long blobSize, Digest diffId, long tarSize) {
}
