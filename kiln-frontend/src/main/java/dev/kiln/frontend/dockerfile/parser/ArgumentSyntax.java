package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How BuildKit's parser cuts instruction arguments: whitespace words that keep their quotes, ENV/LABEL
 * name=value triples, and the JSON (exec) form. Values are returned raw: quotes and escapes are processed
 * later, during variable expansion.
 */
public final class ArgumentSyntax {
    /** Go's {@code [\t\v\f\r ]+}: the separator of keyword, FROM/EXPOSE words and legacy ENV/LABEL values. */
    static final Pattern ASCII_WHITESPACE = Pattern.compile("[\\t\\x0B\\f\\r ]+");
    static final String NOT_STRING_ARRAY = "when using JSON array syntax, arrays must be comprised of strings only";

    private ArgumentSyntax() {
    }

    /**
     * Splits on whitespace outside quotes, keeping quotes and escapes inside the words (BuildKit's
     * {@code parseWords}); invalid UTF-8 becomes U+FFFD as in Go.
     */
    public static List<String> words(String rest, char escape) {
        int[] runes = rest.codePoints().map(GoText::goRune).toArray();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inQuote = false;
        boolean blankOk = false;
        int quote = 0;
        int i = 0;
        while (i < runes.length && GoText.isSpace(runes[i])) {
            i++;
        }
        for (; i < runes.length; i++) {
            int ch = runes[i];
            if (inQuote) {
                if (ch == quote) {
                    inQuote = false;
                }
                if (ch == escape && quote != '\'') {
                    if (i + 1 == runes.length) {
                        inQuote = false;
                        continue;
                    }
                    word.appendCodePoint(ch);
                    ch = runes[++i];
                }
                word.appendCodePoint(ch);
                continue;
            }
            if (GoText.isSpace(ch)) {
                if (blankOk || !word.isEmpty()) {
                    words.add(word.toString());
                }
                word.setLength(0);
                blankOk = false;
                while (i + 1 < runes.length && GoText.isSpace(runes[i + 1])) {
                    i++;
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                blankOk = true;
                inQuote = true;
            }
            if (ch == escape) {
                if (i + 1 == runes.length) {
                    continue;
                }
                word.appendCodePoint(ch);
                ch = runes[++i];
            }
            word.appendCodePoint(ch);
        }
        if (blankOk || !word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * ENV/LABEL arguments as flat triples {@code key, value, "="}, or {@code key, value, ""} for the legacy
     * {@code KEY value} form. Throws INVALID_ARGUMENT (without location) on malformed input.
     */
    public static List<String> nameValues(String keyword, String rest, char escape) {
        List<String> words = words(rest, escape);
        if (words.isEmpty()) {
            return List.of();
        }
        if (!words.getFirst().contains("=")) {
            List<String> parts = goSplit(ASCII_WHITESPACE, rest, 2);
            if (parts.size() < 2) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, keyword + " must have two arguments");
            }
            return List.of(parts.get(0), parts.get(1), "");
        }
        List<String> triples = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "Syntax error - can't find = in "
                        + GoQuote.quote(word) + ". Must be of the form: name=value");
            }
            triples.add(word.substring(0, eq));
            triples.add(word.substring(eq + 1));
            triples.add("=");
        }
        return triples;
    }

    /**
     * The elements when the text is a JSON array of strings (surrounding whitespace allowed); empty when it is
     * not valid JSON (the instruction is then in shell form). A valid array holding anything but strings is
     * an INVALID_ARGUMENT error (without location).
     */
    public static Optional<List<String>> jsonArray(String rest) {
        String text = GoText.trimLeftSpace(rest);
        if (!text.startsWith("[")) {
            return Optional.empty();
        }
        Optional<List<GoJson.Element>> elements = GoJson.arrayElements(text);
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (GoJson.Element e : elements.get()) {
            values.add(e.string().orElseThrow(() -> new KilnException(ErrorKind.INVALID_ARGUMENT, NOT_STRING_ARRAY)));
        }
        return Optional.of(values);
    }

    /** Go's {@code regexp.Split(s, n)}. */
    static List<String> goSplit(Pattern separator, String s, int n) {
        if (n == 0) {
            return List.of();
        }
        if (s.isEmpty()) {
            return List.of("");
        }
        List<String> out = new ArrayList<>();
        Matcher m = separator.matcher(s);
        int beg = 0;
        int end = 0;
        int found = 0;
        while ((n < 0 || found < n) && m.find()) {
            found++;
            if (n > 0 && out.size() == n - 1) {
                break;
            }
            end = m.start();
            if (m.end() != 0) {
                out.add(s.substring(beg, end));
            }
            beg = m.end();
        }
        if (end != s.length()) {
            out.add(s.substring(beg));
        }
        return out;
    }
}
