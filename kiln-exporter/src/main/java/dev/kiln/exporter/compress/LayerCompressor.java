package dev.kiln.exporter.compress;

import dev.kiln.core.Digest;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.content.ContentWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Turns an uncompressed layer tar into a layer blob in the content store. The diffID is hashed on the way in and the
 * blob digest by the content-store writer on the way out, so nothing is read twice. gzip runs on all cores
 * ({@link ParallelGzipOutputStream}), zstd on two native workers; the bytes are the same on every machine.
 */
public final class LayerCompressor {
    private static final int BUFFER_SIZE = 1 << 17;

    private LayerCompressor() {
    }

    /**
     * Reads {@code tar} to its end and commits the compressed blob to {@code store}.
     *
     * @throws IOException if reading the tar or writing the blob fails
     */
    public static CompressedLayer compress(InputStream tar, ContentStore store, Compression type, int level)
            throws IOException {
        try (ContentWriter writer = store.writer()) {
            if (type == Compression.UNCOMPRESSED) {
                // The blob is the tar itself: the writer's verified digest of it is the diffID, with no second pass.
                long size = copy(tar, writer);
                Digest blob = writer.commit(size, null);
                return new CompressedLayer(blob, size, blob, size);
            }
            TarStats tarStats = compress(tar, writer, type, level);
            long size = writer.written();
            Digest blob = writer.commit(size, null);
            return new CompressedLayer(blob, size, tarStats.diffId(), tarStats.size());
        }
    }

    /** Compresses {@code tar} into {@code sink}, which is flushed but left open. */
    static TarStats compress(InputStream tar, OutputStream sink, Compression type, int level) throws IOException {
        MessageDigest diffId = Digest.newSha256();
        long tarSize = 0;
        try (OutputStream compressing = type.compressing(new CloseShieldOutputStream(sink), level)) {
            byte[] buf = new byte[BUFFER_SIZE];
            for (int n; (n = tar.read(buf)) >= 0; ) {
                diffId.update(buf, 0, n);
                compressing.write(buf, 0, n);
                tarSize += n;
            }
        }
        return new TarStats(Digest.fromSha256(diffId), tarSize);
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[BUFFER_SIZE];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    record TarStats(Digest diffId, long size) {
    }
}
