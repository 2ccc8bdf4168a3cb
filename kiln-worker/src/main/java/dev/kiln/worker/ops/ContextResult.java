package dev.kiln.worker.ops;

import dev.kiln.solver.WorkerSpi;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A synced build context: a directory that stays locked against other syncs until the last handle
 * on it is released. Never cached itself (its users are cached by content).
 */
final class ContextResult implements WorkerSpi.Result {
    private final Path dir;
    private final Runnable unlock;
    private final AtomicInteger handles = new AtomicInteger(1);

    ContextResult(Path dir, Runnable unlock) {
        this.dir = dir;
        this.unlock = unlock;
    }

    Path dir() {
        return dir;
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

    @Override
    public void release() {
        if (handles.decrementAndGet() == 0) {
            unlock.run();
        }
    }
}
