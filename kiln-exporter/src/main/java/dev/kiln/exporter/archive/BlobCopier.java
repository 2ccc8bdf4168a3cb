package dev.kiln.exporter.archive;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.oci.Descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Copies a blob out of the content store, re-checking size and digest so a damaged store is never exported. */
final class BlobCopier {
    private BlobCopier() {
    }

    static void copy(ContentStore store, Descriptor blob, OutputStream out) throws IOException {
        Digest expected = blob.parsedDigest();
        MessageDigest sha256 = Digest.newSha256();
        long copied = 0;
        try (InputStream in = store.open(expected)) {
            byte[] buf = new byte[1 << 17];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                sha256.update(buf, 0, n);
                copied += n;
            }
        }
        Digest actual = Digest.fromSha256(sha256);
        if (copied != blob.size() || !actual.equals(expected)) {
            throw new KilnException(ErrorKind.INTERNAL, "blob " + expected + " in the content store is damaged: read "
                    + copied + " bytes with digest " + actual + ", expected " + blob.size() + " bytes");
        }
    }
}
