package dev.kiln.exporter.compress;

import dev.kiln.core.Digest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Counts and hashes what passes through to a sink it does not own: {@link #close()} flushes but leaves the sink
 * open, because the sink (a content-store writer) still has to be committed with the final size and digest.
 */
final class DigestingOutputStream extends FilterOutputStream {
    private final MessageDigest sha256 = Digest.newSha256();
    private long count;

    DigestingOutputStream(OutputStream sink) {
        super(sink);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    long count() {
        return count;
    }

    Digest digest() {
        return Digest.fromSha256(sha256);
    }
}
