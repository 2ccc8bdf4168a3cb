package dev.kiln.worker.snapshot;

import dev.kiln.worker.sys.ErrnoException;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.Xattrs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies a directory tree exactly: file types (including device nodes, fifos and sockets), hard links,
 * ownership, all permission bits, extended attributes of every namespace and nanosecond mtimes.
 */
public final class TreeCopier {
    private record InodeKey(int devMajor, int devMinor, long ino) {
    }

    private record DirectoryTime(Path dir, Instant mtime) {
    }

    private final Map<InodeKey, Path> copiedInodes = new HashMap<>();
    private final Deque<DirectoryTime> directories = new ArrayDeque<>();
    private final Path from;
    private final Path to;

    private TreeCopier(Path from, Path to) {
        this.from = from;
        this.to = to;
    }

    /** Copies the contents and the root metadata of {@code from} into the existing directory {@code to}. */
    public static void copy(Path from, Path to) throws IOException {
        new TreeCopier(from, to).run();
    }

    private void run() throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path src : (Iterable<Path>) paths::iterator) {
                copyOne(src, to.resolve(from.relativize(src).toString()));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // Directory times last, deepest first: creating entries inside a directory changes its mtime.
        while (!directories.isEmpty()) {
            DirectoryTime d = directories.pop();
            LinuxFiles.setTimes(d.dir(), d.mtime(), d.mtime());
        }
    }

    private void copyOne(Path src, Path dst) throws IOException {
        FileStat st = LinuxFiles.lstat(src);
        if (!st.isDirectory() && st.nlink() > 1) {
            InodeKey inode = new InodeKey(st.devMajor(), st.devMinor(), st.ino());
            Path first = copiedInodes.putIfAbsent(inode, dst);
            if (first != null) {
                Files.createLink(dst, first);
                return;
            }
        }
        if (st.isDirectory()) {
            if (!src.equals(from)) {
                Files.createDirectory(dst);
            }
            directories.push(new DirectoryTime(dst, st.mtime()));
        } else if (st.isRegular()) {
            Files.copy(src, dst, LinkOption.NOFOLLOW_LINKS);
        } else if (st.isSymlink()) {
            Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
        } else {
            LinuxFiles.mknod(dst, st.mode(), st.rdevMajor(), st.rdevMinor());
        }
        copyMetadata(src, dst, st);
    }

    private static void copyMetadata(Path src, Path dst, FileStat st) throws IOException {
        LinuxFiles.lchown(dst, st.uid(), st.gid());
        if (!st.isSymlink()) {
            LinuxFiles.chmod(dst, st.permissions());
        }
        for (String name : Xattrs.list(src)) {
            byte[] value = Xattrs.get(src, name);
            if (value != null) {
                setXattr(dst, name, value);
            }
        }
        if (!st.isDirectory()) {
            LinuxFiles.setTimes(dst, st.mtime(), st.mtime());
        }
    }

    private static void setXattr(Path dst, String name, byte[] value) throws ErrnoException {
        try {
            Xattrs.set(dst, name, value);
        } catch (ErrnoException e) {
            // A target filesystem without this namespace cannot hold the attribute; containerd skips it too.
            if (e.errno() != ErrnoException.EOPNOTSUPP) {
                throw e;
            }
        }
    }
}
