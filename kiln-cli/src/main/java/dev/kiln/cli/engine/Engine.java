package dev.kiln.cli.engine;

import dev.kiln.cli.config.KilnConfig;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.solver.Solver;
import dev.kiln.solver.cache.SqliteCacheStore;
import dev.kiln.worker.executor.RuncExecutor;
import dev.kiln.worker.cachemount.CacheMountManager;
import dev.kiln.worker.image.ImageSource;
import dev.kiln.worker.image.LocalImageStore;
import dev.kiln.worker.layer.LayerApplier;
import dev.kiln.worker.layer.LayerDiffer;
import dev.kiln.worker.ops.BuildCache;
import dev.kiln.worker.ops.BuildWorker;
import dev.kiln.worker.ops.WorkerOptions;
import dev.kiln.worker.registry.RegistryClient;
import dev.kiln.worker.registry.RegistryHostConfig;
import dev.kiln.worker.registry.RegistryOptions;
import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.snapshot.Snapshotter;
import dev.kiln.worker.snapshot.Snapshotters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kiln's in-process engine: every store under one state root, opened once per command. Layout:
 * {@code content/} (blobs), {@code snapshots/}, {@code images/}, {@code cache.db} (solver cache),
 * {@code executor/} (runc state), {@code worker/} (mount points, context mirrors), {@code tmp/}.
 */
public final class Engine implements AutoCloseable {
    private final Path root;
    private final KilnConfig config;
    private final LocalContentStore content;
    private final Snapshotter snapshotter;
    private final Mounter mounter;
    private final LocalImageStore images;
    private final RegistryClient registry;
    private final SqliteCacheStore cache;

    private Engine(Path root, KilnConfig config) {
        this.root = root;
        this.config = config;
        this.content = new LocalContentStore(root.resolve("content"));
        String snapshotterName = Optional.ofNullable(config.oci().snapshotter()).orElse("auto");
        this.snapshotter = Snapshotters.open(root.resolve("snapshots"), snapshotterName);
        this.mounter = new Mounter(root.resolve("snapshots").resolve("mnt"));
        this.images = new LocalImageStore(root.resolve("images"));
        this.registry = new RegistryClient(content, RegistryOptions.defaults().withHosts(hosts(config)));
        this.cache = SqliteCacheStore.open(root.resolve("cache.db"));
    }

    public static Engine open(Path root, KilnConfig config) {
        return new Engine(root.toAbsolutePath(), config);
    }

    public Path root() {
        return root;
    }

    public LocalContentStore content() {
        return content;
    }

    public LocalImageStore images() {
        return images;
    }

    public RegistryClient registry() {
        return registry;
    }

    public Snapshotter snapshotter() {
        return snapshotter;
    }

    public ImageSource imageSource() {
        return new ImageSource(images, registry);
    }

    /** Runs {@code body} on a read-only mount of {@code mounts} (an empty directory for none). */
    public <T> T withReadOnly(List<Mount> mounts, Mounter.InMount<T> body) {
        try {
            return mounts.isEmpty() ? body.run(Files.createDirectories(tempDir().resolve("empty")))
                    : mounter.withReadOnly(mounts, body);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "mount result: " + e.getMessage(), e);
        }
    }

    public LayerApplier layerApplier() {
        return new LayerApplier(mounter);
    }

    public LayerDiffer differ() {
        return new LayerDiffer(mounter);
    }

    public Path tempDir() {
        return root.resolve("tmp");
    }

    /** A worker for one build whose local sources ({@code local://NAME}) are the given directories. */
    public BuildWorker worker(Map<String, Path> localDirs, WorkerOptions options) {
        String runtime = Optional.ofNullable(config.oci().binary()).orElse("runc");
        RuncExecutor executor = runtime.contains("/")
                ? new RuncExecutor(root.resolve("executor"), Path.of(runtime))
                : new RuncExecutor(root.resolve("executor"));
        return new BuildWorker(snapshotter, mounter, executor, imageSource(), content, root.resolve("worker"),
                localDirs, options);
    }

    /** The directories of {@code RUN --mount=type=cache}, for {@code kiln du} and {@code kiln prune}. */
    public CacheMountManager cacheMounts() {
        return BuildWorker.openCacheMounts(root.resolve("worker"));
    }

    /** The committed snapshots and the solver records on them, for {@code kiln du} and {@code kiln prune}. */
    public BuildCache buildCache() {
        return new BuildCache(snapshotter, cache);
    }

    public Solver solver(BuildWorker worker) {
        int parallelism = config.oci().maxParallelism() > 0
                ? config.oci().maxParallelism() : Runtime.getRuntime().availableProcessors() * 2;
        return new Solver(worker, cache, parallelism);
    }

    private static Map<String, RegistryHostConfig> hosts(KilnConfig config) {
        Map<String, RegistryHostConfig> hosts = new HashMap<>();
        config.registry().forEach((host, r) -> hosts.put(host, new RegistryHostConfig(r.mirrors(),
                Optional.ofNullable(r.http()), r.insecure(), r.ca().stream().map(Path::of).toList())));
        return hosts;
    }

    @Override
    public void close() {
        cache.close();
        snapshotter.close();
    }
}
