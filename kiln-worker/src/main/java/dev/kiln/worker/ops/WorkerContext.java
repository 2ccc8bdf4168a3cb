package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.cachemount.CacheMountManager;
import dev.kiln.worker.executor.Executor;
import dev.kiln.worker.session.SecretMounts;
import dev.kiln.worker.session.SecretScratch;
import dev.kiln.worker.snapshot.Kind;
import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.snapshot.Snapshotter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The parts the op handlers share, and the snapshot chores they all do: make a writable snapshot and
 * mount it, unmount, commit under a fresh name, clean up after a failure. The cache mount directories
 * and the secret scratch area are opened on first use, so builds without RUN mounts pay nothing.
 */
final class WorkerContext {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Snapshotter snapshotter;
    private final Mounter mounter;
    private final Executor executor;
    private final Path mountRoot;
    private final WorkerOptions options;
    private final Supplier<CacheMountManager> cacheMounts;
    private final Supplier<SecretMounts> secretMounts;

    /** @param stateRoot where mount points, cache mount directories and secret scratch space live */
    WorkerContext(Snapshotter snapshotter, Mounter mounter, Executor executor, Path stateRoot, WorkerOptions options) {
        this.snapshotter = snapshotter;
        this.mounter = mounter;
        this.executor = executor;
        this.mountRoot = stateRoot.resolve("mnt");
        this.options = options;
        this.cacheMounts = memoized(() -> BuildWorker.openCacheMounts(stateRoot));
        this.secretMounts = memoized(() -> new SecretMounts(options.secrets(), mounter,
                SecretScratch.open(stateRoot.resolve("secrets"))));
    }

    Snapshotter snapshotter() {
        return snapshotter;
    }

    Mounter mounter() {
        return mounter;
    }

    Executor executor() {
        return executor;
    }

    WorkerOptions options() {
        return options;
    }

    CacheMountManager cacheMounts() {
        return cacheMounts.get();
    }

    SecretMounts secretMounts() {
        return secretMounts.get();
    }

    /** A key for this process's work on a snapshot; see {@link AbandonedWork} for why it holds the pid. */
    String newKey(String kind) {
        return kind + "-" + AbandonedWork.ownerTag() + "-" + randomHex();
    }

    /** Removes mounts and snapshots left by steps of Kiln processes that died. */
    void sweepAbandoned() {
        AbandonedWork.sweep(snapshotter, mountRoot);
    }

    String newContainerId() {
        return "kiln-" + randomHex();
    }

    /** Prepares a writable snapshot of {@code parent} (null: empty) and mounts it; returns the mount point. */
    Path mountActive(String key, String parent) {
        return mountAt(key, snapshotter.prepare(key, parent));
    }

    /** A read-only view of the committed snapshot {@code name}, mounted; returns the mount point. */
    Path mountView(String key, String name) {
        return mountAt(key, snapshotter.view(key, name));
    }

    Path mountPoint(String key) {
        return mountRoot.resolve(key);
    }

    private Path mountAt(String key, List<Mount> mounts) {
        Path dir = mountPoint(key);
        try {
            Files.createDirectories(dir);
            mounter.mount(mounts, dir);
            return dir;
        } catch (IOException | RuntimeException e) {
            removeQuietly(key);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    void unmount(Path dir) {
        mounter.unmount(dir);
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // an empty mount point left behind is harmless; the next start-up sweeps it
        }
    }

    /** Commits the active snapshot under a fresh name and returns the name. */
    String commit(String key) {
        String name = "r-" + randomHex();
        snapshotter.commit(name, key);
        return name;
    }

    void removeQuietly(String key) {
        try {
            snapshotter.remove(key);
        } catch (KilnException e) {
            // already gone or never made: nothing to clean
        }
    }

    WorkerSpi.Result result(String name) {
        return new SnapshotResult(name, snapshotter.usage(name).size());
    }

    Optional<WorkerSpi.Result> load(String name) {
        try {
            return snapshotter.stat(name).kind() == Kind.COMMITTED ? Optional.of(result(name)) : Optional.empty();
        } catch (KilnException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    String snapshotName(WorkerSpi.Result input) {
        if (input instanceof SnapshotResult s) {
            return s.name();
        }
        throw new KilnException(ErrorKind.INVALID_ARGUMENT, "input " + input.id() + " is not a filesystem snapshot");
    }

    private static <T> Supplier<T> memoized(Supplier<T> open) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = open.get();
                }
                return value;
            }
        };
    }

    private static String randomHex() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
