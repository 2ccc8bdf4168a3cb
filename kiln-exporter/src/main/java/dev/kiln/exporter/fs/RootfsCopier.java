package dev.kiln.exporter.fs;

import dev.kiln.worker.sys.EntryCopier;
import dev.kiln.worker.sys.ErrnoException;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.FileTrees;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.Xattrs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The {@code local} exporter's copy of a root filesystem into a destination directory that may already exist (its
 * other files are kept, as BuildKit's default {@code mode=copy} does). Types, permission bits, symlinks, hard links,
 * extended attributes and nanosecond mtimes are kept; ownership only when running as root. Each non-directory is
 * created under a temporary name and renamed over its final name, so no reader sees a half-written file. With
 * SOURCE_DATE_EPOCH every mtime is the epoch.
 */
public final class RootfsCopier {
    private record PendingDirectory(Path dir, FileStat stat) {
    }

    private final Path from;
    private final Path to;
    private final Optional<Instant> epoch;
    private final boolean chown;
    private final EntryCopier entries = new EntryCopier();
    private final Deque<PendingDirectory> directories = new ArrayDeque<>();

    private RootfsCopier(Path from, Path to, Optional<Instant> epoch, boolean chown) {
        this.from = from;
        this.to = to;
        this.epoch = epoch;
        this.chown = chown;
    }

    public static void copy(Path rootfs, Path dest, Optional<Instant> epoch) throws IOException {
        Files.createDirectories(dest);
        boolean root = LinuxFiles.lstat(Path.of("/proc/self")).uid() == 0;
        new RootfsCopier(rootfs, dest, epoch, root).run();
    }

    private void run() throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path src : (Iterable<Path>) paths::iterator) {
                if (!src.equals(from)) {
                    copyOne(src, to.resolve(from.relativize(src).toString()));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // Directory metadata last, deepest first: adding entries changes a directory's mtime, and a read-only
        // directory could not receive them.
        while (!directories.isEmpty()) {
            PendingDirectory d = directories.pop();
            applyMetadata(d.dir(), d.stat());
        }
    }

    private void copyOne(Path src, Path dst) throws IOException {
        FileStat st = LinuxFiles.lstat(src);
        FileStat existing = LinuxFiles.lstatIfExists(dst);
        if (st.isDirectory()) {
            if (existing != null && !existing.isDirectory()) {
                Files.delete(dst);
            }
            if (existing == null || !existing.isDirectory()) {
                Files.createDirectory(dst);
            }
            copyXattrs(src, dst);
            directories.push(new PendingDirectory(dst, st));
            return;
        }
        if (existing != null && existing.isDirectory()) {
            FileTrees.deleteRecursively(dst);
        }
        Path temp = dst.resolveSibling(".kiln-" + UUID.randomUUID() + ".tmp");
        try {
            create(src, temp, dst, st);
            Files.move(temp, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void create(Path src, Path temp, Path dst, FileStat st) throws IOException {
        if (!entries.copy(src, temp, dst, st)) {
            copyXattrs(src, temp);
            applyMetadata(temp, st);
        }
    }

    private void applyMetadata(Path dst, FileStat st) throws IOException {
        if (chown) {
            LinuxFiles.lchown(dst, st.uid(), st.gid());
        }
        if (!st.isSymlink()) {
            LinuxFiles.chmod(dst, st.permissions());
        }
        Instant mtime = epoch.orElse(st.mtime());
        LinuxFiles.setTimes(dst, mtime, mtime);
    }

    /** Without privileges or support for a namespace (trusted., security.) an attribute cannot be kept. */
    private static void copyXattrs(Path src, Path dst) throws IOException {
        Xattrs.copy(src, dst, ErrnoException.EOPNOTSUPP, ErrnoException.EPERM);
    }
}
