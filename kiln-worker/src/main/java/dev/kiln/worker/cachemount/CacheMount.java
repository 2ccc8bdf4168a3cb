package dev.kiln.worker.cachemount;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One use of a cache directory, from acquire to release. Bind-mount {@link #directory()} at the mount target for
 * the exec step and release right after it; with {@code locked} sharing, the next user is waiting for that.
 */
public final class CacheMount implements AutoCloseable {
    private final CacheMountManager manager;
    private final String recordId;
    private final Path directory;
    private final AtomicBoolean released = new AtomicBoolean();

    CacheMount(CacheMountManager manager, String recordId, Path directory) {
        this.manager = manager;
        this.recordId = recordId;
        this.directory = directory;
    }

    /** The host directory to bind-mount (read-write unless the mount is {@code ro}). */
    public Path directory() {
        return directory;
    }

    /** The record this directory belongs to, as listed by {@link CacheMountManager#list()}. */
    public String recordId() {
        return recordId;
    }

    /** Ends this use; calling it again does nothing. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            manager.release(recordId);
        }
    }

    @Override
    public void close() {
        release();
    }
}
