package dev.kiln.worker.file;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.Xattrs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** Ownership, permissions, timestamps and xattrs of one path; never follows a final symlink. */
final class Metadata {
    private Metadata() {
    }

    static void chown(Path p, Ids owner) throws IOException {
        if (owner != null) {
            LinuxFiles.lchown(p, owner.uid(), owner.gid());
        }
    }

    /** chmod with setuid/setgid/sticky; must not be called on a symlink. */
    static void chmod(Path p, int perm) throws IOException {
        LinuxFiles.chmod(p, perm & 07777);
    }

    /** Sets access and modification time to {@code time}; does nothing when it is null. */
    static void setTimes(Path p, Instant time) throws IOException {
        if (time != null) {
            LinuxFiles.setTimes(p, time, time);
        }
    }

    /**
     * Gives {@code target} the metadata of the copied source: its owner (or {@code owner}), its
     * permissions (or the override), its times (or {@code time}) and its xattrs.
     */
    static void copyFrom(FileStat src, Path srcPath, Path target, CopySpec spec) throws IOException {
        Ids ids = spec.owner() != null ? spec.owner() : new Ids(src.uid(), src.gid());
        LinuxFiles.lchown(target, ids.uid(), ids.gid());
        if (!src.isSymlink()) {
            chmod(target, spec.permissions(src));
        }
        copyTimes(src, target, spec.time());
        copyXattrs(srcPath, target);
    }

    /** Source times, or {@code time} when set. */
    static void copyTimes(FileStat src, Path target, Instant time) throws IOException {
        if (time != null) {
            LinuxFiles.setTimes(target, time, time);
        } else {
            LinuxFiles.setTimes(target, src.atime(), src.mtime());
        }
    }

    /** Best effort, as BuildKit: a filesystem that refuses an attribute does not fail the copy. */
    private static void copyXattrs(Path src, Path target) {
        try {
            Xattrs.copy(src, target);
        } catch (IOException ignored) {
            // BuildKit logs and ignores xattr errors (e.g. user.* on a symlink, unsupported filesystems).
        }
    }
}
