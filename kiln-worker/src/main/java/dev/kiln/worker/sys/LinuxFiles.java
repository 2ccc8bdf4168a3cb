package dev.kiln.worker.sys;

import static dev.kiln.worker.sys.Native.AT_FDCWD;
import static dev.kiln.worker.sys.Native.AT_SYMLINK_NOFOLLOW;

import java.lang.foreign.Arena;
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

    private LinuxFiles() {
    }

    /** Each thread's buffers for the path calls below, which tree walks make thousands of times. */
    private static final ThreadLocal<NativeBuffers> BUFFERS =
            ThreadLocal.withInitial(() -> new NativeBuffers(Arena.ofAuto()));

    /** lstat: never follows a final symlink. */
    public static FileStat lstat(Path path) throws ErrnoException {
        NativeBuffers b = BUFFERS.get();
        return lstatAt(b.errno(), AT_FDCWD, b.cString(path.toString(), 0), b.stat(), path.toString());
    }

    /** lstat of {@code path} relative to the directory {@code dirFd}; {@code buf} takes {@link #STATX_SIZE} bytes. */
    static FileStat lstatAt(MemorySegment errnoState, int dirFd, MemorySegment path, MemorySegment buf,
                            String subject) throws ErrnoException {
        Native.check(errnoState, "lstat", subject, Syscall.STATX, dirFd, path.address(), AT_SYMLINK_NOFOLLOW,
                STATX_BASIC_STATS, buf.address());
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
        NativeBuffers b = BUFFERS.get();
        return lstatAtIfExists(b.errno(), AT_FDCWD, b.cString(path.toString(), 0), b.stat(), path.toString());
    }

    /** {@link #lstatAt}, but null when nothing is there (ENOENT, or ENOTDIR for a parent that is a file). */
    static FileStat lstatAtIfExists(MemorySegment errnoState, int dirFd, MemorySegment path, MemorySegment buf,
                                    String subject) throws ErrnoException {
        int errno = Native.errnoOf(errnoState, Syscall.STATX, dirFd, path.address(), AT_SYMLINK_NOFOLLOW,
                STATX_BASIC_STATS, buf.address());
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
        long dev = kernelDev(major, minor, path.toString());
        NativeBuffers b = BUFFERS.get();
        Native.check(b.errno(), "mknod", path.toString(), Syscall.MKNODAT, AT_FDCWD, cPath(b, path), mode, dev);
    }

    /** lchown(2): changes the link itself, never what a symlink points to. */
    public static void lchown(Path path, int uid, int gid) throws ErrnoException {
        NativeBuffers b = BUFFERS.get();
        Native.check(b.errno(), "lchown", path.toString(), Syscall.FCHOWNAT, AT_FDCWD, cPath(b, path), uid, gid,
                AT_SYMLINK_NOFOLLOW);
    }

    /** chmod(2) with all of 07777; follows symlinks, so never call it on one. */
    public static void chmod(Path path, int mode) throws ErrnoException {
        NativeBuffers b = BUFFERS.get();
        Native.check(b.errno(), "chmod", path.toString(), Syscall.FCHMODAT, AT_FDCWD, cPath(b, path), mode & 07777);
    }

    /** Sets access and modification time with nanoseconds, on the link itself for symlinks. */
    public static void setTimes(Path path, Instant atime, Instant mtime) throws ErrnoException {
        NativeBuffers b = BUFFERS.get();
        Native.check(b.errno(), "utimensat", path.toString(), Syscall.UTIMENSAT, AT_FDCWD, cPath(b, path),
                b.times(atime, mtime).address(), AT_SYMLINK_NOFOLLOW);
    }

    /** The filesystem type magic (statfs f_type) of the filesystem holding {@code path}. */
    public static long filesystemType(Path path) throws ErrnoException {
        NativeBuffers b = BUFFERS.get();
        MemorySegment buf = b.stat();
        Native.check(b.errno(), "statfs", path.toString(), Syscall.STATFS, cPath(b, path), buf.address());
        return buf.get(ValueLayout.JAVA_LONG, 0);
    }

    /** The calling thread's buffers, for {@link Xattrs}. */
    static NativeBuffers buffers() {
        return BUFFERS.get();
    }

    private static long cPath(NativeBuffers b, Path path) {
        return b.cString(path.toString(), 0).address();
    }

    /**
     * The device number as mknodat(2) takes it (the kernel's 32-bit encoding: 12 bits of major, 20 of minor), or
     * EOVERFLOW for one it cannot hold, as glibc answers.
     */
    static long kernelDev(int major, int minor, String subject) throws ErrnoException {
        if (Integer.compareUnsigned(major, 0xfff) > 0 || Integer.compareUnsigned(minor, 0xfffff) > 0) {
            throw new ErrnoException("mknod", subject, ErrnoException.EOVERFLOW);
        }
        return ((long) major << 8) | ((long) (minor & 0xfff00) << 12) | (minor & 0xff);
    }
}
