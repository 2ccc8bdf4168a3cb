package dev.kiln.worker.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

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
    private final MemorySegment[] strings;

    NativeBuffers(Arena arena) {
        this.arena = arena;
        this.errno = Native.errnoState(arena);
        this.stat = arena.allocate(LinuxFiles.STATX_SIZE, 8);
        this.strings = new MemorySegment[] {arena.allocate(PATH_BUFFER), arena.allocate(PATH_BUFFER)};
    }

    MemorySegment errno() {
        return errno;
    }

    MemorySegment stat() {
        return stat;
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
