package dev.kiln.worker.sys;

import java.lang.foreign.Arena;
import java.nio.file.Path;

/** mount(2), umount2(2) and the per-thread working-directory calls the mount helper needs. */
public final class LinuxMounts {
    public static final long MS_RDONLY = 0x1;
    public static final long MS_NOSUID = 0x2;
    public static final long MS_NODEV = 0x4;
    public static final long MS_NOEXEC = 0x8;
    public static final long MS_SYNCHRONOUS = 0x10;
    public static final long MS_REMOUNT = 0x20;
    public static final long MS_MANDLOCK = 0x40;
    public static final long MS_DIRSYNC = 0x80;
    public static final long MS_NOATIME = 0x400;
    public static final long MS_NODIRATIME = 0x800;
    public static final long MS_BIND = 0x1000;
    public static final long MS_REC = 0x4000;
    public static final long MS_UNBINDABLE = 0x20000;
    public static final long MS_PRIVATE = 0x40000;
    public static final long MS_SLAVE = 0x80000;
    public static final long MS_SHARED = 0x100000;
    public static final long MS_RELATIME = 0x200000;
    public static final long MS_STRICTATIME = 0x1000000;
    public static final int MNT_DETACH = 0x2;

    private static final int CLONE_FS = 0x200;

    private LinuxMounts() {
    }

    /** mount(2). {@code source}, {@code fstype} and {@code data} may be null. */
    public static void mount(String source, Path target, String fstype, long flags, String data)
            throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            Native.check(arena, "mount", target.toString(), Syscall.MOUNT, Native.cString(arena, source).address(),
                    Native.cPath(arena, target).address(), Native.cString(arena, fstype).address(), flags,
                    Native.cString(arena, data).address());
        }
    }

    /** umount2(2); {@link #MNT_DETACH} lazily detaches a busy mount. */
    public static void umount2(Path target, int flags) throws ErrnoException {
        int errno = tryUmount2(target, flags);
        if (errno != 0) {
            throw new ErrnoException("umount", target.toString(), errno);
        }
    }

    /** umount2(2) returning 0 or the errno: "nothing mounted there" (EINVAL) is an answer, not an error, to some. */
    public static int tryUmount2(Path target, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            return Native.errnoOf(Native.errnoState(arena), Syscall.UMOUNT2, Native.cPath(arena, target).address(),
                    flags);
        }
    }

    /**
     * Gives the calling thread its own working directory (unshare(CLONE_FS)). Only for a dedicated platform
     * thread that ends afterwards: a later {@link #chdir} then leaves the rest of the JVM untouched.
     */
    public static void unshareWorkingDirectory() throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            Native.check(arena, "unshare", "CLONE_FS", Syscall.UNSHARE, CLONE_FS);
        }
    }

    /** chdir(2); see {@link #unshareWorkingDirectory()} before calling it from a JVM thread. */
    public static void chdir(Path dir) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            Native.check(arena, "chdir", dir.toString(), Syscall.CHDIR, Native.cPath(arena, dir).address());
        }
    }
}
