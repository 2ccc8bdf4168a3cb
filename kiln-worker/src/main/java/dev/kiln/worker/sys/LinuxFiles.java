package dev.kiln.worker.sys;

import static dev.kiln.worker.sys.Native.AT_FDCWD;
import static dev.kiln.worker.sys.Native.AT_SYMLINK_NOFOLLOW;
import static dev.kiln.worker.sys.Native.INT;
import static dev.kiln.worker.sys.Native.LONG;
import static dev.kiln.worker.sys.Native.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Instant;

/**
 * File calls java.nio cannot make exactly: lstat with device numbers and blocks, mknod, lchown with numeric ids,
 * chmod with setuid/setgid/sticky, nanosecond timestamps on symlinks, statfs.
 */
public final class LinuxFiles {
    /** statfs f_type of overlayfs. */
    public static final long OVERLAYFS_MAGIC = 0x794c7630L;

    private static final int STATX_BASIC_STATS = 0x7ff;
    static final int STATX_SIZE = 256;

    private static final Native.Function STATX = Native.function("statx",
            FunctionDescriptor.of(INT, INT, PTR, INT, INT, PTR));
    private static final Native.Function MKNOD = Native.function("mknod",
            FunctionDescriptor.of(INT, PTR, INT, LONG));
    private static final Native.Function LCHOWN = Native.function("lchown",
            FunctionDescriptor.of(INT, PTR, INT, INT));
    private static final Native.Function CHMOD = Native.function("chmod",
            FunctionDescriptor.of(INT, PTR, INT));
    private static final Native.Function UTIMENSAT = Native.function("utimensat",
            FunctionDescriptor.of(INT, INT, PTR, PTR, INT));
    private static final Native.Function STATFS = Native.function("statfs",
            FunctionDescriptor.of(INT, PTR, PTR));

    private LinuxFiles() {
    }

    /** lstat: never follows a final symlink. */
    public static FileStat lstat(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Native.cPath(arena, path);
            MemorySegment buf = arena.allocate(STATX_SIZE, 8);
            Native.check(arena, "lstat", path.toString(), st -> (int) STATX.handle().invokeExact(
                    st, AT_FDCWD, p, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buf));
            return fromStatx(buf);
        }
    }

    /** lstat of {@code path} relative to the directory {@code dirFd}; {@code buf} takes {@link #STATX_SIZE} bytes. */
    static FileStat lstatAt(MemorySegment errnoState, int dirFd, MemorySegment path, MemorySegment buf,
                            String subject) throws ErrnoException {
        Native.check(errnoState, "lstat", subject, st -> (int) STATX.handle().invokeExact(
                st, dirFd, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buf));
        return fromStatx(buf);
    }

    private static FileStat fromStatx(MemorySegment buf) {
        return new FileStat(
                Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, 28)),
                buf.get(ValueLayout.JAVA_INT, 16),
                buf.get(ValueLayout.JAVA_INT, 20),
                buf.get(ValueLayout.JAVA_INT, 24),
                buf.get(ValueLayout.JAVA_LONG, 32),
                buf.get(ValueLayout.JAVA_INT, 136),
                buf.get(ValueLayout.JAVA_INT, 140),
                buf.get(ValueLayout.JAVA_LONG, 40),
                buf.get(ValueLayout.JAVA_LONG, 48),
                statxTime(buf, 64),
                statxTime(buf, 112),
                statxTime(buf, 96),
                buf.get(ValueLayout.JAVA_INT, 128),
                buf.get(ValueLayout.JAVA_INT, 132));
    }

    /** A struct statx_timestamp: seconds, then nanoseconds. */
    private static Instant statxTime(MemorySegment buf, long offset) {
        return Instant.ofEpochSecond(buf.get(ValueLayout.JAVA_LONG, offset), buf.get(ValueLayout.JAVA_INT, offset + 8));
    }

    /** lstat, or null when the path (or one of its parents) does not exist. */
    public static FileStat lstatIfExists(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            return lstatAtIfExists(Native.errnoState(arena), AT_FDCWD, Native.cPath(arena, path),
                    arena.allocate(STATX_SIZE, 8), path.toString());
        }
    }

    /** {@link #lstatAt}, but null when nothing is there (ENOENT, or ENOTDIR for a parent that is a file). */
    static FileStat lstatAtIfExists(MemorySegment errnoState, int dirFd, MemorySegment path, MemorySegment buf,
                                    String subject) throws ErrnoException {
        int errno = Native.errnoOf(errnoState, "lstat", st -> (int) STATX.handle().invokeExact(
                st, dirFd, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buf));
        if (errno == ErrnoException.ENOENT || errno == ErrnoException.ENOTDIR) {
            return null;
        }
        if (errno != 0) {
            throw new ErrnoException("lstat", subject, errno);
        }
        return fromStatx(buf);
    }

    /** mknod(2); {@code mode} carries the file type (S_IFCHR, S_IFBLK, S_IFIFO) and permissions. */
    public static void mknod(Path path, int mode, int major, int minor) throws ErrnoException {
        long dev = makedev(major, minor);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Native.cPath(arena, path);
            Native.check(arena, "mknod", path.toString(), st -> (int) MKNOD.handle().invokeExact(st, p, mode, dev));
        }
    }

    /** lchown(2): changes the link itself, never what a symlink points to. */
    public static void lchown(Path path, int uid, int gid) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Native.cPath(arena, path);
            Native.check(arena, "lchown", path.toString(), st -> (int) LCHOWN.handle().invokeExact(st, p, uid, gid));
        }
    }

    /** chmod(2) with all of 07777; follows symlinks, so never call it on one. */
    public static void chmod(Path path, int mode) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Native.cPath(arena, path);
            Native.check(arena, "chmod", path.toString(), st -> (int) CHMOD.handle().invokeExact(st, p, mode & 07777));
        }
    }

    /** Sets access and modification time with nanoseconds, on the link itself for symlinks. */
    public static void setTimes(Path path, Instant atime, Instant mtime) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Native.cPath(arena, path);
            MemorySegment times = arena.allocate(32, 8);
            times.set(ValueLayout.JAVA_LONG, 0, atime.getEpochSecond());
            times.set(ValueLayout.JAVA_LONG, 8, atime.getNano());
            times.set(ValueLayout.JAVA_LONG, 16, mtime.getEpochSecond());
            times.set(ValueLayout.JAVA_LONG, 24, mtime.getNano());
            Native.check(arena, "utimensat", path.toString(),
                    st -> (int) UTIMENSAT.handle().invokeExact(st, AT_FDCWD, p, times, AT_SYMLINK_NOFOLLOW));
        }
    }

    /** The filesystem type magic (statfs f_type) of the filesystem holding {@code path}. */
    public static long filesystemType(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Native.cPath(arena, path);
            MemorySegment buf = arena.allocate(256, 8);
            Native.check(arena, "statfs", path.toString(), st -> (int) STATFS.handle().invokeExact(st, p, buf));
            return buf.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    /** glibc's gnu_dev_makedev. */
    static long makedev(int major, int minor) {
        long maj = Integer.toUnsignedLong(major);
        long min = Integer.toUnsignedLong(minor);
        return ((maj & 0xfffff000L) << 32) | ((maj & 0xfffL) << 8) | ((min & 0xffffff00L) << 12) | (min & 0xffL);
    }
}
