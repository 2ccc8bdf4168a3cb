package dev.kiln.frontend.dockerfile.shell;

import static dev.kiln.frontend.dockerfile.shell.GoText.EOF;

/** Reads a string one code point at a time, like Go's {@code text/scanner} Peek/Next (which skips a leading BOM). */
final class RuneScanner {
    private static final int BOM = 0xFEFF;
    private final int[] runes;
    private int pos;

    RuneScanner(String text) {
        runes = text.codePoints().toArray();
        pos = runes.length > 0 && runes[0] == BOM ? 1 : 0;
    }

    int peek() {
        return pos < runes.length ? runes[pos] : EOF;
    }

    int next() {
        return pos < runes.length ? runes[pos++] : EOF;
    }
}
