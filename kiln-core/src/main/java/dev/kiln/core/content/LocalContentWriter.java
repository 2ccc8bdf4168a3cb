package dev.kiln.core.content;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Writes into a locked temp file under {@code ingest/}; see {@link LocalContentStore}. */
final class LocalContentWriter extends ContentWriter {
    /** Ingest files of live writers in this JVM, which the stale-ingest cleaner must not touch. */
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

    private final Path temp;
    private final Path blobs;
    private final FileChannel channel;
    private final MessageDigest sha256 = Digest.newSha256();
    private long written;
    private boolean finished;

    LocalContentWriter(Path temp, Path blobs) throws IOException {
        this.temp = temp;
        this.blobs = blobs;
        ACTIVE.add(temp);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            // The lock tells other processes' cleaners that this file is alive; it dies with the process.
            ch.lock();
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            Files.deleteIfExists(temp);
            ACTIVE.remove(temp);
            throw e;
        }
        this.channel = ch;
    }

    static boolean isActive(Path ingestFile) {
        return ACTIVE.contains(ingestFile);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        sha256.update(b, off, len);
        written += len;
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public Digest commit(long expectedSize, Digest expected) {
        ensureCommittable();
        Digest actual = Digest.fromSha256(sha256);
        try {
            checkExpectations(actual, expectedSize, expected);
            publish(actual);
            return actual;
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "committing " + actual + ": " + e, e);
        } finally {
            close();
        }
    }

    private void checkExpectations(Digest actual, long expectedSize, Digest expected) {
        if (expectedSize >= 0 && written != expectedSize) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, "unexpected commit size " + written
                    + " (" + actual + "), expected " + expectedSize + (expected == null ? "" : " (" + expected + ")"));
        }
        requireDigest(actual, expected);
    }

    /** fsync, then rename while still holding the lock (so no cleaner can remove the file in between). */
    private void publish(Digest actual) throws IOException {
        Path target = blobs.resolve(actual.hex());
        if (Files.exists(target)) {
            return; // content addressing: the same bytes are already there
        }
        channel.force(true);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        // The rename is durable only once the directory entry is on disk.
        try (FileChannel dir = FileChannel.open(blobs, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Abandons the write unless it was committed; never throws for an already finished writer. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "removing ingest file " + temp + ": " + e, e);
        } finally {
            ACTIVE.remove(temp);
        }
    }

    private void ensureOpen() throws IOException {
        if (finished) {
            throw new IOException("content writer is closed");
        }
    }

    private void ensureCommittable() {
        if (finished) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, "content writer is already committed or closed");
        }
    }
}
