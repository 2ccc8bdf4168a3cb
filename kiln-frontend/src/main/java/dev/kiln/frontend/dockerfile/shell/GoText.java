package dev.kiln.frontend.dockerfile.shell;

/** Go's notions of whitespace, rune-to-string conversion and {@code %q} quoting, which upstream's output depends on. */
final class GoText {
    static final int EOF = -1;
    private static final char REPLACEMENT = '\uFFFD';

    private GoText() {
    }

    /** Go's {@code unicode.IsSpace}: ASCII and Latin-1 spaces plus the Unicode White_Space property. */
    static boolean isSpace(int ch) {
        return switch (ch) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> ch >= 0x2000 && ch <= 0x200A;
        };
    }

    /** Go's {@code string(rune)}: EOF and other invalid code points become U+FFFD. */
    static String runeString(int ch) {
        boolean valid = ch >= 0 && ch <= Character.MAX_CODE_POINT && !(ch >= 0xD800 && ch <= 0xDFFF);
        return valid ? Character.toString(ch) : String.valueOf(REPLACEMENT);
    }

    /** Go's {@code strconv.Quote}, used in error messages such as {@code failed to process "…"}. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(ch -> appendQuoted(out, ch));
        return out.append('"').toString();
    }

    private static void appendQuoted(StringBuilder out, int ch) {
        if (ch == '"' || ch == '\\') {
            out.append('\\').appendCodePoint(ch);
        } else if (isPrint(ch)) {
            out.appendCodePoint(ch);
        } else {
            switch (ch) {
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> appendHexEscape(out, ch);
            }
        }
    }

    private static void appendHexEscape(StringBuilder out, int ch) {
        if (ch < ' ' || ch == 0x7F) {
            out.append("\\x").append(hex(ch, 2));
        } else if (ch >= 0xD800 && ch <= 0xDFFF) {
            out.append("\\ufffd");
        } else if (ch < 0x10000) {
            out.append("\\u").append(hex(ch, 4));
        } else {
            out.append("\\U").append(hex(ch, 8));
        }
    }

    private static String hex(int value, int digits) {
        String h = Integer.toHexString(value);
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int ch) {
        if (ch == ' ') {
            return true;
        }
        return switch (Character.getType(ch)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
