package dev.kiln.worker.snapshot;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.ErrnoException;
import dev.kiln.worker.sys.LinuxMounts;
import dev.kiln.worker.sys.MountTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place that performs {@link Mount}s. Overlay mounts whose option string would not fit the kernel's
 * one-page limit are made with lower directories relative to their common parent, from a short-lived platform
 * thread with its own working directory (containerd does the same from a forked helper).
 */
public final class Mounter {
    /** mount(2) copies at most one page of data; containerd keeps 512 bytes of slack below it. */
    private static final int MAX_DATA = 4096 - 512;
    private static final int BUSY_RETRIES = 50;

    private final Path scratch;

    /** @param scratch where temporary mount points are made; keep it under a snapshotter root so stale mounts
     *     left by a crash are unmounted when that snapshotter opens */
    public Mounter(Path scratch) {
        this.scratch = scratch;
    }

    /** Work done while mounts are up, given the directory they are mounted at. */
    @FunctionalInterface
    public interface InMount<T> {
        T run(Path root) throws IOException;
    }

    /** Mounts {@code mounts} in order at {@code dir}; on failure nothing stays mounted. */
    public void mount(List<Mount> mounts, Path dir) {
        List<Path> done = new ArrayList<>();
        try {
            for (Mount m : mounts) {
                Path target = targetOf(m, dir);
                mountOne(m, target);
                done.add(target);
            }
        } catch (ErrnoException | RuntimeException e) {
            done.reversed().forEach(this::unmount);
            throw e instanceof ErrnoException errno ? failure(errno) : (RuntimeException) e;
        }
    }

    /** Unmounts everything stacked at {@code dir}; a busy mount is retried, then lazily detached. */
    public void unmount(Path dir) {
        try {
            for (int busy = 0; ; ) {
                int errno = LinuxMounts.tryUmount2(dir, 0);
                if (errno == ErrnoException.EINVAL || errno == ErrnoException.ENOENT) {
                    return; // nothing (more) mounted there
                }
                if (errno != 0 && errno != ErrnoException.EBUSY) {
                    throw new ErrnoException("umount", dir.toString(), errno);
                }
                if (errno == ErrnoException.EBUSY) {
                    if (++busy < BUSY_RETRIES) {
                        Thread.sleep(10);
                    } else {
                        LinuxMounts.umount2(dir, LinuxMounts.MNT_DETACH);
                    }
                }
            }
        } catch (ErrnoException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(ErrorKind.CANCELED, "unmount " + dir + ": interrupted", e);
        }
    }

    /** Runs {@code body} with {@code mounts} mounted on a temporary directory under the scratch directory. */
    public <T> T withMounted(List<Mount> mounts, InMount<T> body) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "mnt-");
        try {
            mount(mounts, dir);
            try {
                return body.run(dir);
            } finally {
                unmount(dir);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Runs {@code body} on a read-only view of {@code mounts}: an empty list is an empty directory, a single bind
     * mount is read in place, anything else is mounted read-only for the duration.
     */
    public <T> T withReadOnly(List<Mount> mounts, InMount<T> body) throws IOException {
        if (mounts.size() == 1 && mounts.getFirst().type().equals("bind") && mounts.getFirst().target().isEmpty()) {
            return body.run(Path.of(mounts.getFirst().source()));
        }
        return withMounted(mounts.stream().map(Mounter::readOnly).toList(), body);
    }

    /** Lazily detaches every mount at or below {@code dir}, deepest first (start-up cleanup after a crash). */
    public static void unmountAllUnder(Path dir) throws IOException {
        for (Path p : MountTable.mountPointsUnder(dir)) {
            try {
                LinuxMounts.umount2(p, LinuxMounts.MNT_DETACH);
            } catch (ErrnoException e) {
                if (e.errno() != ErrnoException.EINVAL && e.errno() != ErrnoException.ENOENT) {
                    throw e;
                }
            }
        }
    }

    private static Mount readOnly(Mount m) {
        List<String> options = new ArrayList<>(m.options().stream().filter(o -> !o.equals("rw")).toList());
        if (!options.contains("ro")) {
            options.add("ro");
        }
        return new Mount(m.type(), m.source(), m.target(), options);
    }

    private static Path targetOf(Mount m, Path dir) {
        Path target = dir.resolve(m.target()).normalize();
        if (!target.startsWith(dir.normalize())) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "mount target " + m.target() + " escapes " + dir);
        }
        return target;
    }

    private static void mountOne(Mount m, Path target) throws ErrnoException {
        MountOptions o = MountOptions.parse(m.options());
        String data = o.data().isEmpty() ? null : o.data();
        if (m.type().equals("overlay") && data != null && data.length() >= MAX_DATA) {
            mountCompacted(m, target, o);
        } else {
            LinuxMounts.mount(m.source(), target, m.type(), o.flags(), data);
        }
        try {
            if (o.propagation() != 0) {
                LinuxMounts.mount(null, target, null, o.propagation(), null);
            }
            if (o.isBind() && o.isReadOnly()) {
                // A bind mount ignores MS_RDONLY on creation; read-only takes a remount.
                LinuxMounts.mount(null, target, null, o.flags() | LinuxMounts.MS_REMOUNT, null);
            }
        } catch (ErrnoException e) {
            // Never leave a half-configured (say, writable instead of read-only) mount behind.
            try {
                LinuxMounts.umount2(target, LinuxMounts.MNT_DETACH);
            } catch (ErrnoException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    private static void mountCompacted(Mount m, Path target, MountOptions o) throws ErrnoException {
        CompactLowerdirs compact = CompactLowerdirs.of(m.options());
        String data = MountOptions.parse(compact.options()).data();
        AtomicReference<ErrnoException> error = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("kiln-mount").start(() -> {
            try {
                LinuxMounts.unshareWorkingDirectory();
                LinuxMounts.chdir(compact.workingDirectory());
                LinuxMounts.mount(m.source(), target, m.type(), o.flags(), data);
            } catch (ErrnoException e) {
                error.set(e);
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(ErrorKind.CANCELED, "mount " + target + ": interrupted", e);
        }
        if (error.get() != null) {
            throw error.get();
        }
    }

    private static KilnException failure(ErrnoException e) {
        ErrorKind kind = switch (e.errno()) {
            case ErrnoException.EPERM -> ErrorKind.PERMISSION_DENIED;
            case ErrnoException.ENOENT -> ErrorKind.NOT_FOUND;
            default -> ErrorKind.INTERNAL;
        };
        return new KilnException(kind, e.getMessage(), e);
    }
}
