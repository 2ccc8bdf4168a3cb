package dev.kiln.worker.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Native memory made once and reused by one thread across many system calls: the errno capture, a statx buffer
 * and two C-string buffers (grown when a path needs more). Setting up native memory per call costs more than an
 * lstat itself, and a context walk makes thousands of them.
 */
final class NativeBuffers {
    private static final int PATH_BUFFER = 4096;

    private final Arena arena;
    private final MemorySegment errno;
    private final MemorySegment stat;
    private final MemorySegment times;
    private final MemorySegment[] strings;
    private MemorySegment data;

    NativeBuffers(Arena arena) {
        this.arena = arena;
        this.errno = Native.errnoState(arena);
        this.stat = arena.allocate(LinuxFiles.STATX_SIZE, 8);
        this.times = arena.allocate(32, 8);
        this.strings = new MemorySegment[] {arena.allocate(PATH_BUFFER), arena.allocate(PATH_BUFFER)};
    }

    MemorySegment errno() {
        return errno;
    }

    MemorySegment stat() {
        return stat;
    }

    /** Two struct timespecs (access, then modification time), as utimensat(2) takes them. */
    MemorySegment times(Instant atime, Instant mtime) {
        times.set(ValueLayout.JAVA_LONG, 0, atime.getEpochSecond());
        times.set(ValueLayout.JAVA_LONG, 8, atime.getNano());
        times.set(ValueLayout.JAVA_LONG, 16, mtime.getEpochSecond());
        times.set(ValueLayout.JAVA_LONG, 24, mtime.getNano());
        return times;
    }

    /** A buffer of at least {@code size} bytes for a call's output, valid until the next call of this method. */
    MemorySegment data(long size) {
        if (data == null || data.byteSize() < size) {
            data = arena.allocate(Math.max(size, data == null ? 0 : 2 * data.byteSize()), 8);
        }
        return data;
    }

    /** {@code s} as a NUL-terminated UTF-8 string in buffer {@code slot} (0 or 1), valid until its next use. */
    MemorySegment cString(String s, int slot) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("path contains a NUL character: " + s.replace('\0', '?'));
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        MemorySegment buf = strings[slot];
        if (buf.byteSize() < bytes.length + 1L) {
            buf = arena.allocate(Math.max(bytes.length + 1L, 2 * buf.byteSize()));
            strings[slot] = buf;
        }
        MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, bytes.length);
        buf.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return buf;
    }
}
