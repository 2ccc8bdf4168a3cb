package dev.kiln.worker.ops;

import dev.kiln.solver.WorkerSpi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs of a step mounted read-only for the duration of the step: snapshots through a view, the
 * build context in place. Closing unmounts and removes the views.
 */
final class ReadOnlyInputs implements AutoCloseable {
    private final WorkerContext worker;
    private final List<String> views = new ArrayList<>();

    ReadOnlyInputs(WorkerContext worker) {
        this.worker = worker;
    }

    Path mount(WorkerSpi.Result input) {
        if (input instanceof ContextResult context) {
            return context.dir();
        }
        String key = worker.newKey("view");
        Path dir = worker.mountView(key, worker.snapshotName(input));
        views.add(key);
        return dir;
    }

    @Override
    public void close() {
        for (String key : views.reversed()) {
            worker.unmount(worker.mountPoint(key));
            worker.removeQuietly(key);
        }
    }
}
