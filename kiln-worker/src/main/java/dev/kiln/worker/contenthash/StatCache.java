package dev.kiln.worker.contenthash;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.AtomicFiles;
import dev.kiln.worker.sys.FileStat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the checksum of each file of a build context together with the stat it was computed
 * from (size, mtime, inode, ctime, mode, owner), so hashing an unchanged context again reads no
 * file. A file whose stat changed is read again; touching it changes nothing else, since mtime is
 * not part of the checksum. Persisted in one file, rewritten atomically; a missing or damaged file
 * just means an empty cache. Thread-safe.
 */
public final class StatCache {
    private static final int MAGIC = 0x4b4c5331; // "KLS1"

    private record Key(long size, long mtimeSeconds, int mtimeNanos, long ino, long ctimeSeconds, int ctimeNanos,
                       int mode, int uid, int gid) {
        static Key of(FileStat st) {
            return new Key(st.size(), st.mtime().getEpochSecond(), st.mtime().getNano(), st.ino(),
                    st.ctime().getEpochSecond(), st.ctime().getNano(), st.mode(), st.uid(), st.gid());
        }
    }

    private record Entry(Key key, Digest digest) {
    }

    private final Path file;
    private final Map<String, Entry> loaded;
    private final Map<String, Entry> current = new HashMap<>();

    private StatCache(Path file, Map<String, Entry> loaded) {
        this.file = file;
        this.loaded = loaded;
    }

    /** The cache stored in {@code file}, or an empty one that will be saved there. */
    public static StatCache load(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            return new StatCache(file, read(in));
        } catch (IOException | RuntimeException e) {
            // Missing (first build) or damaged: start over; the cache only saves work.
            return new StatCache(file, new HashMap<>());
        }
    }

    private static Map<String, Entry> read(DataInputStream in) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        if (in.readInt() != MAGIC) {
            return entries;
        }
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String path = in.readUTF();
            Key key = new Key(in.readLong(), in.readLong(), in.readInt(), in.readLong(), in.readLong(), in.readInt(),
                    in.readInt(), in.readInt(), in.readInt());
            entries.put(path, new Entry(key, Digest.parse(in.readUTF())));
        }
        return entries;
    }

    /** The remembered checksum of {@code path} if its stat is still {@code st}. */
    synchronized Digest lookup(String path, FileStat st) {
        Entry e = current.get(path);
        if (e == null) {
            e = loaded.get(path);
        }
        if (e == null || !e.key().equals(Key.of(st))) {
            return null;
        }
        current.put(path, e);
        return e.digest();
    }

    synchronized void put(String path, FileStat st, Digest digest) {
        current.put(path, new Entry(Key.of(st), digest));
    }

    /** Writes the entries looked up or added since loading (others are gone from the context), atomically. */
    public synchronized void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, out -> write(new DataOutputStream(out)));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "cannot save the context checksum cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(current.size());
        for (Map.Entry<String, Entry> e : current.entrySet()) {
            Key k = e.getValue().key();
            out.writeUTF(e.getKey());
            out.writeLong(k.size());
            out.writeLong(k.mtimeSeconds());
            out.writeInt(k.mtimeNanos());
            out.writeLong(k.ino());
            out.writeLong(k.ctimeSeconds());
            out.writeInt(k.ctimeNanos());
            out.writeInt(k.mode());
            out.writeInt(k.uid());
            out.writeInt(k.gid());
            out.writeUTF(e.getValue().digest().toString());
        }
    }

    synchronized int size() {
        return current.size();
    }
}
