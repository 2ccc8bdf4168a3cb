package dev.kiln.worker.cachemount;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who uses which cache record, across threads and processes. Each record has a lock file: shared users hold a
 * shared lock on it, exclusive users (locked, private, removal) an exclusive one. The OS drops these locks when a
 * process dies, so a crash never leaves a record taken. A JVM can hold only one lock per file, so threads of this
 * process are tracked here and share that one lock; this is why there is one instance per state root and JVM.
 * All methods must be called while synchronized on the instance.
 */
final class RecordLocks {
    private static final Map<Path, RecordLocks> BY_ROOT = new ConcurrentHashMap<>();

    private final Map<String, Holder> held = new HashMap<>();

    private static final class Holder {
        final FileChannel channel;
        final FileLock lock;
        int users = 1;

        Holder(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    static RecordLocks forRoot(Path realRoot) {
        return BY_ROOT.computeIfAbsent(realRoot, r -> new RecordLocks());
    }

    /** Takes the record for one more user if nobody (here or in another process) holds it in a conflicting mode. */
    boolean tryTake(String recordId, Path lockFile, boolean shared) throws IOException {
        Holder h = held.get(recordId);
        if (h != null) {
            if (h.lock.isShared() && shared) {
                h.users++;
                return true;
            }
            return false;
        }
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                ch.close();
                return false;
            }
            held.put(recordId, new Holder(ch, lock));
            return true;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Drops one user; the last one here releases the file lock. */
    void give(String recordId) throws IOException {
        Holder h = held.get(recordId);
        if (h != null && --h.users == 0) {
            held.remove(recordId);
            h.channel.close(); // releases the lock
        }
    }

    /** How many users in this process hold the record (0 when none). */
    int usersHere(String recordId) {
        Holder h = held.get(recordId);
        return h == null ? 0 : h.users;
    }

    boolean heldHere(String recordId) {
        return held.containsKey(recordId);
    }

    /** Whether any process, this one included, uses the record right now. */
    boolean inUse(String recordId, Path lockFile) throws IOException {
        if (heldHere(recordId)) {
            return true;
        }
        if (!tryTake(recordId, lockFile, false)) {
            return true;
        }
        give(recordId);
        return false;
    }
}
