package dev.kiln.cli.config;

import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<List<String>, Integer> keyOffsets = new HashMap<>();
    /** Inline tables: complete as written, nothing may be added to them later. */
    private final Set<Object> inlineTables = identitySet();
    /** Tables a header or a dotted key defined: no header may define them again. */
    private final Set<Object> defined = identitySet();
    /**
     * Tables dotted keys defined: more dotted keys may extend them. Only keys of the same section can reach them, as
     * their section's table cannot be opened again.
     */
    private final Set<Object> dottedTables = identitySet();
    /** Arrays that {@code [[header]]}s built, as opposed to array values, which are complete as written. */
    private final Set<Object> tableArrays = identitySet();

    private TomlReader(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** Parses {@code text}; {@code source} names it in error messages. */
    static TomlDocument read(String source, String text) {
        TomlReader reader = new TomlReader(source, text);
        reader.document();
        return new TomlDocument(source, text, reader.root, reader.keyOffsets);
    }

    private void document() {
        pos = text.startsWith("\uFEFF") ? 1 : 0;
        Map<String, Object> table = root;
        List<String> tablePath = List.of();
        while (peek() != EOF) {
            skipSpace();
            int at = pos;
            int c = peek();
            if (c == '[') {
                tablePath = header();
                table = text.startsWith("[[", at) ? appendTable(tablePath, at) : defineTable(tablePath, at);
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
        for (int c = peek(); c != '\n' && c != EOF && !text.startsWith("\r\n", pos); c = peek()) {
            checkNotControl(c);
            pos++;
        }
    }

    /** Reads {@code [a.b]} or {@code [[a.b]]} and returns the key path. */
    private List<String> header() {
        boolean array = text.startsWith("[[", pos);
        pos += array ? 2 : 1;
        skipSpace();
        List<String> keys = key();
        skipSpace();
        expect(array ? "]]" : "]", "to close the table header");
        return keys;
    }

    private Map<String, Object> defineTable(List<String> path, int at) {
        Map<String, Object> parent = parentTable(path, at);
        Object existing = parent.get(path.getLast());
        if (existing == null) {
            Map<String, Object> table = new LinkedHashMap<>();
            parent.put(path.getLast(), table);
            defined.add(table);
            return table;
        }
        if (existing instanceof Map<?, ?> && !defined.contains(existing) && !inlineTables.contains(existing)) {
            defined.add(existing);
            return asTable(existing);
        }
        throw error(at, "table " + TomlDocument.dotted(path) + " is already defined");
    }

    private Map<String, Object> appendTable(List<String> path, int at) {
        Map<String, Object> parent = parentTable(path, at);
        Object existing = parent.get(path.getLast());
        if (existing == null) {
            existing = new ArrayList<>();
            parent.put(path.getLast(), existing);
            tableArrays.add(existing);
        } else if (!tableArrays.contains(existing)) {
            throw error(at, TomlDocument.dotted(path) + " is already defined and is not an array of tables");
        }
        Map<String, Object> table = new LinkedHashMap<>();
        defined.add(table);
        asList(existing).add(table);
        return table;
    }

    /** Walks a header's path to the table that will hold its last key, creating tables on the way. */
    private Map<String, Object> parentTable(List<String> path, int at) {
        Map<String, Object> table = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object child = table.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
            if (tableArrays.contains(child)) {
                child = asList(child).getLast();
            }
            if (!(child instanceof Map<?, ?>) || inlineTables.contains(child)) {
                throw error(at, "key " + TomlDocument.dotted(path.subList(0, i + 1)) + " is already defined");
            }
            table = asTable(child);
        }
        return table;
    }

    /** Reads {@code key = value} into {@code table} and returns the key path. */
    private List<String> keyValue(Map<String, Object> table) {
        int at = pos;
        List<String> keys = key();
        skipSpace();
        expect("=", "after the key");
        skipSpace();
        Object value = value();
        Map<String, Object> target = table;
        for (int i = 0; i < keys.size() - 1; i++) {
            target = dottedTable(target, keys.subList(0, i + 1), at);
        }
        if (target.putIfAbsent(keys.getLast(), value) != null) {
            throw error(at, "key " + TomlDocument.dotted(keys) + " is already defined");
        }
        return keys;
    }

    private Map<String, Object> dottedTable(Map<String, Object> parent, List<String> keys, int at) {
        Object child = parent.get(keys.getLast());
        if (child == null) {
            Map<String, Object> table = new LinkedHashMap<>();
            parent.put(keys.getLast(), table);
            defined.add(table);
            dottedTables.add(table);
            return table;
        }
        boolean extensible = child instanceof Map<?, ?> && !inlineTables.contains(child)
                && (!defined.contains(child) || dottedTables.contains(child));
        if (!extensible) {
            throw error(at, "key " + TomlDocument.dotted(keys) + " is already defined");
        }
        return asTable(child);
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
                throw error(peek() == EOF ? at : pos, "expected ',' or '}' in the inline table, found " + describe(peek()));
            }
        }
        pos++;
        inlineTables.add(table);
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

    /** A {@code """..."""} or {@code '''...'''} string; a newline right after the opening delimiter is not part of it. */
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
            } else if (text.startsWith(delimiter, pos)) {
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

    static String describe(int c) {
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asTable(Object table) {
        return (Map<String, Object>) table;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object list) {
        return (List<Object>) list;
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
