package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.pattern.PatternMatcher;
import dev.kiln.worker.contenthash.StatCache;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One sync of a client directory into its private mirror ({@link ContextMirror}), made while holding the mirror
 * against other syncs: a semaphore for this process's builds, a file lock for other processes'. The result keeps
 * both until its last handle is released.
 */
final class ContextSync {
    private static final Map<Path, Semaphore> MIRROR_LOCKS = new ConcurrentHashMap<>();

    /** The synced context and what the sync did. */
    record Synced(ContextResult result, ContextMirror.Stats stats) {
    }

    private ContextSync() {
    }

    /**
     * @param mirrorsRoot where the mirrors are, one per directory and exclude patterns
     * @param keepOut     Kiln's state root, never part of a context even when inside it
     */
    static Synced run(Path dir, List<String> excludes, Path mirrorsRoot, Path keepOut) throws InterruptedException {
        Path mirror = mirrorsRoot.resolve(Digest.sha256(dir.toAbsolutePath() + "\n" + excludes).hex().substring(0, 24));
        Semaphore lock = MIRROR_LOCKS.computeIfAbsent(mirror, m -> new Semaphore(1));
        lock.acquire();
        FileChannel lockFile = null;
        try {
            Files.createDirectories(mirrorsRoot);
            lockFile = FileChannel.open(mirrorsRoot.resolve(mirror.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lockFile.lock();
            StatCache checksums = StatCache.load(ContextResult.statsFile(mirror));
            ContextMirror.Stats stats = ContextMirror.sync(dir, PatternMatcher.compile(excludes), mirror, keepOut);
            FileChannel held = lockFile;
            return new Synced(new ContextResult(mirror, checksums, () -> {
                closeQuietly(held);
                lock.release();
            }), stats);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockFile);
            lock.release();
            if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("transfer of context " + dir + " was canceled");
            }
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
}
