package dev.kiln.worker.ops;

import dev.kiln.core.KilnException;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.contenthash.StatCache;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A synced build context: a directory that stays locked against other syncs until the last handle
 * on it is released, with the stat cache of its files' checksums. Never cached itself (its users are
 * cached by content).
 */
final class ContextResult implements WorkerSpi.Result {
    private final Path dir;
    private final StatCache stats;
    private final Runnable unlock;
    private final AtomicInteger handles = new AtomicInteger(1);

    ContextResult(Path dir, StatCache stats, Runnable unlock) {
        this.dir = dir;
        this.stats = stats;
        this.unlock = unlock;
    }

    Path dir() {
        return dir;
    }

    /** The checksums of the files as of this sync, shared by every step that reads the context. */
    StatCache stats() {
        return stats;
    }

    /** Where a mirror's stat cache is kept between builds. */
    static Path statsFile(Path mirror) {
        return mirror.resolveSibling(mirror.getFileName() + ".stats");
    }

    @Override
    public String id() {
        return "context:" + dir;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public WorkerSpi.Result retain() {
        handles.incrementAndGet();
        return this;
    }

    /**
     * The last release saves the checksums the build's steps took (once, not per step) while the mirror is still
     * locked, then unlocks it. A cache that cannot be written only costs the next build some hashing.
     */
    @Override
    public void release() {
        if (handles.decrementAndGet() == 0) {
            try {
                stats.save();
            } catch (KilnException e) {
                // the next build hashes what it cannot find
            } finally {
                unlock.run();
            }
        }
    }
}
