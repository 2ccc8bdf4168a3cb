package dev.kiln.frontend.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The word splitter BuildKit runs over a line to find here-document markers: its shell lexer with an empty
 * environment and unset variables kept as written ({@code SkipUnsetEnv}), escape character {@code \} whatever
 * the file's escape directive. Quotes and escapes are kept or removed depending on {@code rawQuotes} /
 * {@code rawEscapes}. {@code <<} or {@code <<-} plus the blanks after it stay glued to the following word.
 */
final class HeredocLexer {
    private static final int EOF = -1;
    private static final int ESCAPE = '\\';
    // BuildKit recurses without limit; we bound nested ${...} so hostile input cannot exhaust the stack.
    private static final int MAX_NESTING = 128;

    /** A lexing error; BuildKit's message. */
    static final class LexException extends Exception {
        LexException(String message) {
            super(message, null, false, false);
        }
    }

    private record Processed(String result, List<String> words) {
    }

    private final int[] runes;
    private final boolean rawQuotes;
    private boolean rawEscapes;
    private int pos;
    private int nesting;

    private HeredocLexer(String source, boolean rawQuotes, boolean rawEscapes) {
        // text/scanner reads invalid UTF-8 as U+FFFD
        this.runes = source.codePoints().map(GoText::goRune).toArray();
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
    }

    /** Splits {@code source} into words; throws with BuildKit's "failed to process" message on a syntax error. */
    static List<String> words(String source, boolean rawQuotes, boolean rawEscapes) throws LexException {
        HeredocLexer lexer = new HeredocLexer(source, rawQuotes, rawEscapes);
        try {
            return lexer.processStopOn(EOF, rawEscapes).words();
        } catch (LexException e) {
            throw new LexException("failed to process " + GoQuote.quote(source) + ": " + e.getMessage());
        }
    }

    private Processed processStopOn(int stopChar, boolean escapesRaw) throws LexException {
        if (++nesting > MAX_NESTING) {
            throw new LexException("syntax error: substitutions nested too deeply");
        }
        boolean saved = rawEscapes;
        rawEscapes = escapesRaw;
        try {
            return processUntil(stopChar);
        } finally {
            rawEscapes = saved;
            nesting--;
        }
    }

    private Processed processUntil(int stopChar) throws LexException {
        StringBuilder result = new StringBuilder();
        WordCollector words = new WordCollector();
        while (peek() != EOF) {
            int ch = peek();
            if (stopChar != EOF && ch == stopChar) {
                next();
                return new Processed(result.toString(), words.finish());
            }
            if (ch == '$' || ch == '\'' || ch == '"' || ch == '<') {
                String text = special(ch);
                result.append(text);
                if (ch == '$') {
                    words.addString(text);
                } else {
                    words.addRawString(text);
                }
                continue;
            }
            ch = next();
            if (ch == ESCAPE) {
                if (rawEscapes) {
                    words.addRawChar(ch);
                    result.appendCodePoint(ch);
                }
                ch = next();
                if (ch == EOF) {
                    break;
                }
                words.addRawChar(ch);
            } else {
                words.addChar(ch);
            }
            result.appendCodePoint(ch);
        }
        if (stopChar != EOF) {
            throw new LexException("unexpected end of statement while looking for matching "
                    + new String(Character.toChars(stopChar)));
        }
        return new Processed(result.toString(), words.finish());
    }

    private String special(int ch) throws LexException {
        return switch (ch) {
            case '$' -> processDollar();
            case '\'' -> processSingleQuote();
            case '"' -> processDoubleQuote();
            default -> processPossibleHeredoc();
        };
    }

    private String processSingleQuote() throws LexException {
        StringBuilder result = new StringBuilder();
        appendIf(rawQuotes, result, next());
        while (true) {
            int ch = next();
            if (ch == EOF) {
                throw new LexException("unexpected end of statement while looking for matching single-quote");
            }
            if (ch == '\'') {
                appendIf(rawQuotes, result, ch);
                return result.toString();
            }
            result.appendCodePoint(ch);
        }
    }

