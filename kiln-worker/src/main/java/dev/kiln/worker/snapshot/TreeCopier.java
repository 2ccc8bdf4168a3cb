package dev.kiln.worker.snapshot;

import dev.kiln.worker.sys.EntryCopier;
import dev.kiln.worker.sys.ErrnoException;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.Xattrs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * Copies a directory tree exactly: file types (including device nodes, fifos and sockets), hard links between
 * regular files, ownership, all permission bits, extended attributes of every namespace and nanosecond mtimes.
 */
public final class TreeCopier {
    private record DirectoryTime(Path dir, Instant mtime) {
    }

    private final EntryCopier entries = new EntryCopier();
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
        if (st.isDirectory()) {
            if (!src.equals(from)) {
                Files.createDirectory(dst);
            }
            directories.push(new DirectoryTime(dst, st.mtime()));
        } else if (entries.copy(src, dst, st)) {
            return;
        }
        copyMetadata(src, dst, st);
    }

    private static void copyMetadata(Path src, Path dst, FileStat st) throws IOException {
        LinuxFiles.lchown(dst, st.uid(), st.gid());
        if (!st.isSymlink()) {
            LinuxFiles.chmod(dst, st.permissions());
        }
        // A target filesystem without a namespace cannot hold its attributes; containerd skips them too.
        Xattrs.copy(src, dst, ErrnoException.EOPNOTSUPP);
        if (!st.isDirectory()) {
            LinuxFiles.setTimes(dst, st.mtime(), st.mtime());
        }
    }
}
