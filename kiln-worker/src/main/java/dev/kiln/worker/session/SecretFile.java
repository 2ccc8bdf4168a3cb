package dev.kiln.worker.session;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.snapshot.Mounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret materialised for one exec step: a file on a private tmpfs, which the step bind-mounts read-only at the
 * secret's target. {@link #close()} right after the step unmounts the tmpfs, so the value is gone from
 * memory-backed storage and no stub is left behind.
 */
public final class SecretFile implements AutoCloseable {
    private final Mounter mounter;
    private final Path tmpfs;
    private final Path file;
    private boolean closed;

    SecretFile(Mounter mounter, Path tmpfs, Path file) {
        this.mounter = mounter;
        this.tmpfs = tmpfs;
        this.file = file;
    }

    /** The host path of the secret file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        mounter.unmount(tmpfs);
        try {
            Files.deleteIfExists(tmpfs);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "remove secret mount point " + tmpfs + ": " + e.getMessage(), e);
        }
    }
}
