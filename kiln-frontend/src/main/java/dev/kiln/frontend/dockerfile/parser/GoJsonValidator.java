package dev.kiln.frontend.dockerfile.parser;

/** Checks that a whole text is one valid JSON value, like Go's {@code json.Valid} (with its depth limit). */
final class GoJsonValidator {
    private final String s;
    private int pos;

    GoJsonValidator(String s) {
        this.s = s;
    }

    boolean valid(int maxDepth) {
        char[] stack = new char[Math.min(maxDepth, s.length()) + 1];
        int depth = 0;
        boolean expectValue = true;
        while (true) {
            skipWhitespace();
            if (expectValue) {
                char c = peek();
                if (c == '[' || c == '{') {
                    if (depth >= maxDepth || depth >= stack.length) {
                        return false;
                    }
                    stack[depth++] = c;
                    pos++;
                    skipWhitespace();
                    if (peek() == (c == '[' ? ']' : '}')) {
                        pos++;
                        depth--;
                        expectValue = false;
                    } else if (c == '{' && !memberKey()) {
                        return false;
                    }
                    continue;
                }
                if (!scalar()) {
                    return false;
                }
                expectValue = false;
                continue;
            }
            if (depth == 0) {
                return pos == s.length();
            }
            char top = stack[depth - 1];
            char c = peek();
            pos++;
            if (c == ',') {
                expectValue = true;
                if (top == '{') {
                    skipWhitespace();
                    if (!memberKey()) {
                        return false;
                    }
                }
            } else if (c == (top == '[' ? ']' : '}')) {
                depth--;
            } else {
                return false;
            }
        }
    }

    /** A member key and its colon, leaving the position before the value. */
    private boolean memberKey() {
        if (peek() != '"' || !string()) {
            return false;
        }
        skipWhitespace();
        if (peek() != ':') {
            return false;
        }
        pos++;
        return true;
    }

    private boolean scalar() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        return literal("true") || literal("false") || literal("null");
    }

    private boolean literal(String word) {
        if (s.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean string() {
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\' && !escape()) {
                return false;
            }
        }
        return false;
    }

    private boolean escape() {
        if (pos >= s.length()) {
            return false;
        }
        char e = s.charAt(pos++);
        if ("\"\\/bfnrt".indexOf(e) >= 0) {
            return true;
        }
        if (e != 'u' || pos + 4 > s.length()) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (Character.digit(s.charAt(pos + i), 16) < 0 || s.charAt(pos + i) > 'f') {
                return false;
            }
        }
        pos += 4;
        return true;
    }

    private boolean number() {
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            return digits();
        }
        return true;
    }

    private boolean digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void skipWhitespace() {
        while (pos < s.length() && GoJson.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }
}
