package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.graph.ExecMeta;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.Node;
import dev.kiln.graph.Op;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.executor.ExecRequest;
import dev.kiln.worker.executor.ExecResult;
import dev.kiln.worker.executor.NetworkMode;
import dev.kiln.worker.executor.ProcessOutput;
import dev.kiln.worker.executor.SecurityMode;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * Runs an {@link ExecOp}: a writable snapshot on top of the root input, the process in a container on
 * it, and the snapshot committed as the step's result. Writes to other mounts are discarded.
 */
final class ExecHandler implements WorkerSpi.OpHandler {
    private final Node node;
    private final ExecOp op;
    private final WorkerContext worker;

    ExecHandler(Node node, ExecOp op, WorkerContext worker) {
        this.node = node;
        this.op = op;
        this.worker = worker;
    }

    @Override
    public WorkerSpi.CacheMap cacheMap(WorkerSpi.OpContext ctx) {
        Digest digest = Digest.sha256(Json.bytes(new CacheIdentity(op, node.platform())));
        return new WorkerSpi.CacheMap(digest, Collections.nCopies(node.inputs().size(), WorkerSpi.Dep.PLAIN));
    }

    /** What makes two execs interchangeable: the op itself and the platform it runs for. */
    private record CacheIdentity(ExecOp op, String platform) {
    }

    @Override
    public List<WorkerSpi.Result> exec(WorkerSpi.OpContext ctx, List<WorkerSpi.Result> inputs)
            throws InterruptedException {
        ExecMount root = op.mounts().stream().filter(m -> m.dest().equals("/")).findFirst()
                .orElseThrow(() -> new KilnException(ErrorKind.INVALID_ARGUMENT, "exec op without a root mount"));
        String parent = root.input() == Op.SCRATCH ? null : worker.snapshotName(inputs.get(root.input()));
        String key = worker.newKey("exec");
        Path rootfs = worker.mountActive(key, parent);
        boolean committed = false;
        try {
            run(ctx, rootfs);
            worker.unmount(rootfs);
            String name = worker.commit(key);
            committed = true;
            return List.of(worker.result(name));
        } finally {
            if (!committed) {
                worker.unmount(rootfs);
                worker.removeQuietly(key);
            }
        }
    }

    private void run(WorkerSpi.OpContext ctx, Path rootfs) throws InterruptedException {
        ExecMeta meta = op.meta();
        ExecRequest.Builder request = ExecRequest.builder(worker.newContainerId(), rootfs, meta.args())
                .env(meta.env())
                .cwd(meta.cwd())
                .user(meta.user())
                .network(NetworkMode.parse(op.network()))
                .security(SecurityMode.parse(op.security()))
                .shmSize(worker.options().shmSize());
        if (meta.hostname() != null && !meta.hostname().isEmpty()) {
            request.hostname(meta.hostname());
        }
        meta.extraHosts().forEach(h -> request.extraHost(h.host(), h.ip()));
        (meta.ulimits().isEmpty() ? worker.options().ulimits() : meta.ulimits())
                .forEach(u -> request.ulimit(u.name(), u.soft(), u.hard()));
        ProcessOutput output = (stream, chunk) -> ctx.log(stream == ProcessOutput.Stream.STDOUT ? 1 : 2, chunk);
        ExecResult result;
        try {
            result = worker.executor().run(request.build(), output);
        } catch (KilnException e) {
            if (e.kind() == ErrorKind.CANCELED) {
                throw new InterruptedException(e.getMessage());
            }
            throw e;
        }
        if (!result.succeeded()) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, "process " + goQuote(String.join(" ", meta.args()))
                    + " did not complete successfully: exit code: " + result.exitCode());
        }
    }

    /** Go's %q for the ASCII text of a command line, as BuildKit's error message uses it. */
    static String goQuote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"', '\\' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
