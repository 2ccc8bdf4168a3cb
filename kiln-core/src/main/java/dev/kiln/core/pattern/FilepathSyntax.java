package dev.kiln.core.pattern;

/**
 * The syntax check of Go's {@code filepath.Match} (Unix flavour), which upstream runs on every pattern when the
 * matcher is built: {@code \} must escape something, and {@code [...]} must be a closed, non-empty class whose
 * ranges have both ends and do not start with {@code -} or {@code ]}. Matching "." visits every chunk of the
 * pattern, so checking every chunk is equivalent.
 */
final class FilepathSyntax {
    private FilepathSyntax() {
    }

    static boolean isValid(String pattern) {
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            while (i < n && pattern.charAt(i) == '*') {
                i++;
            }
            int end = chunkEnd(pattern, i);
            if (!isValidChunk(pattern.substring(i, end))) {
                return false;
            }
            i = end;
        }
        return true;
    }

    /** Where the chunk starting at {@code from} ends: at the next {@code *} outside a class (Go's scanChunk). */
    private static int chunkEnd(String p, int from) {
        boolean inRange = false;
        int i = from;
        for (; i < p.length(); i++) {
            switch (p.charAt(i)) {
                case '\\' -> {
                    if (i + 1 < p.length()) {
                        i++;
                    }
                }
                case '[' -> inRange = true;
                case ']' -> inRange = false;
                case '*' -> {
                    if (!inRange) {
                        return i;
                    }
                }
                default -> {
                }
            }
        }
        return i;
    }

    private static boolean isValidChunk(String chunk) {
        int i = 0;
        while (i < chunk.length()) {
            char c = chunk.charAt(i);
            if (c == '[') {
                i = classEnd(chunk, i + 1);
                if (i < 0) {
                    return false;
                }
            } else if (c == '\\') {
                if (i + 1 >= chunk.length()) {
                    return false;
                }
                i += 1 + Character.charCount(chunk.codePointAt(i + 1));
            } else {
                i++;
            }
        }
        return true;
    }

    /** Index just past the class whose body starts at {@code i}, or -1 if the class is malformed. */
    private static int classEnd(String chunk, int i) {
        if (i < chunk.length() && chunk.charAt(i) == '^') {
            i++;
        }
        for (int ranges = 0; ; ranges++) {
            if (i < chunk.length() && chunk.charAt(i) == ']' && ranges > 0) {
                return i + 1;
            }
            i = rangeEnd(chunk, i);
            if (i < 0) {
                return -1;
            }
            if (chunk.charAt(i) == '-') {
                i = rangeEnd(chunk, i + 1);
                if (i < 0) {
                    return -1;
                }
            }
        }
    }

    /** Index past one (possibly escaped) class character, or -1; like Go's getEsc, something must follow it. */
    private static int rangeEnd(String chunk, int i) {
        if (i >= chunk.length() || chunk.charAt(i) == '-' || chunk.charAt(i) == ']') {
            return -1;
        }
        if (chunk.charAt(i) == '\\') {
            i++;
            if (i >= chunk.length()) {
                return -1;
            }
        }
        i += Character.charCount(chunk.codePointAt(i));
        return i < chunk.length() ? i : -1;
    }
}
