package dev.kiln.core.content;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.OutputStream;

/**
 * One ingestion into a {@link ContentStore}: bytes are streamed in (and hashed on the way), and the blob becomes
 * visible only through {@link #commit}. Closing a writer that was not committed abandons the ingestion and
 * removes its temporary data, so the usual shape is:
 *
 * <pre>{@code
 * try (ContentWriter w = store.writer()) {
 *     in.transferTo(w);
 *     Digest d = w.commit(desc.size(), desc.parsedDigest());
 * }
 * }</pre>
 *
 * A writer is used by one thread at a time.
 */
public abstract class ContentWriter extends OutputStream {

    /** Bytes accepted so far. */
    public abstract long written();

    /**
     * Publishes the bytes written so far under their sha256 digest.
     *
     * @param expectedSize the size the caller expects, or -1 to accept any size
     * @param expected     the digest the caller expects, or null to accept the computed one
     * @return the digest the content is stored under
     * @throws dev.kiln.core.KilnException FAILED_PRECONDITION when the size or digest differs (nothing is published);
     *                                     "already exists" is not an error
     */
    public abstract Digest commit(long expectedSize, Digest expected);

    /** The FAILED_PRECONDITION a commit fails with when the content is not what the caller expected. */
    static void requireDigest(Digest actual, Digest expected) {
        if (expected != null && !expected.equals(actual)) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                    "unexpected commit digest " + actual + ", expected " + expected);
        }
    }
}
