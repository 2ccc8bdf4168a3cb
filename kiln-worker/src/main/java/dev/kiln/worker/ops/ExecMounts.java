package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.Op;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.cachemount.CacheMount;
import dev.kiln.worker.executor.ContainerMount;
import dev.kiln.worker.session.SecretFile;
import dev.kiln.worker.session.SshAgentServer;
import dev.kiln.worker.snapshot.TreeCopier;
import dev.kiln.worker.sys.FileTrees;
import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Everything one exec step mounts, made ready before the process starts: the root filesystem, then per
 * mount a bind of an input (a read-only view, the build context in place, or a throw-away writable
 * snapshot when {@code rw}), a persistent cache directory, a tmpfs, a secret file on its own tmpfs or an
 * SSH agent socket. {@link #commit} turns the mounts that have outputs into results; {@link #close}
 * releases everything else in reverse order (and discards uncommitted writes).
 */
final class ExecMounts implements AutoCloseable {
    private final WorkerContext worker;
    private final ContentDigests digests;
    private final Deque<AutoCloseable> cleanups = new ArrayDeque<>();
    private final List<ContainerMount> container = new ArrayList<>();
    private final Writable[] outputs;
    private Path rootfs;
    private boolean readonlyRoot;
    private Path sshDir;
    private int sshCount;

    /** A writable snapshot whose changes become result {@code output}. */
    private record Writable(String key, Path dir) {
    }

    private ExecMounts(WorkerContext worker, ContentDigests digests, int outputCount) {
        this.worker = worker;
        this.digests = digests;
        this.outputs = new Writable[outputCount];
    }

    /** Prepares every mount of {@code op}; on failure nothing prepared is left behind. */
    static ExecMounts prepare(WorkerContext worker, ContentDigests digests, ExecOp op, List<WorkerSpi.Result> inputs) {
        ExecMounts mounts = new ExecMounts(worker, digests, op.outputCount());
        try {
            for (ExecMount m : op.mounts()) {
                mounts.add(m, m.input() == Op.SCRATCH ? null : inputs.get(m.input()));
            }
            if (mounts.rootfs == null) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "exec op without a root mount");
            }
            return mounts;
        } catch (RuntimeException e) {
            mounts.close();
            throw e;
        }
    }

    Path rootfs() {
        return rootfs;
    }

    /** Whether the root mount is read-only (never for a Dockerfile RUN, whose root is its result). */
    boolean readonlyRoot() {
        return readonlyRoot;
    }

    List<ContainerMount> containerMounts() {
        return List.copyOf(container);
    }

    /** Commits the writable mounts that have outputs, in output order. */
    List<WorkerSpi.Result> commit() {
        List<WorkerSpi.Result> results = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            Writable w = outputs[i];
            worker.unmount(w.dir());
            results.add(worker.result(worker.commit(w.key())));
            outputs[i] = null;
        }
        return results;
    }

    private void add(ExecMount m, WorkerSpi.Result input) {
        switch (m.type()) {
            case BIND -> bind(m, input);
            case CACHE -> cache(m, input);
            case TMPFS -> container.add(ContainerMount.tmpfs(m.dest(), m.tmpfsOpt() == null ? 0 : m.tmpfsOpt().size()));
            case SECRET -> secret(m);
            case SSH -> ssh(m);
        }
    }

    private void bind(ExecMount m, WorkerSpi.Result input) {
        boolean writable = !m.readonly() || m.output() >= 0;
        Path dir = filesystem(input, writable, m.output());
        if (m.dest().equals("/")) {
            rootfs = dir;
            readonlyRoot = m.readonly();
            return;
        }
        container.add(ContainerMount.bind(m.dest(), existing(dir, m.selector(), m.dest()), m.readonly()));
    }

    /**
     * The input as a directory: read-only, a view (or the context mirror in place); writable, a new
     * snapshot on it, committed as an output or thrown away after the step.
     */
    private Path filesystem(WorkerSpi.Result input, boolean writable, int output) {
        if (!writable && input instanceof ContextResult context) {
            return context.dir();
        }
        String parent = input == null || input instanceof ContextResult ? null : worker.snapshotName(input);
        String key = worker.newKey(writable ? "exec" : "view");
        Path dir = writable ? worker.mountActive(key, parent) : worker.mountView(key, parent);
        if (writable && output >= 0) {
            outputs[output] = new Writable(key, dir);
        } else {
            cleanups.push(() -> discard(key, dir));
        }
        if (writable && input instanceof ContextResult context) {
            io("copy the build context", () -> {
                TreeCopier.copy(context.dir(), dir);
                return null;
            });
        }
        return dir;
    }

    private void discard(String key, Path dir) {
        worker.unmount(dir);
        worker.removeQuietly(key);
    }

    /** {@code selector} inside {@code dir}, symlinks resolved within it; it must exist. */
    private static Path existing(Path dir, String selector, String dest) {
        Path source = RootPath.resolve(dir, ExecCacheMap.absolute(selector));
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new KilnException(ErrorKind.NOT_FOUND, "mount " + dest + ": source " + selector + " not found");
        }
        return source;
    }

    private void cache(ExecMount m, WorkerSpi.Result input) {
        Optional<Path> seed = input == null ? Optional.empty()
                : Optional.of(existing(filesystem(input, false, -1), m.selector(), m.dest()));
        String sourceKey = seed.isEmpty() ? ""
                : "content:" + digests.ofMounted(input, List.of(ExecCacheMap.absolute(m.selector())));
        CacheMount mount = worker.cacheMounts().acquire(CacheMounts.spec(m, sourceKey, seed));
        cleanups.push(mount);
        container.add(ContainerMount.bind(m.dest(), mount.directory(), m.readonly()));
    }

    private void secret(ExecMount m) {
        Optional<SecretFile> file = worker.secretMounts().mount(m.secretOpt());
        file.ifPresent(f -> {
            cleanups.push(f);
            container.add(ContainerMount.bind(m.dest(), f.file(), true));
        });
    }

    private void ssh(ExecMount m) {
        Path socket = sshDirectory().resolve("agent." + sshCount++);
        Optional<SshAgentServer> server = worker.options().ssh().serve(m.sshOpt(), socket);
        server.ifPresent(s -> {
            cleanups.push(s);
            container.add(ContainerMount.bind(m.dest(), s.socket(), m.readonly()));
        });
    }

    /**
     * A private directory for this step's agent sockets. It lives in the system temp directory because a
     * socket path must fit in 108 bytes, which a state root may not leave room for.
     */
    private Path sshDirectory() {
        if (sshDir == null) {
            sshDir = io("create ssh agent directory", () -> Files.createTempDirectory("kiln-ssh-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
            Path dir = sshDir;
            cleanups.push(() -> FileTrees.deleteRecursively(dir));
        }
        return sshDir;
    }

    @FunctionalInterface
    private interface IoWork<T> {
        T run() throws IOException;
    }

    private static <T> T io(String what, IoWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, what + ": " + e.getMessage(), e);
        }
    }

    /** Releases everything in reverse order of preparation; the first failure is rethrown after the rest. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (Writable w : outputs) {
            if (w != null) {
                cleanups.addLast(() -> discard(w.key(), w.dir())); // prepared first, so released last
            }
        }
        while (!cleanups.isEmpty()) {
            try {
                cleanups.pop().close();
            } catch (Exception e) {
                RuntimeException r = e instanceof RuntimeException re ? re
                        : new KilnException(ErrorKind.INTERNAL, "clean up after step: " + e.getMessage(), e);
                if (failure == null) {
                    failure = r;
                } else {
                    failure.addSuppressed(r);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
