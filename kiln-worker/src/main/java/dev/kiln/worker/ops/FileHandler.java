package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.graph.FileAction;
import dev.kiln.graph.FileOp;
import dev.kiln.graph.Node;
import dev.kiln.graph.Op;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.file.FileActions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link FileOp} (COPY, ADD, WORKDIR, heredoc files): a writable snapshot of the base, the
 * copy sources mounted read-only beside it, the actions applied, the snapshot committed. Copy
 * sources are cached by the content of the copied paths, so an unrelated change to the build
 * context (or to a stage copied from) keeps the step cached.
 */
final class FileHandler implements WorkerSpi.OpHandler {
    private final Node node;
    private final FileOp op;
    private final WorkerContext worker;
    private final ContentDigests digests;

    FileHandler(Node node, FileOp op, WorkerContext worker, ContentDigests digests) {
        this.node = node;
        this.op = op;
        this.worker = worker;
        this.digests = digests;
    }

    @Override
    public WorkerSpi.CacheMap cacheMap(WorkerSpi.OpContext ctx) {
        Digest digest = CacheIdentity.digest(op, node.platform());
        List<WorkerSpi.Dep> deps = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            List<FileAction.Copy> copies = copiesFrom(i);
            deps.add(copies.isEmpty() ? WorkerSpi.Dep.PLAIN
                    : new WorkerSpi.Dep(ContentDigests.selector(copies), (input, c) -> digests.of(input, copies)));
        }
        return new WorkerSpi.CacheMap(digest, deps);
    }


    /** The copy actions that read from input {@code index}. */
    private List<FileAction.Copy> copiesFrom(int index) {
        List<FileAction.Copy> copies = new ArrayList<>();
        for (FileAction a : op.actions()) {
            if (a instanceof FileAction.Copy c && c.source() == index) {
                copies.add(c);
            }
        }
        return copies;
    }

    @Override
    public List<WorkerSpi.Result> exec(WorkerSpi.OpContext ctx, List<WorkerSpi.Result> inputs)
            throws InterruptedException {
        String parent = op.base() == Op.SCRATCH ? null : worker.snapshotName(inputs.get(op.base()));
        String key = worker.newKey("file");
        Path base = worker.mountActive(key, parent);
        boolean committed = false;
        try (ReadOnlyInputs sources = new ReadOnlyInputs(worker)) {
            List<Path> dirs = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                dirs.add(copiesFrom(i).isEmpty() ? null : sources.mount(inputs.get(i)));
            }
            FileActions.apply(base, dirs, op.actions());
            worker.unmount(base);
            String name = worker.commit(key);
            committed = true;
            return List.of(worker.result(name));
        } finally {
            if (!committed) {
                worker.unmount(base);
                worker.removeQuietly(key);
            }
        }
    }
}
