package dev.kiln.core.json;

import java.util.Arrays;

/** A growable byte buffer: ByteArrayOutputStream without its synchronisation and checked exceptions. */
final class ByteSink {
    private byte[] bytes = new byte[256];
    private int length;

    void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    void writeAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    /** Room for {@code more} bytes after the current end. */
    void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** Appends a byte already made room for with {@link #ensure}. */
    void put(int b) {
        bytes[length++] = (byte) b;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }
}
