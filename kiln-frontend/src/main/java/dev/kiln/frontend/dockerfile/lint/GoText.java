package dev.kiln.frontend.dockerfile.lint;

import java.util.List;

/**
 * Go's {@code fmt} renderings that BuildKit's messages and image history are made of: {@code %q} of a
 * string ({@code strconv.Quote}), {@code %q} and {@code %v} of a string slice.
 */
public final class GoText {
    private GoText() {
    }

    /** {@code strconv.Quote}: double quotes, Go escapes, non-printable runes as {@code \\u}/{@code \\U}. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendRune(b, cp);
        }
        return b.append('"').toString();
    }

    /** {@code %q} of a {@code []string}: {@code ["a" "b"]}. */
    public static String quoteList(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : " ").append(quote(items.get(i)));
        }
        return b.append(']').toString();
    }

    /** {@code %v} of a {@code []string}: {@code [a b]}. */
    public static String list(List<String> items) {
        return "[" + String.join(" ", items) + "]";
    }

    private static void appendRune(StringBuilder b, int cp) {
        switch (cp) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case 0x07 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 0x0B -> b.append("\\v");
            default -> appendOther(b, cp);
        }
    }

    private static void appendOther(StringBuilder b, int cp) {
        if (isPrint(cp)) {
            b.appendCodePoint(cp);
        } else if (cp < 0x20 || cp == 0x7F) {
            b.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
            b.append(String.format("\\u%04x", cp));
        } else {
            b.append(String.format("\\U%08x", cp));
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
