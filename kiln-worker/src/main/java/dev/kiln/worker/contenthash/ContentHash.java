package dev.kiln.worker.contenthash;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Content checksums of paths in one directory tree, computed the way BuildKit's
 * {@code cache/contenthash} does: a file's checksum covers its {@link TarsumHeader} and content, a
 * symlink's its target, a directory's its own header and its children's names and checksums in
 * name order. Results are remembered, so the tree must not change while this object is used (a
 * committed snapshot, or a build context between syncs). Thread-safe.
 *
 * <p>The root directory's own header is a constant (as for BuildKit's local sources), so the
 * permissions of a context directory do not leak into cache keys.
 */
public final class ContentHash {
    static final Digest EMPTY = Digest.sha256(new byte[0]);
    private static final int READ_WHOLE = 1 << 16;

    private final Path root;
    private final StatCache statCache;
    private final boolean stableDirectories;
    private final Map<String, Digest> entries = new ConcurrentHashMap<>();
    private final Map<String, Digest> directories = new ConcurrentHashMap<>();
    private final AtomicLong filesRead = new AtomicLong();
    private final AtomicLong entriesListed = new AtomicLong();

    public ContentHash(Path root) {
        this(root, null);
    }

    /** A context hasher that reuses (and records) per-file checksums in {@code statCache}. */
    public ContentHash(Path root, StatCache statCache) {
        this(root, statCache, false);
    }

    private ContentHash(Path root, StatCache statCache, boolean stableDirectories) {
        this.root = root;
        this.statCache = statCache;
        this.stableDirectories = stableDirectories;
    }

    /**
     * A hasher for a context mirror, which reuses whole directories' checksums from {@code statCache} too: valid
     * only for a tree where every change to a file shows in its directory's stat (files are replaced by renames,
     * never rewritten in place), as {@code ContextMirror} keeps it.
     */
    public static ContentHash ofSyncedContext(Path root, StatCache statCache) {
        return new ContentHash(root, statCache, true);
    }

    /**
     * The checksum of {@code path} (absolute or relative to the root) under {@code options}.
     *
     * @throws KilnException NOT_FOUND {@code failed to compute cache key: "/x" not found}
     */
    public Digest checksum(String path, ChecksumOptions options) {
        try {
            return options.filtered() ? IncludedPaths.checksum(this, path, options) : lazy(path, options.followLinks());
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(root.toString(), "");
            throw new KilnException(ErrorKind.INTERNAL, "failed to compute cache key: " + message, e);
        }
    }

    /** How many file contents were read (and not taken from the stat cache); for tests and stats. */
    public long filesRead() {
        return filesRead.get();
    }

    /** How many directory entries were looked at (not covered by a reused directory); for tests and stats. */
    public long entriesListed() {
        return entriesListed.get();
    }

    Path root() {
        return root;
    }

    /** The checksum of one path: a directory's whole contents, or a single entry. */
    Digest lazy(String path, boolean followLinks) throws IOException {
        String clean = "/" + String.join("/", RootPath.clean(path));
        Path p = RootPath.resolve(root, clean, followLinks);
        FileStat st = LinuxFiles.lstatIfExists(p);
        if (st == null) {
            throw notFound(clean);
        }
        return st.isDirectory() ? directory(p, st) : entry(p, st);
    }

    static KilnException notFound(String path) {
        return new KilnException(ErrorKind.NOT_FOUND, "failed to compute cache key: \"" + path + "\" not found");
    }

    /** A directory's contents: its header, then each child's name and checksum, in name order. */
    Digest directory(Path dir, FileStat st) throws IOException {
        String key = RootPath.relative(root, dir);
        Digest known = directories.get(key);
        if (known != null) {
            return known;
        }
        Digest digest = stableDirectories ? unchangedDirectory(dir, key, st) : null;
        if (digest == null) {
            Map<String, Digest> subdirs = new HashMap<>();
            MessageDigest sha = Digest.newSha256();
            sha.update((byte) 0);
            sha.update(entry(dir, st).toString().getBytes(StandardCharsets.UTF_8));
            for (Path child : children(dir)) {
                FileStat cst = LinuxFiles.lstat(child);
                entriesListed.incrementAndGet();
                String name = child.getFileName().toString();
                sha.update((byte) 0);
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                Digest d = cst.isDirectory() ? directory(child, cst) : entry(child, cst);
                if (cst.isDirectory()) {
                    subdirs.put(name, d);
                }
                sha.update(d.toString().getBytes(StandardCharsets.UTF_8));
            }
            digest = Digest.fromSha256(sha);
            if (stableDirectories) {
                statCache.putDirectory(key, st, digest, subdirs);
            }
        }
        directories.put(key, digest);
        return digest;
    }

    /**
     * The remembered checksum of a directory whose stat is unchanged, if each of its subdirectories (checked the
     * same way, down the tree) still has the checksum it had then; else null. Its files are not looked at.
     */
    private Digest unchangedDirectory(Path dir, String key, FileStat st) throws IOException {
        StatCache.Directory remembered = statCache.lookupDirectory(key, st);
        if (remembered == null) {
            return null;
        }
        for (Map.Entry<String, Digest> sub : remembered.subdirs().entrySet()) {
            Path child = dir.resolve(sub.getKey());
            FileStat cst = LinuxFiles.lstatIfExists(child);
            if (cst == null || !cst.isDirectory() || !directory(child, cst).equals(sub.getValue())) {
                return null;
            }
        }
        statCache.reuse(key, st, remembered);
        return remembered.digest();
    }

    /** One entry on its own: a file or symlink with its content, or a directory's header only. */
    Digest entry(Path p, FileStat st) throws IOException {
        if (p.equals(root)) {
            return EMPTY;
        }
        String key = RootPath.relative(root, p);
        Digest known = entries.get(key);
        if (known == null && statCache != null) {
            known = statCache.lookup(key, st);
        }
        if (known != null) {
            entries.put(key, known);
            return known;
        }
        Digest digest = hash(p, st);
        entries.put(key, digest);
        if (statCache != null) {
            statCache.put(key, st, digest);
        }
        return digest;
    }

    private Digest hash(Path p, FileStat st) throws IOException {
        String link = st.isSymlink() ? Files.readSymbolicLink(p).toString() : null;
        MessageDigest sha = Digest.newSha256();
        sha.update(TarsumHeader.of(p, st, link));
        if (st.isRegular() && st.size() > 0) {
            filesRead.incrementAndGet();
            if (st.size() <= READ_WHOLE) {
                sha.update(Files.readAllBytes(p)); // most context files: one buffer of their size, one read
            } else {
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[READ_WHOLE];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        sha.update(buf, 0, n);
                    }
                }
            }
        }
        return Digest.fromSha256(sha);
    }

    /** Children sorted by name bytes (the order of BuildKit's radix tree keys). */
    static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
