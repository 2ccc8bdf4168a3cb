package dev.kiln.exporter.compress;

import dev.kiln.core.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Turns an uncompressed layer tar into a layer blob. Both digests are computed on the way through, so the blob can
 * be committed to the content store under its digest without being read again. gzip runs on all cores
 * ({@link ParallelGzipOutputStream}), zstd on two native workers; the output is the same on every machine.
 */
public final class LayerCompressor {
    private static final int BUFFER_SIZE = 1 << 17;

    private LayerCompressor() {
    }

    /**
     * Reads {@code tar} to its end and writes the blob to {@code sink}, which is flushed but left open.
     *
     * @throws IOException if reading or writing fails
     */
    public static CompressedLayer compress(InputStream tar, OutputStream sink, Compression type, int level)
            throws IOException {
        DigestingOutputStream blob = new DigestingOutputStream(sink);
        MessageDigest diffId = Digest.newSha256();
        long tarSize = 0;
        try (OutputStream compressing = type.compressing(blob, level)) {
            byte[] buf = new byte[BUFFER_SIZE];
            for (int n; (n = tar.read(buf)) >= 0; ) {
                diffId.update(buf, 0, n);
                compressing.write(buf, 0, n);
                tarSize += n;
            }
        }
        return new CompressedLayer(blob.digest(), blob.count(), Digest.fromSha256(diffId), tarSize);
    }
}
