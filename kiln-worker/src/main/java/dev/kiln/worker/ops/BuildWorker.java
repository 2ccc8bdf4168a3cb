package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.FileOp;
import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.graph.SourceOp;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.cachemount.CacheMountManager;
import dev.kiln.worker.executor.Executor;
import dev.kiln.worker.image.ImageSource;
import dev.kiln.worker.layer.LayerApplier;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.snapshot.Snapshotter;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The worker the solver drives: one handler per op kind, all working on one snapshotter. A build's
 * local directories (the context) are given per worker, so an in-process build makes one per build.
 */
public final class BuildWorker implements WorkerSpi {
    private final WorkerContext context;
    private final ImageSource images;
    private final ContentStore content;
    private final LayerApplier applier;
    private final ContentDigests digests;
    private final Map<String, Path> localDirs;
    private final Path mirrorsRoot;
    private final Path keepOut;
    private final ContextPrefetch prefetch;

    /**
     * @param stateRoot where the worker keeps mount points, context mirrors and cache mount directories:
     *                  the {@code worker} directory of Kiln's state root, which as a whole is kept out of
     *                  build contexts
     * @param localDirs the directories of {@code local://NAME} sources, by NAME
     * @param prefetch  the syncs of those directories started before the build graph existed
     */
    public BuildWorker(Snapshotter snapshotter, Mounter mounter, Executor executor, ImageSource images,
                       ContentStore content, Path stateRoot, Map<String, Path> localDirs, ContextPrefetch prefetch,
                       WorkerOptions options) {
        this.context = new WorkerContext(snapshotter, mounter, executor, stateRoot, options);
        context.sweepAbandoned();
        this.images = images;
        this.content = content;
        this.applier = new LayerApplier(mounter);
        this.digests = new ContentDigests(context);
        this.localDirs = Map.copyOf(localDirs);
        this.mirrorsRoot = mirrorsRoot(stateRoot);
        this.keepOut = keepOut(stateRoot);
        this.prefetch = prefetch;
    }

    @Override
    public OpHandler resolve(Node node) {
        return switch (node.op()) {
            case ExecOp exec -> new ExecHandler(node, exec, context, digests);
            case FileOp file -> new FileHandler(node, file, context, digests);
            case SourceOp source when source.isImage() ->
                    new ImageSourceHandler(node, source, context, images, content, applier);
            case SourceOp source when source.isLocal() -> new LocalSourceHandler(source, localDirs, prefetch,
                    mirrorsRoot, keepOut);
            case SourceOp source -> throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "source " + source.identifier() + " is not supported yet");
        };
    }

    /** Where the context mirrors are kept under a worker state root. */
    static Path mirrorsRoot(Path stateRoot) {
        return stateRoot.resolve("contexts");
    }

    /** Kiln's state root, which no context includes. */
    static Path keepOut(Path stateRoot) {
        return stateRoot.getParent();
    }

    /** The directories of {@code RUN --mount=type=cache} kept under a worker state root. */
    public static CacheMountManager openCacheMounts(Path stateRoot) {
        return CacheMountManager.open(stateRoot.resolve("cachemounts"));
    }

    /**
     * Fails, naming the Dockerfile line, when a step of {@code graph} needs an entitlement this build was
     * not granted ({@link WorkerOptions#allowed()}); call it before solving.
     */
    public void checkEntitlements(Graph graph) {
        EntitlementCheck.check(graph, context.options().allowed());
    }

    /** The snapshot a build result is, for exporting it. */
    public static String snapshotName(Result result) {
        if (result instanceof SnapshotResult s) {
            return s.name();
        }
        throw new KilnException(ErrorKind.INVALID_ARGUMENT, "build result " + result.id() + " is not a filesystem");
    }

    @Override
    public Optional<Result> load(String resultId) {
        if (!resultId.startsWith(SnapshotResult.PREFIX)) {
            return Optional.empty();
        }
        return context.load(resultId.substring(SnapshotResult.PREFIX.length()));
    }
}
