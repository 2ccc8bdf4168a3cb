package dev.kiln.core.pattern;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One cleaned {@code .dockerignore} pattern, compiled once. Like upstream, plain patterns compare strings,
 * {@code dir/**} and {@code **}{@code /x} use prefix and suffix tests, and everything else becomes a regular
 * expression where {@code *} and {@code ?} stop at {@code /} and {@code **} spans directories.
 */
public final class PathPattern {
    static final String BAD_PATTERN = "syntax error in pattern";

    enum MatchType { EXACT, PREFIX, SUFFIX, REGEXP }

    private final String text;
    private final boolean exclusion;
    private final List<String> segments;
    private final MatchType type;
    private final String goRegex;
    private final Optional<Pattern> regex;

    PathPattern(String cleaned, boolean exclusion) {
        this.text = cleaned;
        this.exclusion = exclusion;
        this.segments = List.of(cleaned.split("/", -1));
        RegexBuilder built = new RegexBuilder(cleaned);
        this.type = built.type;
        this.goRegex = type == MatchType.REGEXP ? built.regex.append('$').toString() : null;
        this.regex = goRegex == null ? Optional.empty() : GoRegex.compile(goRegex);
    }

    /** The cleaned pattern, without the {@code !}. */
    public String text() {
        return text;
    }

    /** Whether this is a {@code !} pattern, which re-includes what earlier patterns matched. */
    public boolean exclusion() {
        return exclusion;
    }

    @Override
    public String toString() {
        return exclusion ? "!" + text : text;
    }

    List<String> segments() {
        return segments;
    }

    MatchType type() {
        return type;
    }

    /** The Go regular expression upstream would compile (null unless the type is REGEXP). */
    String goRegex() {
        return goRegex;
    }

    /** Whether the slash-separated {@code path} matches; a pattern Go's regexp rejects fails here, as upstream. */
    boolean matches(String path) {
        return switch (type) {
            case EXACT -> path.equals(text);
            case PREFIX -> path.startsWith(text.substring(0, text.length() - 2));
            case SUFFIX -> {
                String suffix = text.substring(2);
                yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
            }
            case REGEXP -> regex.orElseThrow(() -> new KilnException(ErrorKind.INVALID_ARGUMENT, BAD_PATTERN))
                    .matcher(path).find();
        };
    }

    /** Upstream's pattern-to-regexp conversion, which also decides the match type. */
    private static final class RegexBuilder {
        private final StringBuilder regex = new StringBuilder("^");
        private MatchType type = MatchType.EXACT;

        RegexBuilder(String pattern) {
            int[] cps = pattern.codePoints().toArray();
            for (int i = 0, iteration = 0; i < cps.length; iteration++) {
                int ch = cps[i++];
                if (ch == '*' && i < cps.length && cps[i] == '*') {
                    i = doubleStar(cps, i + 1, iteration == 0);
                } else if (ch == '*') {
                    regex.append("[^/]*");
                    type = MatchType.REGEXP;
                } else if (ch == '?') {
                    regex.append("[^/]");
                    type = MatchType.REGEXP;
                } else if (".+()|{}$".indexOf(ch) >= 0) {
                    regex.append('\\').appendCodePoint(ch);
                } else if (ch == '\\') {
                    regex.append('\\');
                    if (i < cps.length) {
                        regex.appendCodePoint(cps[i++]);
                        type = MatchType.REGEXP;
                    }
                } else {
                    regex.appendCodePoint(ch);
                    if (ch == '[' || ch == ']') {
                        type = MatchType.REGEXP;
                    }
                }
            }
        }

        /** A {@code **} (with {@code i} past it): any number of directories, or everything when it ends the pattern. */
        private int doubleStar(int[] cps, int i, boolean atStart) {
            if (i < cps.length && cps[i] == '/') {
                i++;
            }
            if (i < cps.length) {
                regex.append("(.*/)?");
                type = MatchType.REGEXP;
            } else if (type == MatchType.EXACT) {
                type = MatchType.PREFIX;
            } else {
                regex.append(".*");
                type = MatchType.REGEXP;
            }
            if (atStart) {
                type = MatchType.SUFFIX;
            }
            return i;
        }
    }
}
