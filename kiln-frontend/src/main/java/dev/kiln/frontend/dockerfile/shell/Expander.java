package dev.kiln.frontend.dockerfile.shell;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.kiln.frontend.dockerfile.shell.GoText.EOF;
import static dev.kiln.frontend.dockerfile.shell.GoText.runeString;

/** One expansion of one word: a recursive-descent scan over its characters (upstream's {@code shellWord}). */
final class Expander {
    /** Bounds recursion through nested {@code ${…}} arguments, which would otherwise overflow the stack. */
    private static final int MAX_NESTING = 200;

    private final ShellLex lex;
    private final RuneScanner in;
    private final EnvLookup env;
    private final StringBuilder wordBuffer = new StringBuilder();
    private final Set<String> matched = new LinkedHashSet<>();
    private final Set<String> unmatched = new LinkedHashSet<>();
    private boolean rawEscapes;
    private int nesting;

    private record Scanned(String text, List<String> words) {
    }

    Expander(ShellLex lex, String word, EnvLookup env) {
        this.lex = lex;
        this.in = new RuneScanner(word);
        this.env = env;
        this.rawEscapes = lex.rawEscapes();
    }

    ProcessResult run() {
        Scanned all = scanUntil(EOF, rawEscapes);
        return new ProcessResult(all.text(), all.words(), matched, unmatched);
    }

    /** Scans to {@code stop} (consumed) or, for EOF, to the end; escapes are kept in the text when {@code raw}. */
    private Scanned scanUntil(int stop, boolean raw) {
        boolean outerRaw = rawEscapes;
        rawEscapes = raw;
        try {
            return scan(stop);
        } finally {
            rawEscapes = outerRaw;
        }
    }

    private Scanned scan(int stop) {
        StringBuilder result = new StringBuilder();
        WordSplitter words = new WordSplitter(wordBuffer);
        for (int ch = in.peek(); ch != EOF; ch = in.peek()) {
            if (ch == stop) {
                in.next();
                return new Scanned(result.toString(), words.finish());
            }
            if (ch == '$') {
                String value = dollar();
                result.append(value);
                words.addString(value);
            } else if ((ch == '\'' || ch == '"') && !lex.skipProcessQuotes()) {
                String quoted = ch == '\'' ? singleQuoted() : doubleQuoted();
                result.append(quoted);
                words.addRawString(quoted);
            } else if (!literal(result, words)) {
                break;
            }
        }
        if (stop != EOF) {
            throw error("unexpected end of statement while looking for matching " + runeString(stop));
        }
        return new Scanned(result.toString(), words.finish());
    }

    /** Takes one plain or escaped character; false when an escape character ends the input (it is dropped). */
    private boolean literal(StringBuilder result, WordSplitter words) {
        int ch = in.next();
        if (ch == lex.escapeToken()) {
            if (rawEscapes) {
                words.addRawChar(ch);
                result.appendCodePoint(ch);
            }
            ch = in.next();
            if (ch == EOF) {
                return false;
            }
            words.addRawChar(ch);
        } else {
            words.addChar(ch);
        }
        result.appendCodePoint(ch);
        return true;
    }

    /** Everything up to the next single quote, taken literally. */
    private String singleQuoted() {
        StringBuilder out = new StringBuilder();
        appendQuote(out, in.next());
        for (int ch = in.next(); ch != '\''; ch = in.next()) {
            if (ch == EOF) {
                throw error("unexpected end of statement while looking for matching single-quote");
            }
            out.appendCodePoint(ch);
        }
        appendQuote(out, '\'');
        return out.toString();
    }

    /** Up to the next unescaped double quote, expanding {@code $}; the escape char only escapes {@code " $} and itself. */
    private String doubleQuoted() {
        StringBuilder out = new StringBuilder();
        appendQuote(out, in.next());
        for (int ch = in.peek(); ch != '"'; ch = in.peek()) {
            if (ch == EOF) {
                throw error("unexpected end of statement while looking for matching double-quote");
            }
            if (ch == '$') {
                out.append(dollar());
                continue;
            }
            ch = in.next();
            if (ch == lex.escapeToken()) {
                if (rawEscapes) {
                    out.appendCodePoint(ch);
                }
                int next = in.peek();
                if (next == EOF) {
                    continue;
                }
                if (next == '"' || next == '$' || next == lex.escapeToken()) {
                    ch = in.next();
                }
            }
            out.appendCodePoint(ch);
        }
        appendQuote(out, in.next());
        return out.toString();
    }

    private void appendQuote(StringBuilder out, int quote) {
        if (lex.rawQuotes()) {
            out.appendCodePoint(quote);
        }
    }

