package dev.kiln.worker.sys;

import static dev.kiln.worker.sys.Native.INT;
import static dev.kiln.worker.sys.Native.PTR;
import static dev.kiln.worker.sys.Native.SIZE_T;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
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

    private static final Native.Function LGETXATTR = Native.function("lgetxattr",
            FunctionDescriptor.of(SIZE_T, PTR, PTR, PTR, SIZE_T));
    private static final Native.Function LSETXATTR = Native.function("lsetxattr",
            FunctionDescriptor.of(INT, PTR, PTR, PTR, SIZE_T, INT));
    private static final Native.Function LLISTXATTR = Native.function("llistxattr",
            FunctionDescriptor.of(SIZE_T, PTR, PTR, SIZE_T));

    private Xattrs() {
    }

    /** The value of {@code name}, or null when the file has no such attribute. */
    public static byte[] get(Path path, String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Native.cPath(arena, path);
            MemorySegment n = arena.allocateFrom(name);
            for (long size = INITIAL_BUFFER; ; size *= 4) {
                MemorySegment buf = arena.allocate(size);
                long capacity = size;
                try {
                    long len = Native.check(arena, "lgetxattr " + name, path.toString(),
                            st -> (long) LGETXATTR.handle().invokeExact(st, p, n, buf, capacity));
                    return buf.asSlice(0, len).toArray(ValueLayout.JAVA_BYTE);
                } catch (ErrnoException e) {
                    if (e.errno() == ErrnoException.ENODATA) {
                        return null;
                    }
                    if (e.errno() != ErrnoException.ERANGE) {
                        throw e;
                    }
                }
            }
        }
    }

    /** All attribute names, in the order the filesystem lists them. */
    public static List<String> list(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Native.cPath(arena, path);
            for (long size = INITIAL_BUFFER; ; size *= 4) {
                MemorySegment buf = arena.allocate(size);
                long capacity = size;
                try {
                    long len = Native.check(arena, "llistxattr", path.toString(),
                            st -> (long) LLISTXATTR.handle().invokeExact(st, p, buf, capacity));
                    return splitNames(buf.asSlice(0, len).toArray(ValueLayout.JAVA_BYTE));
                } catch (ErrnoException e) {
                    if (e.errno() != ErrnoException.ERANGE) {
                        throw e;
                    }
                }
            }
        }
    }

    public static void set(Path path, String name, byte[] value) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Native.cPath(arena, path);
            MemorySegment n = arena.allocateFrom(name);
            MemorySegment v = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
            long len = value.length;
            Native.check(arena, "lsetxattr " + name, path.toString(),
                    st -> (int) LSETXATTR.handle().invokeExact(st, p, n, v, len, 0));
        }
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
