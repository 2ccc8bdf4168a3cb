package dev.kiln.core.pattern;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.GoPath;
import dev.kiln.core.KilnException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@code .dockerignore} file into patterns, as moby/patternmatcher's {@code ignorefile.ReadAll}. */
public final class IgnoreFile {
    /** Go's bufio.Scanner gives up on longer lines; upstream then fails the whole read. */
    private static final int MAX_LINE_BYTES = 64 * 1024;

    private IgnoreFile() {
    }

    /**
     * The patterns of an ignore file: a UTF-8 BOM is dropped, lines starting with {@code #} are comments, the
     * rest are trimmed, empty ones skipped, and each is cleaned with a leading {@code /} removed (patterns are
     * relative to the context root); a {@code !} prefix is kept.
     *
     * @throws KilnException INVALID_ARGUMENT when a line is 64 KiB or longer
     */
    public static List<String> readAll(byte[] content) {
        List<String> patterns = new ArrayList<>();
        int start = hasBom(content) ? 3 : 0;
        while (start < content.length) {
            int newline = indexOf(content, (byte) '\n', start);
            int end = newline < 0 ? content.length : newline;
            if (end - start >= MAX_LINE_BYTES) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "bufio.Scanner: token too long");
            }
            int lineEnd = end > start && content[end - 1] == '\r' ? end - 1 : end;
            String line = new String(content, start, lineEnd - start, StandardCharsets.UTF_8);
            start = end + 1;
            String pattern = line.startsWith("#") ? "" : GoPath.trimSpace(line);
            if (!pattern.isEmpty()) {
                patterns.add(normalize(pattern));
            }
        }
        return List.copyOf(patterns);
    }

    private static String normalize(String pattern) {
        boolean invert = pattern.charAt(0) == '!';
        String p = invert ? GoPath.trimSpace(pattern.substring(1)) : pattern;
        if (!p.isEmpty()) {
            p = GoPath.clean(p);
            if (p.length() > 1 && p.charAt(0) == '/') {
                p = p.substring(1);
            }
        }
        return invert ? "!" + p : p;
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