    /** A {@code $name}, {@code ${…}} or a lone {@code $}. */
    private String dollar() {
        in.next();
        if (in.peek() != '{') {
            String name = name();
            if (name.isEmpty()) {
                return "$";
            }
            Optional<String> value = lookup(name);
            return value.isEmpty() && lex.skipUnsetEnv() ? "$" + name : value.orElse("");
        }
        in.next();
        int first = in.peek();
        if (first == EOF) {
            throw error("syntax error: missing '}'");
        }
        if (first == '{' || first == '}' || first == ':') {
            throw error("syntax error: bad substitution");
        }
        String name = name();
        int ch = in.next();
        return switch (ch) {
            case '}' -> {
                Optional<String> value = lookup(name);
                yield value.isEmpty() && lex.skipUnsetEnv() ? "${" + name + "}" : value.orElse("");
            }
            case ':', '+', '-', '?', '#', '%' -> modifier(name, ch);
            case '/' -> substitution(name);
            default -> throw unsupported(runeString(ch));
        };
    }

    /** {@code ${name[:]op word}} for the operators - + ? (with or without colon) and # ## % %%. */
    private String modifier(String name, int first) {
        boolean nullIsUnset = first == ':';
        int op = nullIsUnset ? in.next() : first;
        String written = nullIsUnset ? ":" + runeString(op) : runeString(op);
        boolean patternOp = op == '#' || op == '%';
        if (nullIsUnset && patternOp) {
            throw unsupported(written);
        }
        String word = argument('}', patternOp, "syntax error: missing '}'");
        Optional<String> value = lookup(name);
        if (value.isEmpty() && lex.skipUnsetEnv()) {
            return "${" + name + written + word + "}";
        }
        boolean absent = value.isEmpty() || (nullIsUnset && value.get().isEmpty());
        return switch (op) {
            case '-' -> absent ? word : value.get();
            case '+' -> absent ? "" : word;
            case '?' -> {
                if (absent) {
                    String why = value.isEmpty() ? "is not allowed to be unset" : "is not allowed to be empty";
                    throw error(name + ": " + (word.isEmpty() ? why : word));
                }
                yield value.get();
            }
            case '#', '%' -> trim(op, word, value.orElse(""));
            default -> throw unsupported(written);
        };
    }

    private static String trim(int op, String word, String value) {
        boolean longest = !word.isEmpty() && word.charAt(0) == op;
        String pattern = longest ? word.substring(1) : word;
        return op == '%'
                ? Substitutions.trimSuffix(pattern, value, longest)
                : Substitutions.trimPrefix(pattern, value, longest);
    }

    /** {@code ${name/pattern/replacement}} and {@code ${name//pattern/replacement}}. */
    private String substitution(String name) {
        boolean all = in.peek() == '/';
        if (all) {
            in.next();
        }
        String pattern = argument('/', true, "syntax error: missing '/' in ${}");
        String replacement = argument('}', true, "syntax error: missing '}'");
        Optional<String> value = lookup(name);
        if (value.isEmpty() && lex.skipUnsetEnv()) {
            return "${" + name + "/" + pattern + "/" + replacement + "}";
        }
        return Substitutions.replace(pattern, replacement, value.orElse(""), all);
    }

    /** The expanded text of a {@code ${…}} argument; running out of input is reported as {@code missing}. */
    private String argument(int stop, boolean raw, String missing) {
        if (++nesting > MAX_NESTING) {
            throw error("syntax error: substitutions nested more than " + MAX_NESTING + " deep");
        }
        try {
            return scanUntil(stop, raw).text();
        } catch (KilnException e) {
            throw in.peek() == EOF ? error(missing) : e;
        } finally {
            nesting--;
        }
    }

    /** A variable name: letters, digits and _, or a run of digits (positional), or one special parameter. */
    private String name() {
        StringBuilder name = new StringBuilder();
        for (int ch = in.peek(); ch != EOF; ch = in.peek()) {
            if (name.isEmpty() && Character.isDigit(ch)) {
                while (Character.isDigit(in.peek())) {
                    name.appendCodePoint(in.next());
                }
                return name.toString();
            }
            if (name.isEmpty() && isSpecialParameter(ch)) {
                return runeString(in.next());
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            name.appendCodePoint(in.next());
        }
        return name.toString();
    }

    /** POSIX special parameters; never set in a Dockerfile, but they end a name. */
    private static boolean isSpecialParameter(int ch) {
        return switch (ch) {
            case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
            default -> false;
        };
    }

    private Optional<String> lookup(String name) {
        Optional<String> value = env.get(name);
        (value.isPresent() ? matched : unmatched).add(name);
        return value;
    }

    private static KilnException unsupported(String modifier) {
        return error("unsupported modifier (" + modifier + ") in substitution");
    }

    private static KilnException error(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }
}
