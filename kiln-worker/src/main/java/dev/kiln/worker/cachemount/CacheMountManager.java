package dev.kiln.worker.cachemount;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount.Sharing;
import dev.kiln.worker.snapshot.DiskUsage;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Persistent directories for {@code RUN --mount=type=cache}, with BuildKit's sharing modes, honoured across
 * threads and across Kiln processes using the same state root:
 * <ul>
 * <li>{@code shared}: concurrent users get the same directory;</li>
 * <li>{@code locked}: a second user waits until the first releases;</li>
 * <li>{@code private}: a second concurrent user gets a new directory of its own, which later users may pick up.</li>
 * </ul>
 * A user takes the oldest directory of its key that it can have, and creates one when there is none. Contents
 * survive until {@link #remove}d or {@link #prune}d, which never touch a directory in use.
 */
public final class CacheMountManager {
    /** How often a waiting {@code locked} user looks again for a directory another process released. */
    private static final long POLL_MILLIS = 100;

    private final CacheRecords records;
    /** Also the monitor for everything this process does under the root. */
    private final RecordLocks locks;

    private CacheMountManager(CacheRecords records, RecordLocks locks) {
        this.records = records;
        this.locks = locks;
    }

    /** The cache mounts kept under {@code root} (created if missing). */
    public static CacheMountManager open(Path root) {
        try {
            Path real = Files.createDirectories(root).toRealPath();
            return new CacheMountManager(new CacheRecords(real), RecordLocks.forRoot(real));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "open cache mounts at " + root + ": " + e.getMessage(), e);
        }
    }

    /** A directory for one use of the mount; blocks while a {@code locked} mount's directories are all taken. */
    public CacheMount acquire(CacheMountSpec spec) {
        synchronized (locks) {
            while (true) {
                Optional<CacheMount> mount = io("cache mount " + spec.key(), () -> tryAcquire(spec));
                if (mount.isPresent()) {
                    return mount.get();
                }
                try {
                    locks.wait(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KilnException(ErrorKind.CANCELED, "cache mount " + spec.key() + ": interrupted", e);
                }
            }
        }
    }

    /** Every cache directory with its size and last use, oldest first. */
    public List<CacheMountInfo> list() {
        List<CacheMountInfo> unsized = io("list cache mounts", () -> {
            synchronized (locks) {
                return records.underIndexLock(this::snapshot);
            }
        });
        List<CacheMountInfo> sized = new ArrayList<>();
        for (CacheMountInfo i : unsized) {
            try {
                long size = DiskUsage.of(records.recordDir(i.recordId()).resolve(CacheRecords.DATA)).size();
                sized.add(new CacheMountInfo(i.recordId(), i.key(), i.sourceKey(), size, i.created(), i.lastUsed(),
                        i.inUse()));
            } catch (NoSuchFileException e) {
                // removed since the snapshot
            } catch (IOException e) {
                throw new KilnException(ErrorKind.INTERNAL, "cache mount " + i.key() + ": " + e.getMessage(), e);
            }
        }
        return sized;
    }

    /** Deletes a cache directory unless some build uses it; false when in use or already gone. */
    public boolean remove(String recordId) {
        return io("remove cache mount " + recordId, () -> {
            synchronized (locks) {
                return records.underIndexLock(() -> removeUnlocked(recordId));
            }
        });
    }

    /** Removes every directory not in use that {@code filter} selects; returns those removed. */
    public List<CacheMountInfo> prune(Predicate<CacheMountInfo> filter) {
        return list().stream().filter(filter).filter(i -> remove(i.recordId())).toList();
    }

    void release(String recordId) {
        io("release cache mount " + recordId, () -> {
            synchronized (locks) {
                if (locks.usersHere(recordId) == 1) {
                    Path dir = records.recordDir(recordId);
                    CacheRecordMeta.read(dir).usedAt(CacheRecordMeta.now()).write(dir);
                }
                locks.give(recordId);
                locks.notifyAll();
                return null;
            }
        });
    }

    private Optional<CacheMount> tryAcquire(CacheMountSpec spec) throws IOException {
        boolean shared = spec.sharing() == Sharing.SHARED;
        return records.underIndexLock(() -> {
            boolean busy = false;
            for (CacheRecords.Entry e : records.all()) {
                if (e.meta().matches(spec)) {
                    if (locks.tryTake(e.recordId(), records.lockFile(e.recordId()), shared)) {
                        return Optional.of(mountOf(e.recordId()));
                    }
                    busy = true;
                }
            }
            if (busy && spec.sharing() == Sharing.LOCKED) {
                return Optional.empty();
            }
            return Optional.of(create(spec, shared));
        });
    }

    private CacheMount create(CacheMountSpec spec, boolean shared) throws IOException {
        String recordId = records.prepare(spec, CacheRecordMeta.now());
        locks.tryTake(recordId, records.preparedLockFile(recordId), shared); // brand new: nobody else can hold it
        try {
            records.publish(recordId);
        } catch (IOException | RuntimeException e) {
            locks.give(recordId);
            throw e;
        }
        return mountOf(recordId);
    }

    private boolean removeUnlocked(String recordId) throws IOException {
        if (recordId.isEmpty() || recordId.contains("/") || recordId.startsWith(".")
                || !Files.isDirectory(records.recordDir(recordId)) || !locks.tryTake(recordId, records.lockFile(recordId), false)) {
            return false;
        }
        try {
            records.remove(recordId);
            return true;
        } finally {
            locks.give(recordId);
        }
    }

    private List<CacheMountInfo> snapshot() throws IOException {
        List<CacheMountInfo> infos = new ArrayList<>();
        for (CacheRecords.Entry e : records.all()) {
            CacheRecordMeta m = e.meta();
            infos.add(new CacheMountInfo(e.recordId(), m.key(), m.sourceKey(), 0,
                    CacheRecordMeta.instant(m.createdNanos()), CacheRecordMeta.instant(m.lastUsedNanos()),
                    locks.inUse(e.recordId(), records.lockFile(e.recordId()))));
        }
        return infos;
    }

    private CacheMount mountOf(String recordId) {
        return new CacheMount(this, recordId, records.recordDir(recordId).resolve(CacheRecords.DATA));
    }

    @FunctionalInterface
    private interface IoWork<T> {
        T run() throws IOException;
    }

    private static <T> T io(String what, IoWork<T> work) {
        try {
            return work.run();
        } catch (ClosedByInterruptException | FileLockInterruptionException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(ErrorKind.CANCELED, what + ": interrupted", e);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, what + ": " + e.getMessage(), e);
        }
    }
}
