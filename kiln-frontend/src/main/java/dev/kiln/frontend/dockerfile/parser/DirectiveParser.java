package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Line-by-line recogniser of parser directives. Directives must come first: the first line that is not a
 * known directive ends the block for good. Each directive may appear once.
 */
final class DirectiveParser {
    static final Set<String> KNOWN = Set.of("syntax", "escape", "check");

    /** A recognised directive and the 1-based line it was on. */
    record Found(String name, String value, int line) {
    }

    private final String commentPrefix;
    private final Set<String> seen = new HashSet<>();
    private int line;
    private boolean done;

    DirectiveParser(String commentPrefix, int linesBefore) {
        this.commentPrefix = commentPrefix;
        this.line = linesBefore;
    }

    /** Feeds the next physical line (without its newline). Throws on a repeated directive. */
    Optional<Found> parseLine(String text) {
        line++;
        if (done) {
            return Optional.empty();
        }
        if (!text.startsWith(commentPrefix)) {
            done = true;
            return Optional.empty();
        }
        Optional<String[]> match = match(GoText.trimLeftSpace(text.substring(commentPrefix.length())));
        if (match.isEmpty()) {
            done = true;
            return Optional.empty();
        }
        String name = match.get()[0].toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(name)) {
            done = true;
            return Optional.empty();
        }
        if (!seen.add(name)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "only one " + name + " parser directive can be used");
        }
        return Optional.of(new Found(name, match.get()[1], line));
    }

    /**
     * Name and value of {@code name = value}, as Go's {@code ^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} matches
     * (where {@code \s} is {@code [\t\n\f\r ]}), written out to avoid regex backtracking on long lines.
     */
    private static Optional<String[]> match(String text) {
        int i = 0;
        if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
            return Optional.empty();
        }
        while (i < text.length() && (isAsciiLetter(text.charAt(i)) || isAsciiDigit(text.charAt(i)))) {
            i++;
        }
        String name = text.substring(0, i);
        i = skipBlanks(text, i);
        if (i == text.length() || text.charAt(i) != '=') {
            return Optional.empty();
        }
        int valueStart = skipBlanks(text, i + 1);
        int end = text.length();
        while (end > valueStart && isBlank(text.charAt(end - 1))) {
            end--;
        }
        if (end > valueStart) {
            return Optional.of(new String[] {name, text.substring(valueStart, end)});
        }
        // only blanks after '=': the lazy group must still take one character, the last blank
        return valueStart > i + 1 ? Optional.of(new String[] {name, text.substring(text.length() - 1)})
                : Optional.empty();
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    boolean done() {
        return done;
    }
}
