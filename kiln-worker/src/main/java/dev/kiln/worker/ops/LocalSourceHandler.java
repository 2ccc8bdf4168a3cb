package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonValue;
import dev.kiln.graph.SourceOp;
import dev.kiln.solver.WorkerSpi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code local://NAME} source: the client directory registered under NAME, synced into a private
 * mirror with the op's exclude patterns applied (or taken over from a sync started before the build
 * graph existed, {@link ContextPrefetch}). Volatile: it always runs, and what is built from it is cached
 * by the content of the files it reads.
 */
final class LocalSourceHandler implements WorkerSpi.OpHandler {
    private final SourceOp op;
    private final Map<String, Path> localDirs;
    private final ContextPrefetch prefetch;
    private final Path mirrorsRoot;
    private final Path keepOut;

    /** @param keepOut Kiln's state root, never part of a context even when inside it */
    LocalSourceHandler(SourceOp op, Map<String, Path> localDirs, ContextPrefetch prefetch, Path mirrorsRoot,
                       Path keepOut) {
        this.op = op;
        this.localDirs = localDirs;
        this.prefetch = prefetch;
        this.mirrorsRoot = mirrorsRoot;
        this.keepOut = keepOut;
    }

    @Override
    public WorkerSpi.CacheMap cacheMap(WorkerSpi.OpContext ctx) {
        return WorkerSpi.CacheMap.volatileNode(List.of());
    }

    @Override
    public List<WorkerSpi.Result> exec(WorkerSpi.OpContext ctx, List<WorkerSpi.Result> inputs)
            throws InterruptedException {
        String name = name(op);
        Path dir = localDirs.get(name);
        if (dir == null) {
            throw new KilnException(ErrorKind.NOT_FOUND, "no local directory was given for " + op.identifier());
        }
        List<String> excludes = excludes(op);
        Optional<ContextSync.Synced> prefetched = prefetch.take(name, excludes);
        ContextSync.Synced synced = prefetched.isPresent() ? prefetched.get()
                : ContextSync.run(dir, excludes, mirrorsRoot, keepOut);
        ctx.status("transferring " + name + ":", synced.stats().bytesCopied(), 0);
        return List.of(synced.result());
    }

    /** The exclude patterns of a local source. */
    static List<String> excludes(SourceOp op) {
        String json = op.attrs().get("local.excludepatterns");
        return json == null ? List.of() : Json.parse(json.getBytes(StandardCharsets.UTF_8), JsonValue::asStrings,
                "exclude patterns");
    }

    /** The directory name of a local source. */
    static String name(SourceOp op) {
        return op.identifier().substring(SourceOp.LOCAL_SCHEME.length());
    }
}