    private String processDoubleQuote() throws LexException {
        StringBuilder result = new StringBuilder();
        appendIf(rawQuotes, result, next());
        while (true) {
            int peeked = peek();
            if (peeked == EOF) {
                throw new LexException("unexpected end of statement while looking for matching double-quote");
            }
            if (peeked == '"') {
                appendIf(rawQuotes, result, next());
                return result.toString();
            }
            if (peeked == '$') {
                result.append(processDollar());
                continue;
            }
            int ch = next();
            if (ch == ESCAPE) {
                appendIf(rawEscapes, result, ch);
                int after = peek();
                if (after == EOF) {
                    continue;
                }
                if (after == '"' || after == '$' || after == ESCAPE) {
                    ch = next();
                }
            }
            result.appendCodePoint(ch);
        }
    }

    private String processPossibleHeredoc() {
        next();
        if (peek() != '<') {
            return "<";
        }
        next();
        StringBuilder marker = new StringBuilder("<<");
        if (peek() == '-') {
            marker.appendCodePoint(next());
        }
        while (peek() == ' ' || peek() == '\t') {
            marker.appendCodePoint(next());
        }
        return marker.toString();
    }

    /** {@code $name} / {@code ${...}} with every variable unset: returned as written, modifiers validated. */
    private String processDollar() throws LexException {
        next();
        if (peek() != '{') {
            String name = processName();
            return name.isEmpty() ? "$" : "$" + name;
        }
        next();
        int first = peek();
        if (first == EOF) {
            throw new LexException("syntax error: missing '}'");
        }
        if (first == '{' || first == '}' || first == ':') {
            throw new LexException("syntax error: bad substitution");
        }
        String name = processName();
        int ch = next();
        String modifier = runeString(ch);
        switch (ch) {
            case '}':
                return "${" + name + "}";
            case ':':
                ch = next();
                modifier += runeString(ch);
                return "${" + name + modifier + modifierWord(ch) + "}";
            case '+', '-', '?', '#', '%':
                return "${" + name + modifier + modifierWord(ch) + "}";
            case '/':
                return substitution(name);
            default:
                throw new LexException("unsupported modifier (" + modifier + ") in substitution");
        }
    }

    private String modifierWord(int ch) throws LexException {
        try {
            return processStopOn('}', ch == '#' || ch == '%').result();
        } catch (LexException e) {
            throw peek() == EOF ? new LexException("syntax error: missing '}'") : e;
        }
    }

    private String substitution(String name) throws LexException {
        if (peek() == '/') {
            next();
        }
        String pattern;
        try {
            pattern = processStopOn('/', true).result();
        } catch (LexException e) {
            throw peek() == EOF ? new LexException("syntax error: missing '/' in ${}") : e;
        }
        String replacement;
        try {
            replacement = processStopOn('}', true).result();
        } catch (LexException e) {
            throw peek() == EOF ? new LexException("syntax error: missing '}'") : e;
        }
        return "${" + name + "/" + pattern + "/" + replacement + "}";
    }

    private String processName() {
        StringBuilder name = new StringBuilder();
        while (peek() != EOF) {
            int ch = peek();
            if (name.isEmpty() && Character.isDigit(ch)) {
                while (peek() != EOF && Character.isDigit(peek())) {
                    name.appendCodePoint(next());
                }
                return name.toString();
            }
            if (name.isEmpty() && "@*#?-$!0".indexOf(ch) >= 0) {
                return runeString(next());
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            name.appendCodePoint(next());
        }
        return name.toString();
    }

    /** Go's {@code string(rune)}: EOF (-1) becomes U+FFFD. */
    private static String runeString(int ch) {
        return ch < 0 ? "\uFFFD" : new String(Character.toChars(ch));
    }

    private static void appendIf(boolean condition, StringBuilder out, int ch) {
        if (condition && ch >= 0) {
            out.appendCodePoint(ch);
        }
    }

    private int peek() {
        return pos < runes.length ? runes[pos] : EOF;
    }

    private int next() {
        return pos < runes.length ? runes[pos++] : EOF;
    }

    /** Accumulates words, splitting on Go whitespace outside quoted / raw text. */
    private static final class WordCollector {
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;

        void addChar(int ch) {
            if (GoText.isSpace(ch)) {
                if (inWord && !word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                addRawChar(ch);
            }
        }

        void addRawChar(int ch) {
            word.appendCodePoint(ch);
            inWord = true;
        }

        void addString(String s) {
            s.codePoints().forEach(this::addChar);
        }

        void addRawString(String s) {
            word.append(s);
            inWord = true;
        }

        List<String> finish() {
            if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
            return List.copyOf(words);
        }
    }
}
