package dev.kiln.worker.layer;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.GoPath;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.ErrnoException;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.FileTrees;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.RootPath;
import dev.kiln.worker.sys.Xattrs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extracts tar members into a root with containerd's applyNaive rules: every path resolved inside the root (see
 * {@link #resolveMember}), existing entries replaced (a directory over a directory merges), whiteouts applied as
 * deletions or as overlay whiteouts, ownership, xattrs, modes and mtimes restored, directory mtimes last.
 */
final class TarApplier {
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private record DirectoryTime(Path dir, Instant mtime) {
    }

    private final Path root;
    private final ApplyOptions options;
    /** Paths this layer wrote (or created as parents): an opaque marker keeps them. */
    private final Set<Path> unpacked = new HashSet<>();
    private final Set<Path> opaqueDone = new HashSet<>();
    private final List<DirectoryTime> directories = new ArrayList<>();

    TarApplier(Path root, ApplyOptions options) {
        this.root = root;
        this.options = options;
    }

    void apply(TarReader reader) throws IOException {
        for (TarEntry e = reader.next(); e != null; e = reader.next()) {
            applyOne(e, reader);
        }
        for (DirectoryTime d : directories) {
            LinuxFiles.setTimes(d.dir(), d.mtime(), d.mtime());
        }
    }

    private void applyOne(TarEntry e, TarReader reader) throws IOException {
        boolean device = e.type() == TarEntry.Type.CHAR_DEVICE || e.type() == TarEntry.Type.BLOCK_DEVICE;
        Path path = resolveMember(e.name());
        if (path == null || (device && !options.allowDevices())) {
            return; // a member naming the root itself ("/", "./"), or a device we may not create
        }
        ensureDirectory(path.getParent());
        String base = path.getFileName().toString();
        if (base.startsWith(WHITEOUT)) {
            whiteout(e, path, base);
            return;
        }
        FileStat existing = LinuxFiles.lstatIfExists(path);
        if (existing != null && !(existing.isDirectory() && e.type() == TarEntry.Type.DIRECTORY)) {
            FileTrees.deleteRecursively(path);
        }
        create(e, path, reader);
        restoreMetadata(e, path);
        unpacked.add(path);
    }

    private void create(TarEntry e, Path path, TarReader reader) throws IOException {
        switch (e.type()) {
            case DIRECTORY -> {
                FileStat st = LinuxFiles.lstatIfExists(path);
                if (st == null || !st.isDirectory()) {
                    Files.createDirectory(path);
                }
                directories.add(new DirectoryTime(path, bounded(e.modTime())));
            }
            case REGULAR -> {
                try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    long n = reader.content().transferTo(out);
                    if (n != e.size()) {
                        throw new MalformedLayerException("member " + e.name() + " is short of its size");
                    }
                }
            }
            case SYMLINK -> {
                try {
                    Files.createSymbolicLink(path, Path.of(e.linkName()));
                } catch (InvalidPathException bad) {
                    throw new MalformedLayerException("member " + e.name() + ": bad symlink target", bad);
                }
            }
            case HARDLINK -> Files.createLink(path, hardlinkTarget(e));
            case CHAR_DEVICE -> LinuxFiles.mknod(path, FileStat.S_IFCHR | e.mode(), e.devMajor(), e.devMinor());
            case BLOCK_DEVICE -> LinuxFiles.mknod(path, FileStat.S_IFBLK | e.mode(), e.devMajor(), e.devMinor());
            case FIFO -> LinuxFiles.mknod(path, FileStat.S_IFIFO | e.mode(), 0, 0);
        }
    }

    /** The link's target, resolved inside the root like any name; it must exist and not be a directory. */
    private Path hardlinkTarget(TarEntry e) throws IOException {
        Path target = resolveMember(e.linkName());
        FileStat st = target == null ? null : LinuxFiles.lstatIfExists(target);
        if (st == null || st.isDirectory()) {
            throw new MalformedLayerException("member " + e.name() + ": hard link target " + e.linkName()
                    + (st == null ? " does not exist" : " is a directory"));
        }
        return target;
    }

    private void restoreMetadata(TarEntry e, Path path) throws IOException {
        if (options.sameOwner()) {
            LinuxFiles.lchown(path, e.uid(), e.gid());
        }
        for (Map.Entry<String, byte[]> x : e.xattrs().entrySet()) {
            setXattr(path, e, x.getKey(), x.getValue());
        }
        if (e.type() != TarEntry.Type.SYMLINK) {
            LinuxFiles.chmod(path, e.mode()); // after lchown, which clears setuid/setgid
        }
        if (e.type() != TarEntry.Type.DIRECTORY) {
            Instant t = bounded(e.modTime());
            LinuxFiles.setTimes(path, t, t);
        }
    }

    private static void setXattr(Path path, TarEntry e, String name, byte[] value) throws ErrnoException {
        try {
            Xattrs.set(path, name, value);
        } catch (ErrnoException x) {
            boolean userOnSpecial = x.errno() == ErrnoException.EPERM && name.startsWith("user.")
                    && e.type() != TarEntry.Type.REGULAR && e.type() != TarEntry.Type.DIRECTORY;
            // Like containerd: user.* cannot sit on special files, and some filesystems lack a namespace.
            if (!userOnSpecial && x.errno() != ErrnoException.EOPNOTSUPP) {
                throw x;
            }
        }
    }

    private void whiteout(TarEntry e, Path path, String base) throws IOException {
        Path dir = path.getParent();
        if (base.equals(OPAQUE)) {
            if (options.whiteouts() == ApplyOptions.Whiteouts.OVERLAY) {
                Xattrs.set(dir, "trusted.overlay.opaque", new byte[] {'y'});
            } else if (opaqueDone.add(dir)) {
                removeAllNotUnpacked(dir);
            }
            return;
        }
        String original = base.substring(WHITEOUT.length());
        if (original.isEmpty() || original.equals(".") || original.equals("..")) {
            throw new MalformedLayerException("invalid whiteout name " + e.name());
        }
        Path target = dir.resolve(original);
        FileTrees.deleteRecursively(target);
        if (options.whiteouts() == ApplyOptions.Whiteouts.OVERLAY) {
            LinuxFiles.mknod(target, FileStat.S_IFCHR, 0, 0);
            if (options.sameOwner()) {
                LinuxFiles.lchown(target, e.uid(), e.gid());
            }
        }
    }

    private void removeAllNotUnpacked(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(children::add);
        }
        for (Path child : children) {
            if (!unpacked.contains(child)) {
                FileTrees.deleteRecursively(child);
            } else if (LinuxFiles.lstat(child).isDirectory()) {
                removeAllNotUnpacked(child);
            }
        }
    }

    /** Creates missing parent directories (0755, or copying a lower layer's directory in overlay mode). */
    private void ensureDirectory(Path dir) throws IOException {
        Path current = root;
        for (Path component : root.relativize(dir)) {
            if (component.toString().isEmpty()) {
                continue;
            }
            current = current.resolve(component.toString());
            FileStat st = LinuxFiles.lstatIfExists(current);
            if (st == null) {
                Files.createDirectory(current);
                if (!copyLowerDirectory(current)) {
                    LinuxFiles.chmod(current, 0755);
                }
                unpacked.add(current);
            } else if (!st.isDirectory()) {
                throw new MalformedLayerException("parent " + root.relativize(current) + " is not a directory");
            }
        }
    }

    /** containerd's mkparent with parents: the first lower layer having this path decides its metadata. */
    private boolean copyLowerDirectory(Path created) throws IOException {
        String rel = "/" + root.relativize(created);
        for (Path lower : options.lowerDirs()) {
            Path source = inRoot(lower, rel, true);
            FileStat st = LinuxFiles.lstatIfExists(source);
            if (st == null) {
                continue;
            }
            if (!st.isDirectory()) {
                return false;
            }
            LinuxFiles.lchown(created, st.uid(), st.gid());
            LinuxFiles.chmod(created, st.permissions());
            Xattrs.copy(source, created, name -> !name.startsWith("trusted.overlay."));
            LinuxFiles.setTimes(created, st.mtime(), st.mtime());
            return true;
        }
        return false;
    }

    /**
     * Where member {@code name} lives, as containerd finds it: "/" joined with the name and cleaned (so no ".."
     * remains), its parent directories resolved inside the root, its last component kept as is. So no name, however
     * it is spelled or whatever symlinks earlier members planted, leads outside the root. Null for the root itself.
     */
    private Path resolveMember(String name) throws MalformedLayerException {
        String cleaned = GoPath.clean("/" + name);
        return cleaned.equals("/") ? null : inRoot(root, cleaned, false);
    }

    /** {@link RootPath} resolution, where a symlink loop (which the layer planted) makes the layer malformed. */
    private static Path inRoot(Path dir, String path, boolean followFinal) throws MalformedLayerException {
        try {
            return RootPath.resolve(dir, path, followFinal);
        } catch (KilnException e) {
            if (e.kind() != ErrorKind.INVALID_ARGUMENT) {
                throw e;
            }
            throw new MalformedLayerException(e.getMessage(), e);
        }
    }

    /** containerd's boundTime: times before 1970 (or unrepresentable) become the epoch. */
    private static Instant bounded(Instant t) {
        return t.isBefore(Instant.EPOCH) ? Instant.EPOCH : t;
    }
}
