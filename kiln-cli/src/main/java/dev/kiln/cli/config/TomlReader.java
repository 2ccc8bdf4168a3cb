package dev.kiln.cli.config;

import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict TOML 1.0 reader: tables become {@code Map<String, Object>} in document order, arrays {@code List<Object>},
 * scalars String, Long, Double or Boolean. Dates and times are rejected, as no buildkitd.toml key takes one. Kiln
 * reads its config on every command, and a general-purpose TOML library cost a tenth of a cached build's start-up.
 */
final class TomlReader {
    private static final int EOF = -1;
    private static final int MAX_NESTING = 64;

    private final String source;
    private final String text;
    private int pos;
    private int nesting;
    private final TomlTables tables;
    private final Map<List<String>, Integer> keyOffsets = new HashMap<>();

    private TomlReader(String source, String text) {
        this.source = source;
        this.text = text;
        this.tables = new TomlTables(source, text);
    }

    /** Parses {@code text}; {@code source} names it in error messages. */
    static TomlDocument read(String source, String text) {
        TomlReader reader = new TomlReader(source, text);
        reader.document();
        return new TomlDocument(source, text, reader.tables.root(), reader.keyOffsets);
    }

    private void document() {
        pos = text.startsWith("\uFEFF") ? 1 : 0;
        Map<String, Object> table = tables.root();
        List<String> tablePath = List.of();
        while (peek() != EOF) {
            skipSpace();
            int at = pos;
            int c = peek();
            if (c == '[') {
                boolean arrayOfTables = text.startsWith("[[", at);
                tablePath = header(arrayOfTables);
                table = arrayOfTables ? tables.appendTable(tablePath, at) : tables.defineTable(tablePath, at);
                keyOffsets.putIfAbsent(tablePath, at);
            } else if (c != '#' && c != '\n' && c != '\r' && c != EOF) {
                List<String> keys = keyValue(table);
                List<String> path = new ArrayList<>(tablePath);
                path.addAll(keys);
                keyOffsets.putIfAbsent(List.copyOf(path), at);
            }
            endOfLine();
        }
    }

    private void endOfLine() {
        skipSpace();
        if (peek() == '#') {
            comment();
        }
        if (!newline() && peek() != EOF) {
            throw error(pos, "expected the end of the line, found " + describe(peek()));
        }
    }

    private void comment() {
        for (int c = peek(); c != '\n' && c != EOF && !(c == '\r' && text.startsWith("\r\n", pos)); c = peek()) {
            checkNotControl(c);
            pos++;
        }
    }

    /** Reads {@code [a.b]} or {@code [[a.b]]} and returns the key path. */
    private List<String> header(boolean arrayOfTables) {
        pos += arrayOfTables ? 2 : 1;
        skipSpace();
        List<String> keys = key();
        skipSpace();
        expect(arrayOfTables ? "]]" : "]", "to close the table header");
        return keys;
    }

    /** Reads {@code key = value} into {@code table} and returns the key path. */
    private List<String> keyValue(Map<String, Object> table) {
        int at = pos;
        List<String> keys = key();
        skipSpace();
        expect("=", "after the key");
        skipSpace();
        tables.put(table, keys, value(), at);
        return keys;
    }

    private List<String> key() {
        List<String> keys = new ArrayList<>();
        keys.add(simpleKey());
        while (true) {
            int save = pos;
            skipSpace();
            if (peek() != '.') {
                pos = save;
                return List.copyOf(keys);
            }
            pos++;
            skipSpace();
            keys.add(simpleKey());
        }
    }

    private String simpleKey() {
        int c = peek();
        if (c == '"' || c == '\'') {
            return singleLineString();
        }
        int start = pos;
        while (isBareKeyChar(peek())) {
            pos++;
        }
        if (pos == start) {
            throw error(pos, "expected a key, found " + describe(c));
        }
        return text.substring(start, pos);
    }

    private Object value() {
        int c = peek();
        if (c == '"' || c == '\'') {
            String delimiter = c == '"' ? "\"\"\"" : "'''";
            return text.startsWith(delimiter, pos) ? multiLineString() : singleLineString();
        }
        if (c == '[' || c == '{') {
            if (++nesting > MAX_NESTING) {
                throw error(pos, "values nested more than " + MAX_NESTING + " levels deep");
            }
            Object value = c == '[' ? array() : inlineTable();
            nesting--;
            return value;
        }
        int start = pos;
        while (isScalarChar(peek())) {
            pos++;
        }
        if (pos == start) {
            throw error(pos, "expected a value, found " + describe(peek()));
        }
        return TomlScalars.parse(text.substring(start, pos), this, start);
    }

