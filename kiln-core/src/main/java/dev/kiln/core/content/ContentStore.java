package dev.kiln.core.content;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A content-addressed blob store in containerd's shape: blobs are written through a {@link ContentWriter} and
 * become visible only when committed under their verified digest, so a reader can never see a partial or
 * mismatching blob. Reads do not re-hash (content was verified at commit); {@link #verify} exists for fsck.
 * Implementations are thread-safe and safe to share between processes.
 */
public interface ContentStore {

    /** Size and commit time of a blob, or empty when the store does not have it. */
    Optional<ContentInfo> info(Digest digest);

    default boolean exists(Digest digest) {
        return info(digest).isPresent();
    }

    /** @throws KilnException NOT_FOUND when absent */
    default long size(Digest digest) {
        return info(digest).orElseThrow(() -> notFound(digest)).size();
    }

    /** Streams a committed blob. @throws KilnException NOT_FOUND when absent */
    InputStream open(Digest digest);

    /**
     * The file holding a committed blob, for zero-copy reads (sendfile, {@code BodyPublishers.ofFile}). The file
     * must be treated as read-only. @throws KilnException NOT_FOUND when absent
     */
    Path path(Digest digest);

    /** Starts a new ingestion. */
    ContentWriter writer();

    /** Removes a blob; true when it was present. */
    boolean delete(Digest digest);

    /** Visits every committed blob (in no particular order), e.g. for disk usage or garbage collection. */
    void walk(Consumer<ContentInfo> visitor);

    /**
     * Re-hashes a committed blob and reports whether it still matches its digest (false means the file was
     * corrupted on disk). @throws KilnException NOT_FOUND when absent
     */
    boolean verify(Digest digest);

    default List<ContentInfo> list() {
        List<ContentInfo> all = new ArrayList<>();
        walk(all::add);
        return all;
    }

    /** Stores a small in-memory blob; {@code expected} may be null. Content already stored is not written again. */
    default Digest put(byte[] data, Digest expected) {
        if (expected != null && exists(expected)) {
            ContentWriter.requireDigest(Digest.sha256(data), expected);
            return expected;
        }
        try (ContentWriter w = writer()) {
            w.write(data);
            return w.commit(data.length, expected);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "writing content: " + e.getMessage(), e);
        }
    }

    /** Reads a whole blob that must not exceed {@code maxBytes} (manifests, configs). */
    default byte[] read(Digest digest, long maxBytes) {
        long size = size(digest);
        if (size > maxBytes) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                    "content " + digest + " is " + size + " bytes, more than the limit of " + maxBytes);
        }
        try (InputStream in = open(digest)) {
            return in.readNBytes((int) size);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "reading content " + digest + ": " + e.getMessage(), e);
        }
    }

    static KilnException notFound(Digest digest) {
        return new KilnException(ErrorKind.NOT_FOUND, "content " + digest + " not found");
    }
}
