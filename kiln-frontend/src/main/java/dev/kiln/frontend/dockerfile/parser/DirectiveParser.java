package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-by-line recogniser of parser directives. Directives must come first: the first line that is not a
 * known directive ends the block for good. Each directive may appear once.
 */
final class DirectiveParser {
    static final Set<String> KNOWN = Set.of("syntax", "escape", "check");
    // Go's \s is [\t\n\f\r ] (no \v); DOTALL because Go's '.' only excludes '\n'.
    private static final Pattern DIRECTIVE = Pattern.compile(
            "^([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*$", Pattern.DOTALL);

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
        Matcher m = DIRECTIVE.matcher(GoText.trimLeftSpace(text.substring(commentPrefix.length())));
        if (!m.matches()) {
            done = true;
            return Optional.empty();
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(name)) {
            done = true;
            return Optional.empty();
        }
        if (!seen.add(name)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "only one " + name + " parser directive can be used");
        }
        return Optional.of(new Found(name, m.group(2), line));
    }

    boolean done() {
        return done;
    }
}
