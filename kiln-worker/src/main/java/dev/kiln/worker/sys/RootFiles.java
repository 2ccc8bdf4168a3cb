package dev.kiln.worker.sys;

import static dev.kiln.worker.sys.Native.AT_FDCWD;
import static dev.kiln.worker.sys.Native.AT_SYMLINK_NOFOLLOW;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Creates entries inside one directory tree through a descriptor of its root (the {@code *at} calls, with paths
 * relative to the root) and native buffers made once: per file what GNU tar does (open, write, fchown, fchmod,
 * futimens, close), without resolving the root's own path or setting up native memory on every call.
 *
 * <p>Relative paths are taken as given: the caller makes sure that no parent component is a symlink (a final
 * component is never followed). One thread only, since the buffers are confined to the thread that opened it.
 */
public final class RootFiles implements AutoCloseable {
    private static final int O_WRONLY = 01;
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int O_DIRECTORY = 0200000;
    private static final int O_NOFOLLOW = 0400000;
    private static final int O_CLOEXEC = 02000000;
    private static final int O_PATH = 010000000;
    private static final int DATA_BUFFER = 256 * 1024;

    private final Path root;
    private final Arena arena = Arena.ofConfined();
    private final NativeBuffers buffers = new NativeBuffers(arena);
    private final MemorySegment errno = buffers.errno();
    private final MemorySegment data = arena.allocate(DATA_BUFFER, 8);
    private final int rootFd;

    private RootFiles(Path root) throws ErrnoException {
        this.root = root;
        try {
            MemorySegment p = buffers.cString(root.toString(), 0);
            this.rootFd = (int) Native.check(errno, "open", root.toString(), Syscall.OPENAT, AT_FDCWD, p.address(),
                    O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
        } catch (ErrnoException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Opens the tree rooted at the directory {@code root}. */
    public static RootFiles open(Path root) throws ErrnoException {
        return new RootFiles(root);
    }

    public Path root() {
        return root;
    }

    /** A new regular file at {@code rel} (O_EXCL: fails with EEXIST when anything is there), open for writing. */
    public NewFile create(String rel) throws ErrnoException {
        MemorySegment p = buffers.cString(rel, 0);
        int fd = (int) Native.check(errno, "open", rel, Syscall.OPENAT, rootFd, p.address(),
                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        return new NewFile(fd, rel);
    }

    public void mkdir(String rel, int mode) throws ErrnoException {
        MemorySegment p = buffers.cString(rel, 0);
        Native.check(errno, "mkdir", rel, Syscall.MKDIRAT, rootFd, p.address(), mode);
    }

    public void symlink(String target, String rel) throws ErrnoException {
        MemorySegment t = buffers.cString(target, 1);
        MemorySegment p = buffers.cString(rel, 0);
        Native.check(errno, "symlink", rel, Syscall.SYMLINKAT, t.address(), rootFd, p.address());
    }

    /** A hard link at {@code rel} to the existing {@code targetRel} (neither followed if a symlink). */
    public void link(String targetRel, String rel) throws ErrnoException {
        MemorySegment t = buffers.cString(targetRel, 1);
        MemorySegment p = buffers.cString(rel, 0);
        Native.check(errno, "link", rel, Syscall.LINKAT, rootFd, t.address(), rootFd, p.address(), 0);
    }

    /** mknod; {@code mode} carries the file type (S_IFCHR, S_IFBLK, S_IFIFO) and permissions. */
    public void mknod(String rel, int mode, int major, int minor) throws ErrnoException {
        MemorySegment p = buffers.cString(rel, 0);
        long dev = LinuxFiles.kernelDev(major, minor, rel);
        Native.check(errno, "mknod", rel, Syscall.MKNODAT, rootFd, p.address(), mode, dev);
    }

    /** Changes the owner of the entry itself, never of what a symlink points to. */
    public void lchown(String rel, int uid, int gid) throws ErrnoException {
        MemorySegment p = buffers.cString(rel, 0);
        Native.check(errno, "lchown", rel, Syscall.FCHOWNAT, rootFd, p.address(), uid, gid, AT_SYMLINK_NOFOLLOW);
    }

    /** chmod with all of 07777; never call it on a symlink (it would change the target). */
    public void chmod(String rel, int mode) throws ErrnoException {
        MemorySegment p = buffers.cString(rel, 0);
        Native.check(errno, "chmod", rel, Syscall.FCHMODAT, rootFd, p.address(), mode & 07777);
    }

    /** Sets access and modification time to {@code t}, on the link itself for symlinks. */
    public void setTimes(String rel, Instant t) throws ErrnoException {
        MemorySegment p = buffers.cString(rel, 0);
        MemorySegment ts = timespecs(t);
        Native.check(errno, "utimensat", rel, Syscall.UTIMENSAT, rootFd, p.address(), ts.address(),
                AT_SYMLINK_NOFOLLOW);
    }

    /** lstat of {@code rel}, or null when it (or a parent) does not exist. */
    public FileStat lstatIfExists(String rel) throws ErrnoException {
        return LinuxFiles.lstatAtIfExists(errno, rootFd, buffers.cString(rel, 0), buffers.stat(), rel);
    }

    @Override
    public void close() throws ErrnoException {
        try {
            closeFd(rootFd, root.toString());
        } finally {
            arena.close();
        }
    }

    /** A regular file just created by {@link #create}; its metadata calls go through the descriptor. */
    public final class NewFile implements AutoCloseable {
        private final int fd;
        private final String rel;

        private NewFile(int fd, String rel) {
            this.fd = fd;
            this.rel = rel;
        }

        public void write(byte[] b, int off, int len) throws ErrnoException {
            while (len > 0) {
                int n = Math.min(len, DATA_BUFFER);
                MemorySegment.copy(b, off, data, ValueLayout.JAVA_BYTE, 0, n);
                for (int done = 0; done < n; ) {
                    MemorySegment from = data.asSlice(done);
                    long count = n - done;
                    try {
                        done += (int) Native.check(errno, "write", rel, Syscall.WRITE, fd, from.address(), count);
                    } catch (ErrnoException e) {
                        if (e.errno() != ErrnoException.EINTR) {
                            throw e;
                        }
                    }
                }
                off += n;
                len -= n;
            }
        }

        public void chown(int uid, int gid) throws ErrnoException {
            Native.check(errno, "fchown", rel, Syscall.FCHOWN, fd, uid, gid);
        }

        public void chmod(int mode) throws ErrnoException {
            Native.check(errno, "fchmod", rel, Syscall.FCHMOD, fd, mode & 07777);
        }

        public void setTimes(Instant t) throws ErrnoException {
            MemorySegment ts = timespecs(t);
            Native.check(errno, "futimens", rel, Syscall.UTIMENSAT, fd, 0, ts.address(), 0);
        }

        @Override
        public void close() throws ErrnoException {
            closeFd(fd, rel);
        }
    }

    private void closeFd(int fd, String subject) throws ErrnoException {
        Native.check(errno, "close", subject, Syscall.CLOSE, fd);
    }

    private MemorySegment timespecs(Instant t) {
        return buffers.times(t, t);
    }
}
