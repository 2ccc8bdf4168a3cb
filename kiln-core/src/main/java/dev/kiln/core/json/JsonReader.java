package dev.kiln.core.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser of UTF-8 bytes into a {@link JsonValue} tree: no comments, trailing commas, single quotes,
 * leading zeros or non-finite numbers; unescaped control characters and malformed UTF-8 rejected; nothing but
 * whitespace after the value. A leading byte order mark is skipped, as Jackson does. Nesting is limited so that
 * hostile input cannot exhaust the stack; callers bound the input size.
 */
final class JsonReader {
    static final int MAX_DEPTH = 256;
    /** Jackson's limit: longer literals make BigInteger and Double parsing slow for nothing. */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private final byte[] in;
    private int pos;
    private int depth;

    private JsonReader(byte[] in) {
        this.in = in;
    }

    static JsonValue read(byte[] data) {
        JsonReader r = new JsonReader(data);
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            r.pos = 3;
        }
        r.skipWhitespace();
        JsonValue v = r.value();
        r.skipWhitespace();
        if (r.pos < data.length) {
            throw r.error("unexpected " + r.describe(r.pos) + " after the JSON value");
        }
        return v;
    }

    private JsonValue value() {
        if (pos >= in.length) {
            throw error("unexpected end of input, expected a value");
        }
        return switch (in[pos]) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new JsonString(string());
            case 't' -> literal("true", JsonBoolean.TRUE);
            case 'f' -> literal("false", JsonBoolean.FALSE);
            case 'n' -> literal("null", JsonNull.INSTANCE);
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
            default -> throw error("unexpected " + describe(pos) + ", expected a value");
        };
    }

    private JsonObject object() {
        enter();
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (!consume('}')) {
            do {
                skipWhitespace();
                if (pos >= in.length || in[pos] != '"') {
                    throw error("expected a member name in double quotes, got " + describe(pos));
                }
                String name = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                members.put(name, value());
                skipWhitespace();
            } while (consume(','));
            expect('}');
        }
        depth--;
        return new JsonObject(members);
    }

    private JsonArray array() {
        enter();
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (!consume(']')) {
            do {
                skipWhitespace();
                elements.add(value());
                skipWhitespace();
            } while (consume(','));
            expect(']');
        }
        depth--;
        return new JsonArray(elements);
    }

    /** Reads the string starting at the opening quote; ASCII without escapes, the common case, is copied directly. */
    private String string() {
        int start = ++pos;
        while (pos < in.length) {
            int b = in[pos]; // signed: every byte of a multi-byte UTF-8 sequence is negative
            if (b == '"') {
                return new String(in, start, pos++ - start, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0x20) {
                break;
            }
            pos++;
        }
        pos = start;
        return decodeString();
    }

    /** The slow path: escapes and UTF-8 sequences, each checked. Ends after the closing quote. */
    private String decodeString() {
        StringBuilder s = new StringBuilder();
        while (true) {
            if (pos >= in.length) {
                throw error("unterminated string");
            }
            int b = in[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return s.toString();
            } else if (b == '\\') {
                s.append(escape());
            } else if (b < 0x20) {
                throw error("control character " + describe(pos) + " in a string must be escaped");
            } else if (b < 0x80) {
                s.append((char) b);
                pos++;
            } else {
                s.appendCodePoint(utf8Sequence(b));
            }
        }
    }

    private char escape() {
        if (pos + 1 >= in.length) {
            throw error("unterminated string");
        }
        pos += 2;
        return switch (in[pos - 1]) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> hex4();
            default -> {
                pos -= 2;
                throw error("invalid escape sequence in a string");
            }
        };
    }

    /** The four hex digits of a {@code \\u} escape; a lone surrogate is kept, as Jackson does. */
    private char hex4() {
        int c = 0;
        for (int i = 0; i < 4; i++, pos++) {
            int d = pos < in.length ? Character.digit(in[pos], 16) : -1;
            if (d < 0) {
                throw error("invalid \\u escape: expected four hex digits");
            }
            c = c << 4 | d;
        }
        return (char) c;
    }

    /**
     * One UTF-8 encoded code point starting with {@code lead} (at least 0x80), by the Unicode standard's table of
     * well-formed sequences: no overlong forms, no surrogates, nothing above U+10FFFF.
     */
    private int utf8Sequence(int lead) {
        int length;
        int min;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            min = lead == 0xE0 ? 0xA0 : 0x80;
            max = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            min = lead == 0xF0 ? 0x90 : 0x80;
            max = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw error("invalid UTF-8 " + describe(pos));
        }
        int cp = lead & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            int b = pos + i < in.length ? in[pos + i] & 0xFF : -1;
            if (b < (i == 1 ? min : 0x80) || b > (i == 1 ? max : 0xBF)) {
                pos += i;
                throw error("invalid UTF-8 " + describe(pos));
            }
            cp = cp << 6 | (b & 0x3F);
        }
        pos += length;
        return cp;
    }

    private JsonValue literal(String word, JsonValue value) {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= in.length || in[pos + i] != word.charAt(i)) {
                throw error("unexpected " + describe(pos) + ", expected a value");
            }
        }
        pos += word.length();
        return value;
    }

    /** Checks the grammar {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} and keeps the literal. */
    private JsonNumber number() {
        int start = pos;
        consume('-');
        if (consume('0')) {
            if (isDigit()) {
                throw error("leading zeros are not allowed in numbers");
            }
        } else {
            digits();
        }
        if (consume('.')) {
            digits();
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (!consume('+')) {
                consume('-');
            }
            digits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        return new JsonNumber(new String(in, start, pos - start, StandardCharsets.ISO_8859_1));
    }

    private void digits() {
        if (!isDigit()) {
            throw error("unexpected " + describe(pos) + ", expected a digit");
        }
        while (isDigit()) {
            pos++;
        }
    }

    private boolean isDigit() {
        return pos < in.length && in[pos] >= '0' && in[pos] <= '9';
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
    }

    private boolean consume(char c) {
        if (pos < in.length && in[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "', got " + describe(pos));
        }
    }

    private String describe(int at) {
        if (at >= in.length) {
            return "end of input";
        }
        int b = in[at] & 0xFF;
        return b > 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    }

    /** A syntax error at the current position, located by line and column (in bytes) for the reader of the file. */
    private JsonException error(String what) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(pos, in.length); i++) {
            if (in[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return JsonException.of("line " + line + ", column " + (pos - lineStart + 1) + ": " + what);
    }
}
