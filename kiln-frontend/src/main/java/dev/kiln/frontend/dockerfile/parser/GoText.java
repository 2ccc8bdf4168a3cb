package dev.kiln.frontend.dockerfile.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go string semantics on Java strings. BuildKit works on byte strings that may hold invalid UTF-8; to stay
 * byte-exact we decode like Go's {@code utf8.DecodeRune} and carry every byte that is not part of a valid
 * sequence as the lone surrogate {@code U+DC00 + byte} (only 0x80..0xFF occur). {@link #encode} restores the
 * original bytes, so decode/encode is lossless. Whitespace, case and trimming follow Go's {@code unicode} and
 * {@code strings} packages rather than Java's, which differ (e.g. Go treats U+00A0 as space).
 */
public final class GoText {
    private static final int RAW_BYTE_BASE = 0xDC00;
    private static final int REPLACEMENT = 0xFFFD;

    private GoText() {
    }

    /** Decodes bytes the way Go iterates a string: each invalid byte becomes one raw-byte char. */
    public static String decode(byte[] bytes, int from, int to) {
        if (isAscii(bytes, from, to)) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int b0 = bytes[i] & 0xFF;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int width = validSequenceLength(bytes, i, to);
            if (width == 0) {
                out.append((char) (RAW_BYTE_BASE + b0));
                i++;
            } else {
                out.appendCodePoint(codePoint(bytes, i, width));
                i += width;
            }
        }
        return out.toString();
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The bytes Go would hold for this string; raw-byte chars become their byte again. */
    public static byte[] encode(String s) {
        if (!hasSurrogate(s)) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isRawByte(cp)) {
                out.write(cp - RAW_BYTE_BASE);
            } else {
                writeUtf8(out, Character.isSurrogate((char) cp) ? REPLACEMENT : cp);
            }
        }
        return out.toByteArray();
    }

    /**
     * Re-decodes a string built by concatenating or slicing byte strings, so raw bytes that now form a valid
     * sequence (as they would in Go's joined byte string) become that character.
     */
    public static String renormalize(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isRawByte(s.charAt(i))) {
                return decode(encode(s));
            }
        }
        return s;
    }

    /** Whether a code point (from {@link String#codePointAt}) stands for a raw invalid byte. */
    public static boolean isRawByte(int cp) {
        return cp >= RAW_BYTE_BASE + 0x80 && cp <= RAW_BYTE_BASE + 0xFF;
    }

    /** The code point Go's range loop yields: raw bytes read as U+FFFD. */
    public static int goRune(int cp) {
        return isRawByte(cp) ? REPLACEMENT : cp;
    }

    /** Go's {@code unicode.IsSpace}. */
    public static boolean isSpace(int cp) {
        if (cp <= 0xFF) {
            return cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r' || cp == ' '
                    || cp == 0x85 || cp == 0xA0;
        }
        return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029
                || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** Go's {@code strings.TrimSpace}. */
    public static String trimSpace(String s) {
        return trimRightSpace(trimLeftSpace(s));
    }

    /** Go's {@code strings.TrimLeftFunc(s, unicode.IsSpace)}. */
    public static String trimLeftSpace(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isSpace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(i);
    }

    static String trimRightSpace(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** Go's {@code strings.ToLower}: simple case mapping; invalid bytes become U+FFFD unless all ASCII. */
    public static String toLower(String s) {
        return mapCase(s, false);
    }

    /** Go's {@code strings.ToUpper}. */
    public static String toUpper(String s) {
        return mapCase(s, true);
    }

    /** Go's {@code strings.EqualFold} (simple case folding). */
    public static boolean equalFold(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = goRune(a.codePointAt(i));
            int cb = goRune(b.codePointAt(j));
            i += Character.charCount(a.codePointAt(i));
            j += Character.charCount(b.codePointAt(j));
            if (ca != cb && Character.toLowerCase(Character.toUpperCase(ca))
                    != Character.toLowerCase(Character.toUpperCase(cb))) {
                return false;
            }
        }
        return i == a.length() && j == b.length();
    }

    private static String mapCase(String s, boolean upper) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (ascii) {
                out.append((char) (upper ? asciiUpper(cp) : asciiLower(cp)));
            } else {
                int r = goRune(cp);
                out.appendCodePoint(upper ? Character.toUpperCase(r) : Character.toLowerCase(r));
            }
        }
        return out.toString();
    }

    private static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int asciiLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int asciiUpper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    /** Length of the valid UTF-8 sequence starting at {@code i}, or 0 when Go would see RuneError width 1. */
    private static int validSequenceLength(byte[] b, int i, int to) {
        int b0 = b[i] & 0xFF;
        int width;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            width = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            width = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            width = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + width > to) {
            return 0;
        }
        int b1 = b[i + 1] & 0xFF;
        if (b1 < lo || b1 > hi) {
            return 0;
        }
        for (int k = 2; k < width; k++) {
            int bk = b[i + k] & 0xFF;
            if (bk < 0x80 || bk > 0xBF) {
                return 0;
            }
        }
        return width;
    }

    private static int codePoint(byte[] b, int i, int width) {
        int b0 = b[i] & 0xFF;
        int cp = switch (width) {
            case 2 -> b0 & 0x1F;
            case 3 -> b0 & 0x0F;
            default -> b0 & 0x07;
        };
        for (int k = 1; k < width; k++) {
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        return cp;
    }

    private static void writeUtf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | (cp >> 6));
            out.write(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out.write(0xE0 | (cp >> 12));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        } else {
            out.write(0xF0 | (cp >> 18));
            out.write(0x80 | ((cp >> 12) & 0x3F));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        }
    }
}
