package dev.kiln.frontend.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The slice of Go's {@code encoding/json} the parser relies on: strict validation of a whole document (JSON
 * whitespace only around it, nesting depth at most 10000), and string decoding where invalid bytes and lone
 * surrogate escapes become U+FFFD. Iterative, so hostile nesting cannot overflow the stack.
 */
final class GoJson {
    private static final int MAX_DEPTH = 10_000;

    /** A top-level element of an array or a member of an object: its decoded text when it is a string. */
    record Element(Optional<String> key, Optional<String> string) {
    }

    private final String text;
    private int pos;

    private GoJson(String text) {
        this.text = text;
    }

    /** The elements of a top-level JSON array, or empty when the text is not valid JSON or not an array. */
    static Optional<List<Element>> arrayElements(String text) {
        return topLevel(text, '[');
    }

    /** The members of a top-level JSON object, or empty when the text is not valid JSON or not an object. */
    static Optional<List<Element>> objectMembers(String text) {
        return topLevel(text, '{');
    }

    private static Optional<List<Element>> topLevel(String text, char open) {
        GoJson json = new GoJson(text);
        if (!json.valid()) {
            return Optional.empty();
        }
        json.pos = 0;
        json.skipWhitespace();
        if (json.peek() != open) {
            return Optional.empty();
        }
        return Optional.of(json.readTopLevelElements(open == '{'));
    }

    private List<Element> readTopLevelElements(boolean object) {
        List<Element> out = new ArrayList<>();
        pos++;
        skipWhitespace();
        char close = object ? '}' : ']';
        while (peek() != close) {
            Optional<String> key = Optional.empty();
            if (object) {
                key = Optional.of(readString());
                skipWhitespace();
                pos++; // ':'
                skipWhitespace();
            }
            Optional<String> value = peek() == '"' ? Optional.of(readString()) : skipValue();
            out.add(new Element(key, value));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
            }
        }
        return out;
    }

    /** Skips a validated non-string value; always empty. */
    private Optional<String> skipValue() {
        char first = text.charAt(pos);
        if (first != '[' && first != '{') {
            while (pos < text.length() && !isEnd(text.charAt(pos))) {
                pos++;
            }
            return Optional.empty();
        }
        int depth = 0;
        do {
            char c = text.charAt(pos);
            if (c == '"') {
                readString();
                continue;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            pos++;
        } while (depth > 0);
        return Optional.empty();
    }

    private static boolean isEnd(char c) {
        return c == ',' || c == ']' || c == '}' || isWhitespace(c);
    }

    /** Decodes a validated string starting at the opening quote. */
    private String readString() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(GoText.isRawByte(c) ? '\uFFFD' : c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> appendUnicodeEscape(out);
                default -> out.append(e);
            }
        }
    }

    private void appendUnicodeEscape(StringBuilder out) {
        int r = hex4(pos);
        pos += 4;
        if (Character.isHighSurrogate((char) r) && pos + 6 <= text.length() && text.startsWith("\\u", pos)) {
            int low = hex4(pos + 2);
            if (Character.isLowSurrogate((char) low)) {
                out.append((char) r).append((char) low);
                pos += 6;
                return;
            }
        }
        out.append(Character.isSurrogate((char) r) ? '\uFFFD' : (char) r);
    }

    private int hex4(int at) {
        return Integer.parseInt(text, at, at + 4, 16);
    }

    private boolean valid() {
        return new GoJsonValidator(text).valid(MAX_DEPTH);
    }

    private void skipWhitespace() {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
