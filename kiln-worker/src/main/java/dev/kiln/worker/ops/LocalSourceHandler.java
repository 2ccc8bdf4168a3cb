package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.pattern.PatternMatcher;
import dev.kiln.graph.SourceOp;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.contenthash.StatCache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A {@code local://NAME} source: the client directory registered under NAME, synced into a private
 * mirror with the op's exclude patterns applied. Volatile: it always runs, and what is built from it
 * is cached by the content of the files it reads.
 */
final class LocalSourceHandler implements WorkerSpi.OpHandler {
    private static final Map<Path, Semaphore> MIRROR_LOCKS = new ConcurrentHashMap<>();

    private final SourceOp op;
    private final Map<String, Path> localDirs;
    private final Path mirrorsRoot;
    private final Path keepOut;

    /** @param keepOut Kiln's state root, never part of a context even when inside it */
    LocalSourceHandler(SourceOp op, Map<String, Path> localDirs, Path mirrorsRoot, Path keepOut) {
        this.op = op;
        this.localDirs = localDirs;
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
        String name = op.identifier().substring(SourceOp.LOCAL_SCHEME.length());
        Path dir = localDirs.get(name);
        if (dir == null) {
            throw new KilnException(ErrorKind.NOT_FOUND, "no local directory was given for " + op.identifier());
        }
        List<String> excludes = patterns(op.attrs().get("local.excludepatterns"));
        Path mirror = mirrorsRoot.resolve(Digest.sha256(dir.toAbsolutePath() + "\n" + excludes).hex().substring(0, 24));
        Semaphore lock = MIRROR_LOCKS.computeIfAbsent(mirror, m -> new Semaphore(1));
        lock.acquire();
        FileChannel lockFile = null;
        try {
            // The semaphore orders this process's builds; the file lock orders other processes'.
            Files.createDirectories(mirrorsRoot);
            lockFile = FileChannel.open(mirrorsRoot.resolve(mirror.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lockFile.lock();
            StatCache checksums = StatCache.load(ContextResult.statsFile(mirror));
            ContextMirror.Stats stats = ContextMirror.sync(dir, PatternMatcher.compile(excludes), mirror, keepOut);
            ctx.status("transferring " + name + ":", stats.bytesCopied(), 0);
            FileChannel held = lockFile;
            return List.of(new ContextResult(mirror, checksums, () -> {
                closeQuietly(held);
                lock.release();
            }));
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockFile);
            lock.release();
            if (e instanceof KilnException k) {
                throw k;
            }
            throw new KilnException(ErrorKind.INTERNAL, "transfer context " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing releases the lock; a failure to close leaves nothing to undo
        }
    }

    private static List<String> patterns(String json) {
        return json == null ? List.of() : Json.parse(json.getBytes(StandardCharsets.UTF_8), JsonValue::asStrings,
                "exclude patterns");
    }
}
