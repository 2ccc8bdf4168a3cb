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
import dev.kiln.worker.ops.ContextPrefetch;
import dev.kiln.worker.ops.WorkerOptions;
import dev.kiln.worker.registry.RegistryClient;
import dev.kiln.worker.registry.RegistryHostConfig;
import dev.kiln.worker.registry.RegistryOptions;
import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.snapshot.Snapshotter;
import dev.kiln.worker.snapshot.Snapshotters;
import dev.kiln.worker.sys.NativeSha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kiln's in-process engine: every store under one state root. Layout:
 * {@code content/} (blobs), {@code snapshots/}, {@code images/}, {@code cache.db} (solver cache),
 * {@code executor/} (runc state), {@code worker/} (mount points, context mirrors), {@code tmp/}.
 *
 * <p>Each store is opened on first use, so a command pays only for what it touches ({@code kiln images} never
 * opens the snapshotter or the cache database); thread-safe. Opening one makes SHA-256 native for large
 * messages in this process ({@link NativeSha256}).
 */
public final class Engine implements AutoCloseable {
    private final Path root;
    private final KilnConfig config;
    private final Mounter mounter;
    private final Lazy<LocalContentStore> content;
    private final Lazy<Snapshotter> snapshotter;
    private final Lazy<LocalImageStore> images;
    private final Lazy<RegistryClient> registry;
    private final Lazy<SqliteCacheStore> cache;

    private Engine(Path root, KilnConfig config) {
        this.root = root;
        this.config = config;
        this.mounter = new Mounter(root.resolve("snapshots").resolve("mnt"));
        this.content = new Lazy<>(() -> new LocalContentStore(root.resolve("content")));
        String snapshotterName = Optional.ofNullable(config.oci().snapshotter()).orElse("auto");
        this.snapshotter = new Lazy<>(() -> Snapshotters.open(root.resolve("snapshots"), snapshotterName));
        this.images = new Lazy<>(() -> new LocalImageStore(root.resolve("images")));
        this.registry = new Lazy<>(() -> new RegistryClient(content.get(),
                RegistryOptions.defaults().withHosts(hosts(config))));
        this.cache = new Lazy<>(() -> SqliteCacheStore.open(root.resolve("cache.db")));
    }

    public static Engine open(Path root, KilnConfig config) {
        NativeSha256.install();
        return new Engine(root.toAbsolutePath(), config);
    }

    public Path root() {
        return root;
    }

    public LocalContentStore content() {
        return content.get();
    }

    public LocalImageStore images() {
        return images.get();
    }

    public RegistryClient registry() {
        return registry.get();
    }

    public Snapshotter snapshotter() {
        return snapshotter.get();
    }

    /**
     * Where base images come from. Asking for it means a build (or its check) has begun: the snapshotter and the
     * cache database, which a build opens next, are opened meanwhile in the background, while the Dockerfile is
     * converted and its base images are resolved over the network.
     */
    public ImageSource imageSource() {
        snapshotter.makeInBackground("snapshotter");
        cache.makeInBackground("cache");
        return new ImageSource(images(), registry());
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

    /**
     * Where runc's state and the containers' bundles live: on tmpfs when the machine has one, like
     * BuildKit's /run, because a bundle's config.json holds the step's environment, {@code env=}
     * secrets included, and those must never reach a disk. One directory per state root.
     */
    private Path executorState() {
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && "tmpfs".equals(Files.getFileStore(shm).type())) {
                return new ExecutorStateDirs(shm).forRoot(root);
            }
        } catch (IOException e) {
            // no usable tmpfs: fall back to the state root
        }
        return root.resolve("executor");
    }

    /** Context syncs for one build, to start before its graph exists and hand to its {@link #worker}. */
    public ContextPrefetch contextPrefetch() {
        return new ContextPrefetch(root.resolve("worker"));
    }

    /** A worker for one build whose local sources ({@code local://NAME}) are the given directories. */
    public BuildWorker worker(Map<String, Path> localDirs, ContextPrefetch prefetch, WorkerOptions options) {
        String runtime = Optional.ofNullable(config.oci().binary()).orElse("runc");
        RuncExecutor executor = new RuncExecutor(executorState(), RuncExecutor.onPath(runtime));
        return new BuildWorker(snapshotter(), mounter, executor, imageSource(), content(), root.resolve("worker"),
                localDirs, prefetch, options);
    }

    /** The directories of {@code RUN --mount=type=cache}, for {@code kiln du} and {@code kiln prune}. */
    public CacheMountManager cacheMounts() {
        return BuildWorker.openCacheMounts(root.resolve("worker"));
    }

    /** The committed snapshots and the solver records on them, for {@code kiln du} and {@code kiln prune}. */
    public BuildCache buildCache() {
        return new BuildCache(snapshotter.get(), cache.get());
    }

    public Solver solver(BuildWorker worker) {
        int parallelism = config.oci().maxParallelism() > 0
                ? config.oci().maxParallelism() : Runtime.getRuntime().availableProcessors() * 2;
        return new Solver(worker, cache.get(), parallelism);
    }

    private static Map<String, RegistryHostConfig> hosts(KilnConfig config) {
        Map<String, RegistryHostConfig> hosts = new HashMap<>();
        config.registry().forEach((host, r) -> hosts.put(host, new RegistryHostConfig(r.mirrors(),
                Optional.ofNullable(r.http()), r.insecure(), r.ca().stream().map(Path::of).toList())));
        return hosts;
    }

    /** Closes what was opened; the registry client's connections too, whose selector thread otherwise delays exit. */
    @Override
    public void close() {
        cache.ifMade(SqliteCacheStore::close);
        snapshotter.ifMade(Snapshotter::close);
        registry.ifMade(RegistryClient::close);
    }
}
