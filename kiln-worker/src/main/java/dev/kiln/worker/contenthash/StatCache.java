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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Remembers the checksum of each file of a build context together with the stat it was computed
 * from (size, mtime, inode, ctime, mode, owner), so hashing an unchanged context again reads no
 * file. A file whose stat changed is read again; touching it changes nothing else, since mtime is
 * not part of the checksum. Persisted in one file, rewritten atomically; a missing or damaged file
 * just means an empty cache. Thread-safe.
 *
 * <p>Directories are remembered too, with their stat and the checksums their subdirectories had: in a
 * context mirror an unchanged directory stat means unchanged entries (see {@code ContextMirror}), so a
 * directory whose subdirectories still have those checksums has its old checksum, and its files need not
 * even be looked at. Only for trees that keep that promise.
 */
public final class StatCache {
    private static final int MAGIC = 0x4b4c5332; // "KLS2"
    private static final int FILE = -1;
    /** Longer than a kernel clock tick (at most 10 ms). */
    private static final Duration RACY = Duration.ofMillis(50);

    private record Key(long size, long mtimeSeconds, int mtimeNanos, long ino, long ctimeSeconds, int ctimeNanos,
                       int mode, int uid, int gid) {
        static Key of(FileStat st) {
            return new Key(st.size(), st.mtime().getEpochSecond(), st.mtime().getNano(), st.ino(),
                    st.ctime().getEpochSecond(), st.ctime().getNano(), st.mode(), st.uid(), st.gid());
        }
    }

    /** @param subdirs for a directory, its subdirectories' names and checksums; null for a file */
    private record Entry(Key key, Digest digest, Map<String, Digest> subdirs) {
    }

    /** A directory remembered with an unchanged stat: valid if its subdirectories still have these checksums. */
    record Directory(Digest digest, Map<String, Digest> subdirs) {
    }

    private final Path file;
    private final Map<String, Entry> loaded;
    private final Map<String, Entry> current = new HashMap<>();
    private final Map<String, Entry> currentDirs = new HashMap<>();
    /** Directories reused whole: their files were not looked up, yet are still there. */
    private final Set<String> reused = new HashSet<>();
    private boolean used;

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
            // Missing (first build), damaged or of an older format: start over; the cache only saves work.
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
            Digest digest = Digest.parse(in.readUTF());
            int subdirCount = in.readInt();
            Map<String, Digest> subdirs = null;
            if (subdirCount != FILE) {
                subdirs = new LinkedHashMap<>();
                for (int s = 0; s < subdirCount; s++) {
                    subdirs.put(in.readUTF(), Digest.parse(in.readUTF()));
                }
            }
            entries.put(subdirs == null ? path : directoryKey(path), new Entry(key, digest, subdirs));
        }
        return entries;
    }

    /** Directories share the map with files under a key no file path can have. */
    private static String directoryKey(String path) {
        return path + "\0";
    }

    /** The remembered checksum of {@code path} if its stat is still {@code st}. */
    synchronized Digest lookup(String path, FileStat st) {
        used = true;
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
        used = true;
        current.put(path, new Entry(Key.of(st), digest, null));
    }

    /** The remembered directory {@code path} if its stat is still {@code st}; see {@link #reuse}. */
    synchronized Directory lookupDirectory(String path, FileStat st) {
        used = true;
        Entry e = currentDirs.getOrDefault(path, loaded.get(directoryKey(path)));
        if (e == null || !e.key().equals(Key.of(st))) {
            return null;
        }
        return new Directory(e.digest(), e.subdirs());
    }

    /** Marks the directory found by {@link #lookupDirectory} as reused whole, its files kept unseen. */
    synchronized void reuse(String path, FileStat st, Directory d) {
        currentDirs.put(path, new Entry(Key.of(st), d.digest(), d.subdirs()));
        reused.add(path);
    }

    /**
     * Remembers a directory, unless its ctime is so recent that a change in the same clock tick (the kernel stamps
     * ctime with a coarse clock) could leave it unchanged: such a directory is simply walked again next time.
     */
    synchronized void putDirectory(String path, FileStat st, Digest digest, Map<String, Digest> subdirs) {
        if (st.ctime().isAfter(Instant.now().minus(RACY))) {
            return;
        }
        currentDirs.put(path, new Entry(Key.of(st), digest, Map.copyOf(subdirs)));
    }

    /**
     * Writes what is still part of the tree, atomically: the entries looked up or added since loading, and the
     * files of directories reused whole (others are gone from the context). A cache nobody used says nothing about
     * the tree, so the file is left as it is.
     */
    public synchronized void save() {
        if (!used) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, out -> write(new DataOutputStream(out)));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "cannot save the context checksum cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(DataOutputStream out) throws IOException {
        Map<String, Entry> files = new HashMap<>(current);
        loaded.forEach((path, e) -> {
            if (e.subdirs() == null && !files.containsKey(path) && reused.contains(parent(path))) {
                files.put(path, e);
            }
        });
        out.writeInt(MAGIC);
        out.writeInt(files.size() + currentDirs.size());
        for (Map.Entry<String, Entry> e : files.entrySet()) {
            write(out, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Entry> e : currentDirs.entrySet()) {
            write(out, e.getKey(), e.getValue());
        }
    }

    private static void write(DataOutputStream out, String path, Entry e) throws IOException {
        Key k = e.key();
        out.writeUTF(path);
        out.writeLong(k.size());
        out.writeLong(k.mtimeSeconds());
        out.writeInt(k.mtimeNanos());
        out.writeLong(k.ino());
        out.writeLong(k.ctimeSeconds());
        out.writeInt(k.ctimeNanos());
        out.writeInt(k.mode());
        out.writeInt(k.uid());
        out.writeInt(k.gid());
        out.writeUTF(e.digest().toString());
        if (e.subdirs() == null) {
            out.writeInt(FILE);
        } else {
            out.writeInt(e.subdirs().size());
            for (Map.Entry<String, Digest> s : e.subdirs().entrySet()) {
                out.writeUTF(s.getKey());
                out.writeUTF(s.getValue().toString());
            }
        }
    }

    /** "/a/b" of "/a/b/c", "/" of "/c". */
    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    synchronized int size() {
        return current.size();
    }
}
