package dev.kiln.core.pattern;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates the Go (RE2, Perl flags) regular expression that upstream builds from a pattern into an equivalent
 * java.util.regex pattern. Upstream copies {@code [...]} classes and escapes from the user's pattern verbatim, so
 * their RE2 meaning (POSIX {@code [:name:]}, ASCII {@code \d \s \w}, {@code \pL}, octal and hex escapes) is
 * reproduced here; anything RE2 would reject makes the pattern invalid, as upstream reports at match time.
 */
final class GoRegex {
    private static final String WORD = "[0-9A-Za-z_]";
    private static final String ASCII_WORD_BOUNDARY =
            "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";

    private final int[] src;
    private int pos;
    private final StringBuilder out = new StringBuilder();

    /** Thrown while translating; RE2 would have failed to compile the expression. */
    private static final class Invalid extends Exception {
        Invalid() {
            super(null, null, false, false);
        }
    }

    private GoRegex(String goRegex) {
        src = goRegex.codePoints().toArray();
    }

    /** The Java equivalent of {@code goRegex}, or empty when RE2 would reject it. */
    static Optional<Pattern> compile(String goRegex) {
        try {
            return Optional.of(Pattern.compile(new GoRegex(goRegex).translate()));
        } catch (Invalid | PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    private String translate() throws Invalid {
        int depth = 0;
        boolean canRepeat = false;
        boolean justRepeated = false;
        while (pos < src.length) {
            int c = src[pos++];
            switch (c) {
                case '*', '?', '+' -> {
                    if (!canRepeat || justRepeated) {
                        throw new Invalid();
                    }
                    out.appendCodePoint(c);
                    if (pos < src.length && src[pos] == '?') {
                        out.append('?');
                        pos++;
                    }
                    justRepeated = true;
                    continue;
                }
                case '(' -> {
                    depth++;
                    out.append("(?:");
                    canRepeat = false;
                    justRepeated = false;
                    continue;
                }
                case ')' -> {
                    if (depth-- == 0) {
                        throw new Invalid();
                    }
                    out.append(')');
                }
                case '|' -> {
                    out.append('|');
                    canRepeat = false;
                    justRepeated = false;
                    continue;
                }
                case '^' -> out.append('^');
                case '$' -> out.append("\\z");
                case '.' -> out.append("[^\\n]");
                case '[' -> out.append(characterClass());
                case '\\' -> escapeOutsideClass();
                default -> out.append(CharClass.hex(c));
            }
            canRepeat = true;
            justRepeated = false;
        }
        if (depth != 0) {
            throw new Invalid();
        }
        return out.toString();
    }

    private void escapeOutsideClass() throws Invalid {
        if (pos >= src.length) {
            throw new Invalid();
        }
        switch (src[pos]) {
            case 'A' -> out.append("\\A");
            case 'z' -> out.append("\\z");
            case 'b' -> out.append(ASCII_WORD_BOUNDARY);
            case 'B' -> out.append("(?!").append(ASCII_WORD_BOUNDARY).append(')');
            case 'C' -> out.append("[\\x{0}-\\x{10FFFF}]");
            case 'Q' -> {
                pos++;
                quotedLiteral();
                return;
            }
            default -> {
                CharClass cls = new CharClass();
                if (classEscape(cls)) {
                    out.append(cls.toJava(false));
                } else {
                    out.append(CharClass.hex(escapedRune()));
                }
                return;
            }
        }
        pos++;
    }

    /** {@code \Q...\E}: everything up to {@code \E} (or the end) is literal. */
    private void quotedLiteral() {
        while (pos < src.length) {
            if (src[pos] == '\\' && pos + 1 < src.length && src[pos + 1] == 'E') {
                pos += 2;
                return;
            }
            out.append(CharClass.hex(src[pos++]));
        }
    }

    /** A {@code [...]} class; {@code pos} is just past the {@code [}. */
    private String characterClass() throws Invalid {
        boolean negated = pos < src.length && src[pos] == '^';
        if (negated) {
            pos++;
        }
        CharClass cls = new CharClass();
        for (boolean first = true; ; first = false) {
            if (pos >= src.length) {
                throw new Invalid();
            }
            if (src[pos] == ']' && !first) {
                pos++;
                return cls.toJava(negated);
            }
            if (posixClass(cls) || (src[pos] == '\\' && classEscapeAfterBackslash(cls))) {
                continue;
            }
            int lo = classRune();
            int hi = lo;
            if (pos + 1 < src.length && src[pos] == '-' && src[pos + 1] != ']') {
                pos++;
                hi = classRune();
                if (hi < lo) {
                    throw new Invalid();
                }
            }
            cls.addRange(lo, hi);
        }
    }

    /** {@code [:name:]} or {@code [:^name:]} at {@code pos}; RE2 looks for the closing {@code :]} anywhere after. */
    private boolean posixClass(CharClass cls) throws Invalid {
        if (pos + 2 >= src.length || src[pos] != '[' || src[pos + 1] != ':') {
            return false;
        }
        int close = -1;
        for (int i = pos + 2; i + 1 < src.length; i++) {
            if (src[i] == ':' && src[i + 1] == ']') {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return false;
        }
        String name = new String(src, pos + 2, close - pos - 2);
        boolean negated = name.startsWith("^");
        int[] table = CharClass.posix(negated ? name.substring(1) : name);
        if (table == null) {
            throw new Invalid();
        }
        cls.addTable(table, negated);
        pos = close + 2;
        return true;
    }

    private boolean classEscapeAfterBackslash(CharClass cls) throws Invalid {
        pos++;
        if (classEscape(cls)) {
            return true;
        }
        pos--;
        return false;
    }

    /** {@code \d \D \s \S \w \W} or {@code \pX \PX} with {@code pos} past the backslash. */
    private boolean classEscape(CharClass cls) throws Invalid {
        if (pos >= src.length) {
            return false;
        }
        int c = src[pos];
        int[] perl = c < 0x80 ? CharClass.perl(Character.toLowerCase((char) c)) : null;
        if (perl != null) {
            cls.addTable(perl, Character.isUpperCase(c));
            pos++;
            return true;
        }
        if (c != 'p' && c != 'P') {
            return false;
        }
        if (pos + 1 >= src.length || "CLMNPSZ".indexOf(src[pos + 1]) < 0) {
            throw new Invalid();
        }
        cls.addCategory((char) src[pos + 1], c == 'P');
        pos += 2;
        return true;
    }

    private int classRune() throws Invalid {
        if (pos >= src.length) {
            throw new Invalid();
        }
        int c = src[pos++];
        return c == '\\' ? escapedRune() : c;
    }

    /** RE2's parseEscape with {@code pos} just past the backslash: punctuation, octal, hex or a control letter. */
    private int escapedRune() throws Invalid {
        if (pos >= src.length) {
            throw new Invalid();
        }
        int c = src[pos++];
        if (c < 0x80 && !Character.isLetterOrDigit(c)) {
            return c;
        }
        return switch (c) {
            case '1', '2', '3', '4', '5', '6', '7' -> {
                if (!isOctal(pos)) {
                    throw new Invalid(); // a backreference, which RE2 does not support
                }
                yield octal(c - '0');
            }
            case '0' -> octal(0);
            case 'x' -> hexEscape();
            case 'a' -> 7;
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0B;
            default -> throw new Invalid();
        };
    }

    private int octal(int first) {
        int r = first;
        for (int i = 0; i < 2 && isOctal(pos); i++) {
            r = r * 8 + src[pos++] - '0';
        }
        return r;
    }

    private boolean isOctal(int i) {
        return i < src.length && src[i] >= '0' && src[i] <= '7';
    }

    private int hexEscape() throws Invalid {
        if (pos < src.length && src[pos] == '{') {
            int r = 0;
            int digits = 0;
            for (pos++; pos < src.length && src[pos] != '}'; pos++, digits++) {
                r = r * 16 + hexDigit(src[pos]);
                if (r > CharClass.MAX_RUNE) {
                    throw new Invalid();
                }
            }
            if (pos >= src.length || digits == 0) {
                throw new Invalid();
            }
            pos++;
            return r;
        }
        if (pos + 1 >= src.length) {
            throw new Invalid();
        }
        int r = hexDigit(src[pos]) * 16 + hexDigit(src[pos + 1]);
        pos += 2;
        return r;
    }

    private static int hexDigit(int c) throws Invalid {
        int d = Character.digit(c, 16);
        if (d < 0 || c > 'f') {
            throw new Invalid();
        }
        return d;
    }
}
