package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMeta;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.Node;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.executor.ExecRequest;
import dev.kiln.worker.executor.ExecResult;
import dev.kiln.worker.executor.NetworkMode;
import dev.kiln.worker.executor.ProcessOutput;
import dev.kiln.worker.executor.SecurityMode;
import dev.kiln.worker.session.SecretMasker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an {@link ExecOp}: its mounts prepared ({@link ExecMounts}), the process run in a container on
 * them, the writable mounts with outputs (the root, for a Dockerfile RUN) committed as the results. The
 * step's output reaches the progress stream with every secret value of the build masked.
 */
final class ExecHandler implements WorkerSpi.OpHandler {
    private static final String SSH_AUTH_SOCK = "SSH_AUTH_SOCK";

    private final Node node;
    private final ExecOp op;
    private final WorkerContext worker;
    private final ContentDigests digests;

    ExecHandler(Node node, ExecOp op, WorkerContext worker, ContentDigests digests) {
        this.node = node;
        this.op = op;
        this.worker = worker;
        this.digests = digests;
    }

    @Override
    public WorkerSpi.CacheMap cacheMap(WorkerSpi.OpContext ctx) {
        return ExecCacheMap.of(node, op, digests);
    }

    @Override
    public List<WorkerSpi.Result> exec(WorkerSpi.OpContext ctx, List<WorkerSpi.Result> inputs)
            throws InterruptedException {
        try (ExecMounts mounts = ExecMounts.prepare(worker, digests, op, inputs)) {
            run(ctx, mounts);
            return mounts.commit();
        } catch (KilnException e) {
            if (e.kind() == ErrorKind.CANCELED) {
                throw new InterruptedException(e.getMessage());
            }
            throw e;
        }
    }

    private void run(WorkerSpi.OpContext ctx, ExecMounts mounts) {
        ExecMeta meta = op.meta();
        ExecRequest.Builder request = ExecRequest.builder(worker.newContainerId(), mounts.rootfs(), meta.args())
                .env(environment())
                .cwd(meta.cwd())
                .user(meta.user())
                .network(NetworkMode.parse(op.network()))
                .security(SecurityMode.parse(op.security()))
                .shmSize(worker.options().shmSize())
                .readonlyRootfs(mounts.readonlyRoot());
        mounts.containerMounts().forEach(request::mount);
        if (meta.hostname() != null && !meta.hostname().isEmpty()) {
            request.hostname(meta.hostname());
        }
        meta.extraHosts().forEach(h -> request.extraHost(h.host(), h.ip()));
        (meta.ulimits().isEmpty() ? worker.options().ulimits() : meta.ulimits())
                .forEach(u -> request.ulimit(u.name(), u.soft(), u.hard()));
        ExecResult result = runMasked(ctx, request.build());
        if (!result.succeeded()) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, "process " + goQuote(String.join(" ", meta.args()))
                    + " did not complete successfully: exit code: " + result.exitCode());
        }
    }

    /**
     * The step's environment: its own, {@code SSH_AUTH_SOCK} pointing at the first agent socket unless
     * set (as BuildKit's LLB does), then the secrets exposed as variables.
     */
    private List<String> environment() {
        List<String> env = new ArrayList<>(op.meta().env());
        op.mounts().stream().filter(m -> m.type() == ExecMount.MountType.SSH).findFirst()
                .filter(m -> env.stream().noneMatch(e -> e.startsWith(SSH_AUTH_SOCK + "=")))
                .ifPresent(m -> env.add(SSH_AUTH_SOCK + "=" + m.dest()));
        if (!op.secretEnv().isEmpty()) {
            worker.secretMounts().environment(op.secretEnv()).forEach((name, value) -> env.add(name + "=" + value));
        }
        return env;
    }

    /** Runs the container with stdout and stderr each passed through the secret masker to the step log. */
    private ExecResult runMasked(WorkerSpi.OpContext ctx, ExecRequest request) {
        SecretMasker masker = worker.options().secrets().masker();
        try (OutputStream stdout = masker.wrap(new StepLog(ctx, 1));
             OutputStream stderr = masker.wrap(new StepLog(ctx, 2))) {
            ProcessOutput output = (stream, chunk) -> write(stream == ProcessOutput.Stream.STDOUT ? stdout : stderr,
                    chunk);
            return worker.executor().run(request, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // StepLog never throws
        }
    }

    private static void write(OutputStream out, byte[] chunk) {
        try {
            out.write(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One stream of the step's output as the solver's log events. */
    private static final class StepLog extends OutputStream {
        private final WorkerSpi.OpContext ctx;
        private final int stream;

        StepLog(WorkerSpi.OpContext ctx, int stream) {
            this.ctx = ctx;
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) {
                ctx.log(stream, Arrays.copyOfRange(b, off, off + len));
            }
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
