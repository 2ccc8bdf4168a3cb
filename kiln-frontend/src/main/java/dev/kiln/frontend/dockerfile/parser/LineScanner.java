package dev.kiln.frontend.dockerfile.parser;

/**
 * Splits input into lines that keep their {@code \n}, with the limits of Go's {@code bufio.Scanner}: a line
 * (newline included) may not exceed 64 KiB, and an unterminated last line must be shorter than that.
 */
final class LineScanner {
    static final int MAX_TOKEN = 64 * 1024;

    private final byte[] data;
    private int pos;
    private boolean tooLong;

    LineScanner(byte[] data) {
        this(data, 0);
    }

    LineScanner(byte[] data, int start) {
        this.data = data;
        this.pos = start;
    }

    /** The next line as [start, end) offsets into the data, or null at the end or after an over-long line. */
    int[] next() {
        if (tooLong || pos >= data.length) {
            return null;
        }
        int start = pos;
        int limit = Math.min(data.length, start + MAX_TOKEN);
        for (int i = start; i < limit; i++) {
            if (data[i] == '\n') {
                pos = i + 1;
                return new int[] {start, pos};
            }
        }
        if (data.length - start >= MAX_TOKEN) {
            tooLong = true;
            return null;
        }
        pos = data.length;
        return new int[] {start, pos};
    }

    /** Whether scanning stopped at a line over the limit. */
    boolean tooLong() {
        return tooLong;
    }

    byte[] data() {
        return data;
    }
}
