package dev.kiln.worker.cachemount;

import dev.kiln.worker.snapshot.TreeCopier;
import dev.kiln.worker.sys.FileTrees;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The on-disk layout: {@code records/<rid>/{meta.json,lock,data/}} for each cache directory, {@code tmp/} for
 * records being made or removed, and {@code index.lock}, held while records are searched, created or removed so
 * concurrent Kiln processes see a consistent set. A record appears in {@code records/} by one atomic rename, fully
 * made; leftovers in {@code tmp/} are deleted under the index lock, when nobody can be making one.
 */
final class CacheRecords {
    static final String DATA = "data";
    static final String LOCK = "lock";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path records;
    private final Path tmp;
    private final Path indexLock;

    /** Work done while holding the index lock. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws IOException;
    }

    record Entry(String recordId, CacheRecordMeta meta) {
    }

    CacheRecords(Path root) throws IOException {
        this.records = Files.createDirectories(root.resolve("records"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
        this.indexLock = root.resolve("index.lock");
    }

    <T> T underIndexLock(Locked<T> body) throws IOException {
        try (FileChannel ch = FileChannel.open(indexLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = ch.lock()) {
            FileTrees.deleteRecursively(tmp);
            Files.createDirectories(tmp);
            return body.run();
        }
    }

    Path recordDir(String recordId) {
        return records.resolve(recordId);
    }

    Path lockFile(String recordId) {
        return recordDir(recordId).resolve(LOCK);
    }

    /** Every complete record, oldest first: the order in which users pick a free directory. */
    List<Entry> all() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(records)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                try {
                    entries.add(new Entry(dir.getFileName().toString(), CacheRecordMeta.read(dir)));
                } catch (NoSuchFileException e) {
                    // removed by another process after the listing
                }
            }
        }
        entries.sort(Comparator.comparingLong((Entry e) -> e.meta().createdNanos()).thenComparing(Entry::recordId));
        return entries;
    }

    /** Makes a complete record in {@code tmp/}; returns its id. {@link #publish} makes it visible. */
    String prepare(CacheMountSpec spec, long nowNanos) throws IOException {
        String recordId = HexFormat.of().formatHex(randomBytes());
        Path dir = Files.createDirectory(tmp.resolve(recordId));
        Path data = Files.createDirectory(dir.resolve(DATA));
        if (spec.seedFrom().isPresent()) {
            TreeCopier.copy(spec.seedFrom().get(), data);
        }
        LinuxFiles.lchown(data, spec.uid(), spec.gid());
        LinuxFiles.chmod(data, spec.mode() & 07777);
        Files.createFile(dir.resolve(LOCK));
        new CacheRecordMeta(spec.key(), spec.sourceKey(), nowNanos, nowNanos).write(dir);
        return recordId;
    }

    Path preparedLockFile(String recordId) {
        return tmp.resolve(recordId).resolve(LOCK);
    }

    void publish(String recordId) throws IOException {
        Files.move(tmp.resolve(recordId), recordDir(recordId), StandardCopyOption.ATOMIC_MOVE);
        CacheRecordMeta.syncDirectory(records);
    }

    /**
     * Deletes a record: one atomic rename takes it out of {@code records/}, so a crash while its tree is being
     * deleted leaves only a leftover in {@code tmp/}, never a half-deleted cache directory.
     */
    void remove(String recordId) throws IOException {
        Path trash = tmp.resolve("removed-" + recordId);
        Files.move(recordDir(recordId), trash, StandardCopyOption.ATOMIC_MOVE);
        CacheRecordMeta.syncDirectory(records);
        FileTrees.deleteRecursively(trash);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
