package dev.kiln.worker.ops;

import dev.kiln.solver.WorkerSpi;

/**
 * A build result that is a committed snapshot. Snapshots stay on disk after a build (they are the
 * cache), so retaining and releasing only count handles; garbage collection removes them later.
 */
record SnapshotResult(String name, long size) implements WorkerSpi.Result {
    static final String PREFIX = "snapshot:";

    @Override
    public String id() {
        return PREFIX + name;
    }

    @Override
    public WorkerSpi.Result retain() {
        return this;
    }

    @Override
    public void release() {
        // the snapshot is owned by the cache, not by the handle
    }
}
