package dev.kiln.worker.layer;

import dev.kiln.core.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Passes bytes through while taking their sha256 and counting them. */
final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest sha = Digest.newSha256();
    private long count;

    HashingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha.update(b, off, len);
        count += len;
    }

    Digest digest() {
        return Digest.fromSha256(sha);
    }

    long count() {
        return count;
    }
}
