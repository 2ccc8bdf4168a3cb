package dev.kiln.worker.sys;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Extended attributes of the file itself (the l*xattr calls, never following a symlink), in every namespace:
 * java.nio only reaches {@code user.*}, and layers need {@code security.capability} and
 * {@code trusted.overlay.*}.
 */
public final class Xattrs {
    private static final int INITIAL_BUFFER = 256;

    private Xattrs() {
    }

    /** The value of {@code name}, or null when the file has no such attribute. */
    public static byte[] get(Path path, String name) throws ErrnoException {
        NativeBuffers b = LinuxFiles.buffers();
        long p = b.cString(path.toString(), 0).address();
        long n = b.cString(name, 1).address();
        for (long size = INITIAL_BUFFER; ; size *= 4) {
            MemorySegment buf = b.data(size);
            long len = Native.invoke(b.errno(), Syscall.LGETXATTR, p, n, buf.address(), buf.byteSize());
            if (len >= 0) {
                return buf.asSlice(0, len).toArray(ValueLayout.JAVA_BYTE);
            }
            // Most files have no such attribute: that answer costs no exception.
            int errno = Native.lastErrno(b.errno());
            if (errno == ErrnoException.ENODATA) {
                return null;
            }
            if (errno != ErrnoException.ERANGE) {
                throw new ErrnoException("lgetxattr " + name, path.toString(), errno);
            }
        }
    }

    /** All attribute names, in the order the filesystem lists them. */
    public static List<String> list(Path path) throws ErrnoException {
        NativeBuffers b = LinuxFiles.buffers();
        long p = b.cString(path.toString(), 0).address();
        for (long size = INITIAL_BUFFER; ; size *= 4) {
            MemorySegment buf = b.data(size);
            long len = Native.invoke(b.errno(), Syscall.LLISTXATTR, p, buf.address(), buf.byteSize());
            if (len >= 0) {
                return splitNames(buf.asSlice(0, len).toArray(ValueLayout.JAVA_BYTE));
            }
            if (Native.lastErrno(b.errno()) != ErrnoException.ERANGE) {
                throw new ErrnoException("llistxattr", path.toString(), Native.lastErrno(b.errno()));
            }
        }
    }

    public static void set(Path path, String name, byte[] value) throws ErrnoException {
        NativeBuffers b = LinuxFiles.buffers();
        long p = b.cString(path.toString(), 0).address();
        long n = b.cString(name, 1).address();
        MemorySegment v = b.data(Math.max(1, value.length));
        MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
        Native.check(b.errno(), "lsetxattr " + name, path.toString(), Syscall.LSETXATTR, p, n, v.address(),
                value.length, 0);
    }

    /**
     * Copies every attribute of {@code src} onto {@code dst}; one that {@code dst} refuses with an errno among
     * {@code refusals} (a filesystem without that namespace, say) is left out.
     */
    public static void copy(Path src, Path dst, int... refusals) throws ErrnoException {
        copy(src, dst, name -> true, refusals);
    }

    /** As {@link #copy(Path, Path, int...)}, for the attributes whose names {@code wanted} accepts. */
    public static void copy(Path src, Path dst, Predicate<String> wanted, int... refusals) throws ErrnoException {
        for (String name : list(src)) {
            byte[] value = wanted.test(name) ? get(src, name) : null;
            if (value == null) {
                continue;
            }
            try {
                set(dst, name, value);
            } catch (ErrnoException e) {
                if (IntStream.of(refusals).noneMatch(errno -> errno == e.errno())) {
                    throw e;
                }
            }
        }
    }

    private static List<String> splitNames(byte[] raw) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                if (i > start) {
                    names.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return names;
    }
}
