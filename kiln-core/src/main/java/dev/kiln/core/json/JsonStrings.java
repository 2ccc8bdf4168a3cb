package dev.kiln.core.json;

/**
 * JSON string escaping exactly as Jackson 3 writes UTF-8: {@code "} and {@code \} with a backslash; backspace, tab,
 * newline, form feed and carriage return as {@code \b \t \n \f \r}; other control characters below U+0020 and
 * unpaired surrogates as {@code \}{@code u} with four upper-case hex digits; everything else (DEL, {@code /}, U+2028,
 * non-ASCII) as plain UTF-8. Go escapes differently ({@code <>&}, lower-case hex), but Kiln's stored documents and
 * digests have always followed Jackson.
 */
final class JsonStrings {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Longest encoding of one char: {@code \}{@code uXXXX}. */
    private static final int MAX_BYTES_PER_CHAR = 6;

    private JsonStrings() {
    }

    static void write(ByteSink out, String s) {
        int n = s.length();
        out.ensure(2 + n * MAX_BYTES_PER_CHAR);
        out.put('"');
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ascii(out, c);
            } else if (c < 0x800) {
                out.put(0xC0 | (c >> 6));
                out.put(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.put(0xF0 | (cp >> 18));
                out.put(0x80 | ((cp >> 12) & 0x3F));
                out.put(0x80 | ((cp >> 6) & 0x3F));
                out.put(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(out, c);
            } else {
                out.put(0xE0 | (c >> 12));
                out.put(0x80 | ((c >> 6) & 0x3F));
                out.put(0x80 | (c & 0x3F));
            }
        }
        out.put('"');
    }

    private static void ascii(ByteSink out, char c) {
        if (c >= 0x20 && c != '"' && c != '\\') {
            out.put(c);
            return;
        }
        char shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm != 0) {
            out.put('\\');
            out.put(shortForm);
        } else {
            unicodeEscape(out, c);
        }
    }

    private static void unicodeEscape(ByteSink out, char c) {
        out.put('\\');
        out.put('u');
        out.put(HEX[c >> 12]);
        out.put(HEX[(c >> 8) & 0xF]);
        out.put(HEX[(c >> 4) & 0xF]);
        out.put(HEX[c & 0xF]);
    }
}
