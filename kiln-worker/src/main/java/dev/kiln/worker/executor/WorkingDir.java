package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;

/** Creates a missing working directory in the rootfs, owned by the process's user as BuildKit does. */
final class WorkingDir {
    private WorkingDir() {
    }

    static void ensure(Path rootfs, String cwd, ResolvedUser user) {
        Path target = RootPath.resolve(rootfs, cwd);
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = target; p.startsWith(rootfs) && !p.equals(rootfs) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
                p = p.getParent()) {
            missing.push(p);
        }
        try {
            for (Path dir : missing) {
                Files.createDirectory(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.setAttribute(dir, "unix:uid", (int) user.uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(dir, "unix:gid", (int) user.gid(), LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                    "failed to create working directory " + cwd + ": " + e.getMessage(), e);
        }
    }
}
