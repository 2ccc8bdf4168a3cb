package dev.kiln.frontend.dockerfile.shell;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Arrays;

import static dev.kiln.frontend.dockerfile.shell.GoText.EOF;

/**
 * A shell wildcard pattern as used by {@code ${VAR#p}}, {@code ${VAR%p}} and {@code ${VAR/p/r}}: {@code ?} is one
 * character, {@code *} any run of characters, {@code \} escapes {@code * ? \}; there are no bracket expressions.
 * Upstream turns it into a Go regexp, so wildcards never match a newline and the leftmost match wins, with the
 * stars preferring the longest (greedy) or shortest run. We match with a table instead of backtracking so that
 * no pattern can take exponential time.
 */
final class ShellPattern {
    private static final int ANY = -2;
    private static final int STAR = -3;
    /** Table cells (pattern elements x value length) we accept; only absurd inputs come near it. */
    private static final long MAX_CELLS = 1L << 26;

    private final int[] elements;
    private final boolean greedy;

    private ShellPattern(int[] elements, boolean greedy) {
        this.elements = elements;
        this.greedy = greedy;
    }

    static ShellPattern compile(String pattern, boolean greedy) {
        RuneScanner in = new RuneScanner(pattern);
        int[] out = new int[pattern.length()];
        int n = 0;
        for (int tok = in.next(); tok != EOF; tok = in.next()) {
            switch (tok) {
                case '*' -> out[n++] = STAR;
                case '?' -> out[n++] = ANY;
                case '\\' -> {
                    // "\}" and "\/" only protect the ${} syntax; the backslash is not part of the pattern.
                    if (in.peek() == '}' || in.peek() == '/') {
                        continue;
                    }
                    int escaped = in.next();
                    if (escaped != '*' && escaped != '?' && escaped != '\\') {
                        throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid pattern (" + pattern
                                + ") in substitution: invalid escape '\\" + GoText.runeString(escaped) + "'");
                    }
                    out[n++] = escaped;
                }
                default -> out[n++] = tok;
            }
        }
        return new ShellPattern(Arrays.copyOf(out, n), greedy);
    }

    /** Prepares matching against one value. */
    Search over(int[] text) {
        if ((long) (elements.length + 1) * (text.length + 1) > MAX_CELLS) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "pattern of " + elements.length + " characters is too large to match a value of " + text.length);
        }
        return new Search(text);
    }

    /** Matching state for one value: {@code tail[p][t]} says whether elements p.. match some text starting at t. */
    final class Search {
        private final int[] text;
        private final boolean[][] tail;

        private Search(int[] text) {
            this.text = text;
            int m = elements.length;
            int n = text.length;
            tail = new boolean[m + 1][n + 1];
            Arrays.fill(tail[m], true);
            for (int p = m - 1; p >= 0; p--) {
                for (int t = n; t >= 0; t--) {
                    tail[p][t] = elements[p] == STAR
                            ? tail[p + 1][t] || (t < n && text[t] != '\n' && tail[p][t + 1])
                            : t < n && accepts(elements[p], text[t]) && tail[p + 1][t + 1];
                }
            }
        }

        /** End of the match anchored at the start of the value, or -1. */
        int prefixEnd() {
            return tail[0][0] ? end(0) : -1;
        }

        /** {start, end} of the leftmost match starting at or after {@code from}, or null. */
        int[] find(int from) {
            for (int s = from; s <= text.length; s++) {
                if (tail[0][s]) {
                    return new int[] {s, end(s)};
                }
            }
            return null;
        }

        /** Where a match starting at {@code start} ends, giving each star its preferred run in order. */
        private int end(int start) {
            int t = start;
            for (int p = 0; p < elements.length; p++) {
                t = elements[p] == STAR ? starEnd(p, t) : t + 1;
            }
            return t;
        }

        private int starEnd(int p, int from) {
            int lineEnd = from;
            while (lineEnd < text.length && text[lineEnd] != '\n') {
                lineEnd++;
            }
            if (greedy) {
                for (int t = lineEnd; t > from; t--) {
                    if (tail[p + 1][t]) {
                        return t;
                    }
                }
                return from;
            }
            for (int t = from; t < lineEnd; t++) {
                if (tail[p + 1][t]) {
                    return t;
                }
            }
            return lineEnd;
        }
    }

    private static boolean accepts(int element, int ch) {
        return element == ANY ? ch != '\n' : element == ch;
    }
}
