package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoText;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, with its error messages (e.g. {@code time: invalid duration "x"}). Works on
 * bytes with unsigned arithmetic like the original, so limits and overflow behave the same.
 */
final class GoDuration {
    private static final long LIMIT = Long.MIN_VALUE; // 1<<63 read as unsigned
    /** Units keyed by their UTF-8 bytes read as Latin-1, so lookups compare bytes. */
    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, latin1("\u00b5s"), 1_000L,
            latin1("\u03bcs"), 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private final byte[] s;
    private final String original;
    private int pos;

    private GoDuration(String text) {
        this.original = text;
        this.s = GoText.encode(text);
    }

    static Duration parse(String text) {
        return Duration.ofNanos(new GoDuration(text).parse());
    }

    private long parse() {
        boolean negative = false;
        if (s.length > 0 && (s[0] == '-' || s[0] == '+')) {
            negative = s[0] == '-';
            pos = 1;
        }
        if (s.length - pos == 1 && s[pos] == '0') {
            return 0;
        }
        if (pos == s.length) {
            throw invalid();
        }
        long total = 0;
        while (pos < s.length) {
            total += component();
            if (Long.compareUnsigned(total, LIMIT) > 0) {
                throw invalid();
            }
        }
        if (negative) {
            return -total;
        }
        if (total < 0) {
            throw invalid();
        }
        return total;
    }

    /** One {@code [0-9]*(\.[0-9]*)?unit} group in nanoseconds (unsigned, at most 1<<63). */
    private long component() {
        if (!(s[pos] == '.' || isDigit(s[pos]))) {
            throw invalid();
        }
        int before = pos;
        long whole = 0;
        while (pos < s.length && isDigit(s[pos])) {
            if (Long.compareUnsigned(whole, Long.divideUnsigned(LIMIT, 10)) > 0) {
                throw invalid();
            }
            whole = whole * 10 + (s[pos++] - '0');
            if (Long.compareUnsigned(whole, LIMIT) > 0) {
                throw invalid();
            }
        }
        boolean digitsBefore = pos != before;
        long fraction = 0;
        double scale = 1;
        boolean digitsAfter = false;
        if (pos < s.length && s[pos] == '.') {
            int start = ++pos;
            boolean overflow = false;
            for (; pos < s.length && isDigit(s[pos]); pos++) {
                long next = fraction * 10 + (s[pos] - '0');
                if (overflow || Long.compareUnsigned(fraction, Long.MAX_VALUE / 10) > 0
                        || Long.compareUnsigned(next, LIMIT) > 0) {
                    overflow = true;
                    continue;
                }
                fraction = next;
                scale *= 10;
            }
            digitsAfter = pos != start;
        }
        if (!digitsBefore && !digitsAfter) {
            throw invalid();
        }
        long unit = unit();
        if (Long.compareUnsigned(whole, Long.divideUnsigned(LIMIT, unit)) > 0) {
            throw invalid();
        }
        long value = whole * unit;
        if (fraction != 0) {
            value += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
            if (Long.compareUnsigned(value, LIMIT) > 0) {
                throw invalid();
            }
        }
        return value;
    }

    private long unit() {
        int start = pos;
        while (pos < s.length && s[pos] != '.' && !isDigit(s[pos])) {
            pos++;
        }
        if (pos == start) {
            throw Errors.invalid("time: missing unit in duration " + quote(original));
        }
        Long nanos = UNITS.get(new String(s, start, pos - start, StandardCharsets.ISO_8859_1));
        if (nanos == null) {
            throw Errors.invalid("time: unknown unit " + quote(GoText.decode(s, start, pos)) + " in duration "
                    + quote(original));
        }
        return nanos;
    }

    private RuntimeException invalid() {
        return Errors.invalid("time: invalid duration " + quote(original));
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }

    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The time package's own quoting: each byte of a non-ASCII or control character as {@code \xNN}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int offset = 0; offset < text.length(); ) {
            int cp = text.codePointAt(offset);
            offset += Character.charCount(cp);
            if (cp >= 0x80 || cp < ' ') {
                for (byte b : GoText.encode(new String(Character.toChars(cp)))) {
                    out.append(String.format("\\x%02x", b & 0xFF));
                }
            } else {
                if (cp == '"' || cp == '\\') {
                    out.append('\\');
                }
                out.append((char) cp);
            }
        }
        return out.append('"').toString();
    }
}
