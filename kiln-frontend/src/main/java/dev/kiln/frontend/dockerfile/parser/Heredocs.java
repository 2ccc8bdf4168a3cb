package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Here-document markers ({@code <<EOF}, {@code <<-'EOF'}, {@code 3<<EOF}) and {@code <<-} tab stripping. */
public final class Heredocs {
    // Possessive quantifiers: same matches as Go's ^(\d*)<<(-?)\s*([^<]*)$ without backtracking blow-up.
    private static final Pattern MARKER = Pattern.compile("^([0-9]*+)<<(-?)[\\t\\n\\f\\r ]*+([^<]*+)$", Pattern.DOTALL);
    private static final Pattern LEADING_TABS = Pattern.compile("^\\t+", Pattern.MULTILINE | Pattern.UNIX_LINES);

    private Heredocs() {
    }

    /**
     * Parses one word as a heredoc marker (BuildKit's {@code ParseHeredoc}). Empty when the word is not a
     * marker; throws INVALID_ARGUMENT (without location) when the delimiter's quotes are unbalanced.
     */
    public static Optional<Heredoc> parseWord(String word) {
        Matcher m = MARKER.matcher(word);
        if (!m.matches() || m.group(3).isEmpty()) {
            return Optional.empty();
        }
        String rest = m.group(3);
        try {
            List<String> plain = HeredocLexer.words(rest, false, false);
            if (plain.size() != 1) {
                return Optional.empty();
            }
            List<String> raw = HeredocLexer.words(rest, true, false);
            if (raw.size() != plain.size()) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                        "internal lexing of heredoc produced inconsistent results: " + rest);
            }
            String name = plain.getFirst();
            boolean expand = quoteCount(name) == quoteCount(raw.getFirst());
            return Optional.of(new Heredoc(name, "", expand, m.group(2).equals("-"), fileDescriptor(m.group(1))));
        } catch (HeredocLexer.LexException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, e.getMessage());
        }
    }

    /** Like {@link #parseWord} but a malformed marker counts as no marker (BuildKit's {@code MustParseHeredoc}). */
    public static Optional<Heredoc> parseWordLenient(String word) {
        try {
            return parseWord(word);
        } catch (KilnException malformed) {
            return Optional.empty();
        }
    }

    /** All heredoc markers of an instruction line in order; a line the lexer rejects has none. */
    public static List<Heredoc> fromLine(String line) {
        List<String> words;
        try {
            words = HeredocLexer.words(line, true, true);
        } catch (HeredocLexer.LexException unlexable) {
            return List.of();
        }
        List<Heredoc> docs = new ArrayList<>();
        for (String word : words) {
            parseWord(word).ifPresent(docs::add);
        }
        return docs;
    }

    /** Removes the leading tabs of every line, as {@code <<-} requires. */
    public static String chomp(String content) {
        return LEADING_TABS.matcher(content).replaceAll("");
    }

    private static int quoteCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    /** Go's {@code strconv.ParseUint(digits, 10, 0)} with the error ignored: empty is 0, overflow is max. */
    private static long fileDescriptor(String digits) {
        if (digits.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException overflow) {
            return -1L;
        }
    }
}
