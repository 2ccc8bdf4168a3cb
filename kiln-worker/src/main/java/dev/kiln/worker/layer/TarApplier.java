package dev.kiln.worker.layer;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.GoPath;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.ErrnoException;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.FileTrees;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.RootFiles;
import dev.kiln.worker.sys.RootPath;
import dev.kiln.worker.sys.Xattrs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extracts tar members into a root with containerd's applyNaive rules: every path resolved inside the root (see
 * {@link #directoryFor}), existing entries replaced (a directory over a directory merges), whiteouts applied as
 * deletions or as overlay whiteouts, ownership, xattrs, modes and mtimes restored, directory mtimes last.
 *
 * <p>Speed: a layer is mostly new files in directories the layer itself just made, so the parent of each member is
 * resolved (symlinks followed inside the root, missing directories created) once per directory and remembered;
 * entries are created with O_EXCL-style calls and only looked at when something is already there; files get their
 * metadata through their open descriptor (see {@link RootFiles}).
 */
final class TarApplier {
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final int COPY_BUFFER = 128 * 1024;

    private record DirectoryTime(String dir, Instant mtime) {
    }

    private final Path root;
    private final ApplyOptions options;
    /**
     * Member paths of directories (cleaned, relative) to where they are inside the root, symlinks resolved: every
     * component a real directory. Only deletions can change that, so any deletion forgets them all.
     */
    private final Map<String, String> knownDirs = new HashMap<>();
    /** Paths this layer wrote (or created as parents): an opaque marker keeps them. */
    private final Set<String> unpacked = new HashSet<>();
    private final Set<String> opaqueDone = new HashSet<>();
    private final List<DirectoryTime> directories = new ArrayList<>();
    private final byte[] buffer = new byte[COPY_BUFFER];
    private RootFiles files;

    TarApplier(Path root, ApplyOptions options) {
        this.root = root;
        this.options = options;
    }

    void apply(TarReader reader) throws IOException {
        try (RootFiles opened = RootFiles.open(root)) {
            files = opened;
            forgetDirectories();
            for (TarEntry e = reader.next(); e != null; e = reader.next()) {
                applyOne(e, reader);
            }
            for (DirectoryTime d : directories) {
                files.setTimes(d.dir(), d.mtime());
            }
        } finally {
            files = null;
        }
    }

    private void applyOne(TarEntry e, TarReader reader) throws IOException {
        boolean device = e.type() == TarEntry.Type.CHAR_DEVICE || e.type() == TarEntry.Type.BLOCK_DEVICE;
        String member = memberPath(e.name());
        if (member.isEmpty() || (device && !options.allowDevices())) {
            return; // a member naming the root itself ("/", "./"), or a device we may not create
        }
        int slash = member.lastIndexOf('/');
        String base = member.substring(slash + 1);
        String parent = directoryFor(slash < 0 ? "" : member.substring(0, slash));
        if (base.startsWith(WHITEOUT)) {
            whiteout(e, parent, base);
            return;
        }
        String path = join(parent, base);
        try {
            create(e, path, reader);
        } catch (ErrnoException x) {
            if (x.errno() != ErrnoException.EEXIST) {
                throw x;
            }
            FileStat existing = files.lstatIfExists(path);
            if (existing == null || !existing.isDirectory() || e.type() != TarEntry.Type.DIRECTORY) {
                delete(path);
                create(e, path, reader);
            } else {
                mergeDirectory(e, path);
            }
        }
        unpacked.add(path);
        if (e.type() == TarEntry.Type.DIRECTORY) {
            knownDirs.put(member, path);
        }
    }

    /** Creates the member at {@code path} with its metadata; EEXIST (as an ErrnoException) when something is there. */
    private void create(TarEntry e, String path, TarReader reader) throws IOException {
        switch (e.type()) {
            case REGULAR -> {
                createFile(e, path, reader);
                return;
            }
            case DIRECTORY -> {
                files.mkdir(path, 0700);
                directories.add(new DirectoryTime(path, bounded(e.modTime())));
            }
            case SYMLINK -> {
                if (e.linkName().indexOf('\0') >= 0) {
                    throw new MalformedLayerException("member " + e.name() + ": bad symlink target");
                }
                files.symlink(e.linkName(), path);
            }
            case HARDLINK -> files.link(hardlinkTarget(e), path);
            case CHAR_DEVICE -> files.mknod(path, FileStat.S_IFCHR | e.mode(), e.devMajor(), e.devMinor());
            case BLOCK_DEVICE -> files.mknod(path, FileStat.S_IFBLK | e.mode(), e.devMajor(), e.devMinor());
            case FIFO -> files.mknod(path, FileStat.S_IFIFO | e.mode(), 0, 0);
        }
        restoreMetadata(e, path);
    }

    private void mergeDirectory(TarEntry e, String path) throws IOException {
        directories.add(new DirectoryTime(path, bounded(e.modTime())));
        restoreMetadata(e, path);
    }

    private void createFile(TarEntry e, String path, TarReader reader) throws IOException {
        try (RootFiles.NewFile f = files.create(path)) {
            InputStream content = reader.content();
            long written = 0;
            for (int n; (n = content.read(buffer)) > 0; ) {
                f.write(buffer, 0, n);
                written += n;
            }
            if (written != e.size()) {
                throw new MalformedLayerException("member " + e.name() + " is short of its size");
            }
            if (options.sameOwner()) {
                f.chown(e.uid(), e.gid());
            }
            setXattrs(e, path);
            f.chmod(e.mode()); // after chown, which clears setuid/setgid
            f.setTimes(bounded(e.modTime()));
        }
    }

    private void restoreMetadata(TarEntry e, String path) throws IOException {
        if (options.sameOwner()) {
            files.lchown(path, e.uid(), e.gid());
        }
        setXattrs(e, path);
        if (e.type() != TarEntry.Type.SYMLINK) {
            files.chmod(path, e.mode()); // after lchown, which clears setuid/setgid
        }
        if (e.type() != TarEntry.Type.DIRECTORY) {
            files.setTimes(path, bounded(e.modTime()));
        }
    }

    private void setXattrs(TarEntry e, String path) throws ErrnoException {
        for (Map.Entry<String, byte[]> x : e.xattrs().entrySet()) {
            try {
                Xattrs.set(root.resolve(path), x.getKey(), x.getValue());
            } catch (ErrnoException err) {
                boolean userOnSpecial = err.errno() == ErrnoException.EPERM && x.getKey().startsWith("user.")
                        && e.type() != TarEntry.Type.REGULAR && e.type() != TarEntry.Type.DIRECTORY;
                // Like containerd: user.* cannot sit on special files, and some filesystems lack a namespace.
                if (!userOnSpecial && err.errno() != ErrnoException.EOPNOTSUPP) {
                    throw err;
                }
            }
        }
    }

    /** The link's target, resolved inside the root like any name; it must exist and not be a directory. */
    private String hardlinkTarget(TarEntry e) throws IOException {
        String member = memberPath(e.linkName());
        String target = member.isEmpty() ? null : existingPath(member);
        FileStat st = target == null ? null : files.lstatIfExists(target);
        if (st == null || st.isDirectory()) {
            throw new MalformedLayerException("member " + e.name() + ": hard link target " + e.linkName()
                    + (st == null ? " does not exist" : " is a directory"));
        }
        return target;
    }

    private void whiteout(TarEntry e, String dir, String base) throws IOException {
        if (base.equals(OPAQUE)) {
            if (options.whiteouts() == ApplyOptions.Whiteouts.OVERLAY) {
                Xattrs.set(root.resolve(dir), "trusted.overlay.opaque", new byte[] {'y'});
            } else if (opaqueDone.add(dir)) {
                removeAllNotUnpacked(dir);
            }
            return;
        }
        String original = base.substring(WHITEOUT.length());
        if (original.isEmpty() || original.equals(".") || original.equals("..")) {
            throw new MalformedLayerException("invalid whiteout name " + e.name());
        }
        String target = join(dir, original);
        if (files.lstatIfExists(target) != null) {
            delete(target);
        }
        if (options.whiteouts() == ApplyOptions.Whiteouts.OVERLAY) {
            files.mknod(target, FileStat.S_IFCHR, 0, 0);
            if (options.sameOwner()) {
                files.lchown(target, e.uid(), e.gid());
            }
        }
    }

    private void removeAllNotUnpacked(String dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.resolve(dir))) {
            entries.forEach(children::add);
        }
        for (Path child : children) {
            String path = join(dir, child.getFileName().toString());
            if (!unpacked.contains(path)) {
                delete(path);
            } else if (LinuxFiles.lstat(child).isDirectory()) {
                removeAllNotUnpacked(path);
            }
        }
    }

    private void delete(String path) throws IOException {
        FileTrees.deleteRecursively(root.resolve(path));
        forgetDirectories();
    }

    private void forgetDirectories() {
        knownDirs.clear();
        knownDirs.put("", "");
    }

    /**
     * The directory a member with parent {@code parentMember} goes into, as containerd finds it: the parent's
     * symlinks resolved inside the root (so no name, however spelled or whatever symlinks earlier members planted,
     * leads outside), missing directories created.
     */
    private String directoryFor(String parentMember) throws IOException {
        String known = knownDirs.get(parentMember);
        if (known != null) {
            return known;
        }
        Path dir = inRoot(root, "/" + parentMember, true);
        ensureDirectory(dir);
        String path = relative(dir);
        knownDirs.put(parentMember, path);
        return path;
    }

    /** Where an existing member lives (its parents resolved like {@link #directoryFor}, nothing created). */
    private String existingPath(String member) throws MalformedLayerException {
        int slash = member.lastIndexOf('/');
        String known = knownDirs.get(slash < 0 ? "" : member.substring(0, slash));
        return known != null ? join(known, member.substring(slash + 1)) : relative(inRoot(root, "/" + member, false));
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
                unpacked.add(relative(current));
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

    /** A member name cleaned as "/" joined with it (so no ".." remains), without the leading slash; "" is the root. */
    private static String memberPath(String name) throws MalformedLayerException {
        if (name.indexOf('\0') >= 0) {
            throw new MalformedLayerException("member name " + name.replace('\0', '?') + " contains a NUL byte");
        }
        return GoPath.clean("/" + name).substring(1);
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private String relative(Path p) {
        return root.relativize(p).toString();
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
