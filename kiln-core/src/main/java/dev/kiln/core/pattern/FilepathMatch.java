package dev.kiln.core.pattern;

/**
 * Go's {@code path/filepath.Match} on slash paths (Unix flavour): {@code *} and {@code ?} never match
 * {@code /}, {@code [a-z]} and {@code [^a-z]} are character classes, {@code \} escapes. A malformed
 * pattern matches nothing (BuildKit ignores the error when resolving wildcards); {@link #isValid} is
 * the syntax check upstream's pattern matcher runs on every {@code .dockerignore} pattern.
 */
public final class FilepathMatch {
    private FilepathMatch() {
    }

    public static boolean matches(String pattern, String name) {
        try {
            return match(pattern.codePoints().toArray(), name.codePoints().toArray());
        } catch (BadPattern e) {
            return false;
        }
    }

    /**
     * Whether {@code pattern} is well formed: {@code \} must escape something, and {@code [...]} must be a
     * closed, non-empty class whose ranges have both ends and do not start with {@code -} or {@code ]}.
     * Every chunk is checked, as Go does for the rest of a pattern once a match has failed.
     */
    static boolean isValid(String pattern) {
        int[] p = pattern.codePoints().toArray();
        int[] nothing = {};
        int start = 0;
        while (start < p.length) {
            while (start < p.length && p[start] == '*') {
                start++;
            }
            int end = chunkEnd(p, start);
            try {
                matchChunk(p, start, end, nothing, 0);
            } catch (BadPattern e) {
                return false;
            }
            start = end;
        }
        return true;
    }

    /** Whether {@code name} has a wildcard character ({@code * ? [}) that is not escaped. */
    public static boolean containsWildcards(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static final class BadPattern extends Exception {
        BadPattern() {
            super(null, null, false, false);
        }
    }

    private static boolean match(int[] pattern, int[] name) throws BadPattern {
        int p = 0;
        int n = 0;
        outer:
        while (p < pattern.length) {
            boolean star = false;
            while (p < pattern.length && pattern[p] == '*') {
                star = true;
                p++;
            }
            int chunkEnd = chunkEnd(pattern, p);
            if (star && chunkEnd == p) {
                return indexOf(name, n, '/') < 0;
            }
            int rest = matchChunk(pattern, p, chunkEnd, name, n);
            if (rest >= 0 && (rest == name.length || chunkEnd < pattern.length)) {
                n = rest;
                p = chunkEnd;
                continue;
            }
            if (star) {
                for (int i = n; i < name.length && name[i] != '/'; i++) {
                    int t = matchChunk(pattern, p, chunkEnd, name, i + 1);
                    if (t >= 0) {
                        if (chunkEnd == pattern.length && t < name.length) {
                            continue;
                        }
                        n = t;
                        p = chunkEnd;
                        continue outer;
                    }
                }
            }
            return false;
        }
        return n == name.length;
    }

    private static int chunkEnd(int[] pattern, int start) {
        boolean inRange = false;
        int i = start;
        for (; i < pattern.length; i++) {
            switch (pattern[i]) {
                case '\\' -> {
                    if (i + 1 < pattern.length) {
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
                default -> { }
            }
        }
        return i;
    }

    /** Matches one chunk at name[n..]; returns the index after the match or -1. */
    private static int matchChunk(int[] pattern, int p, int end, int[] name, int n) throws BadPattern {
        boolean failed = false;
        while (p < end) {
            if (!failed && n >= name.length) {
                failed = true;
            }
            switch (pattern[p]) {
                case '[' -> {
                    int r = failed ? -1 : name[n++];
                    p++;
                    boolean negated = p < end && pattern[p] == '^';
                    if (negated) {
                        p++;
                    }
                    boolean matched = false;
                    int ranges = 0;
                    while (true) {
                        if (p < end && pattern[p] == ']' && ranges > 0) {
                            p++;
                            break;
                        }
                        int[] lo = escaped(pattern, p, end);
                        int[] hi = lo;
                        p = lo[1];
                        if (pattern[p] == '-') {
                            hi = escaped(pattern, p + 1, end);
                            p = hi[1];
                        }
                        if (lo[0] <= r && r <= hi[0]) {
                            matched = true;
                        }
                        ranges++;
                    }
                    if (matched == negated) {
                        failed = true;
                    }
                }
                case '?' -> {
                    if (!failed) {
                        failed = name[n] == '/';
                        n++;
                    }
                    p++;
                }
                case '\\' -> {
                    p++;
                    if (p >= end) {
                        throw new BadPattern();
                    }
                    failed = literal(pattern[p], failed, name, n);
                    n = failed ? n : n + 1;
                    p++;
                }
                default -> {
                    failed = literal(pattern[p], failed, name, n);
                    n = failed ? n : n + 1;
                    p++;
                }
            }
        }
        return failed ? -1 : n;
    }

    private static boolean literal(int c, boolean failed, int[] name, int n) {
        return failed || name[n] != c;
    }

    /** One possibly escaped character of a class: {value, next index}. */
    private static int[] escaped(int[] pattern, int p, int end) throws BadPattern {
        if (p >= end || pattern[p] == '-' || pattern[p] == ']') {
            throw new BadPattern();
        }
        if (pattern[p] == '\\') {
            p++;
            if (p >= end) {
                throw new BadPattern();
            }
        }
        if (p + 1 >= end) {
            throw new BadPattern();
        }
        return new int[] {pattern[p], p + 1};
    }

    private static int indexOf(int[] a, int from, int c) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