    private List<Object> array() {
        int at = pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipBlankLines();
            if (peek() == ']') {
                break;
            }
            if (peek() == EOF) {
                throw error(at, "unterminated array");
            }
            items.add(value());
            skipBlankLines();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ']') {
                throw error(pos, "expected ',' or ']' in the array, found " + describe(peek()));
            }
        }
        pos++;
        return Collections.unmodifiableList(items);
    }

    private Map<String, Object> inlineTable() {
        int at = pos++;
        Map<String, Object> table = new LinkedHashMap<>();
        skipSpace();
        while (peek() != '}') {
            keyValue(table);
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
                if (peek() == '}') {
                    throw error(pos, "a trailing comma is not allowed in an inline table");
                }
            } else if (peek() != '}') {
                String found = describe(peek());
                throw error(peek() == EOF ? at : pos, "expected ',' or '}' in the inline table, found " + found);
            }
        }
        pos++;
        tables.closeInline(table);
        return table;
    }

    /** A basic ({@code "..."}) or literal ({@code '...'}) string on one line. */
    private String singleLineString() {
        int start = pos;
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        for (int c = peek(); c != quote; c = peek()) {
            if (c == EOF || c == '\n') {
                throw error(start, "unterminated string");
            }
            if (c == '\\' && quote == '"') {
                escape(out);
            } else {
                checkNotControl(c);
                out.append((char) c);
                pos++;
            }
        }
        pos++;
        return out.toString();
    }

    /** A {@code """..."""} or {@code '''...'''} string; a newline right after the opening delimiter is dropped. */
    private String multiLineString() {
        int start = pos;
        char quote = text.charAt(pos);
        String delimiter = text.substring(pos, pos + 3);
        pos += 3;
        newline();
        StringBuilder out = new StringBuilder();
        while (true) {
            int c = peek();
            if (c == EOF) {
                throw error(start, "unterminated string");
            } else if (c == quote && text.startsWith(delimiter, pos)) {
                int run = 3;
                while (run < 5 && pos + run < text.length() && text.charAt(pos + run) == quote) {
                    run++;
                }
                out.append(String.valueOf(quote).repeat(run - 3));
                pos += run;
                return out.toString();
            } else if (c == '\\' && quote == '"') {
                if (!lineEndingBackslash()) {
                    escape(out);
                }
            } else if (newline()) {
                out.append('\n');
            } else {
                checkNotControl(c);
                out.append((char) c);
                pos++;
            }
        }
    }

    /** A backslash last on its line joins the next non-blank text, dropping the whitespace and newlines between. */
    private boolean lineEndingBackslash() {
        int save = pos++;
        skipSpace();
        if (!newline()) {
            pos = save;
            return false;
        }
        do {
            skipSpace();
        } while (newline());
        return true;
    }

    private void escape(StringBuilder out) {
        int at = pos;
        pos++;
        int c = peek();
        pos++;
        switch (c) {
            case 'b' -> out.append('\b');
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'f' -> out.append('\f');
            case 'r' -> out.append('\r');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'u' -> out.appendCodePoint(unicodeEscape(4, at));
            case 'U' -> out.appendCodePoint(unicodeEscape(8, at));
            default -> throw error(at, "invalid escape sequence: backslash followed by " + describe(c));
        }
    }

    private int unicodeEscape(int digits, int at) {
        long code = 0;
        for (int i = 0; i < digits; i++) {
            int d = pos < text.length() && text.charAt(pos) < 128 ? Character.digit(text.charAt(pos), 16) : -1;
            if (d < 0) {
                throw error(at, "a \\" + (digits == 4 ? 'u' : 'U') + " escape needs " + digits + " hex digits");
            }
            code = code * 16 + d;
            pos++;
        }
        if (code > Character.MAX_CODE_POINT || (code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE)) {
            throw error(at, "escape \\" + text.substring(at + 1, pos) + " is not a Unicode scalar value");
        }
        return (int) code;
    }

    private void checkNotControl(int c) {
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            throw error(pos, "control character " + describe(c) + " is not allowed here");
        }
    }

    private void expect(String token, String where) {
        if (!text.startsWith(token, pos)) {
            throw error(pos, "expected '" + token + "' " + where + ", found " + describe(peek()));
        }
        pos += token.length();
    }

    /** Consumes one LF or CRLF, if there is one. */
    private boolean newline() {
        int n = peek() == '\n' ? 1 : text.startsWith("\r\n", pos) ? 2 : 0;
        pos += n;
        return n > 0;
    }

    private void skipSpace() {
        while (peek() == ' ' || peek() == '\t') {
            pos++;
        }
    }

    /** Whitespace, newlines and comments, as allowed between array elements. */
    private void skipBlankLines() {
        do {
            skipSpace();
            if (peek() == '#') {
                comment();
            }
        } while (newline());
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : EOF;
    }

    KilnException error(int offset, String what) {
        return TomlDocument.error(source, text, offset, what);
    }

    private static String describe(int c) {
        if (c == EOF) {
            return "the end of the file";
        } else if (c == '\n') {
            return "a newline";
        }
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("U+%04X", c);
    }

    /** Characters of numbers, booleans, inf and nan, and of the dates this reader rejects. */
    private static boolean isScalarChar(int c) {
        return isBareKeyChar(c) || c == '+' || c == '.' || c == ':';
    }

    private static boolean isBareKeyChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
