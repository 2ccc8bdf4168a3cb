package dev.kiln.cli.config;

/** TOML's unquoted values, checked as strictly as TOML 1.0: booleans, integers in four bases, and floats. */
final class TomlScalars {
    private TomlScalars() {
    }

    /** The value of {@code token}, which starts at {@code offset} in the document {@code reader} reads. */
    static Object parse(String token, TomlReader reader, int offset) {
        switch (token) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan":
                return Double.NaN;
            default:
                break;
        }
        if (looksLikeDateTime(token)) {
            throw reader.error(offset, "dates and times are not supported (" + token + ")");
        }
        if (token.length() > 2 && token.charAt(0) == '0' && "xob".indexOf(token.charAt(1)) >= 0) {
            return prefixedInteger(token, reader, offset);
        }
        return decimal(token, reader, offset);
    }

    private static Object prefixedInteger(String token, TomlReader reader, int offset) {
        int radix = switch (token.charAt(1)) {
            case 'x' -> 16;
            case 'o' -> 8;
            default -> 2;
        };
        if (digits(token, 2, radix) != token.length()) {
            throw reader.error(offset, "invalid number " + token);
        }
        try {
            return Long.parseLong(token.substring(2).replace("_", ""), radix);
        } catch (NumberFormatException e) {
            throw reader.error(offset, "integer " + token + " is out of range");
        }
    }

    private static Object decimal(String token, TomlReader reader, int offset) {
        int start = token.charAt(0) == '+' || token.charAt(0) == '-' ? 1 : 0;
        int end = digits(token, start, 10);
        if (end == start) {
            throw reader.error(offset, "invalid value " + token + (Character.isLetter(token.charAt(0))
                    ? " (strings must be quoted)" : ""));
        }
        if (token.charAt(start) == '0' && end > start + 1) {
            throw reader.error(offset, "invalid number " + token + ": leading zeros are not allowed");
        }
        boolean isFloat = false;
        if (end < token.length() && token.charAt(end) == '.') {
            int fraction = end + 1;
            end = digits(token, fraction, 10);
            isFloat = true;
            if (end == fraction) {
                throw reader.error(offset, "invalid number " + token);
            }
        }
        if (end < token.length() && (token.charAt(end) == 'e' || token.charAt(end) == 'E')) {
            int exponent = end + 1 < token.length() && "+-".indexOf(token.charAt(end + 1)) >= 0 ? end + 2 : end + 1;
            end = digits(token, exponent, 10);
            isFloat = true;
            if (end == exponent) {
                throw reader.error(offset, "invalid number " + token);
            }
        }
        if (end != token.length()) {
            throw reader.error(offset, "invalid number " + token);
        }
        if (isFloat) {
            return finiteDouble(token, reader, offset);
        }
        return decimalLong(token, reader, offset);
    }

    private static double finiteDouble(String token, TomlReader reader, int offset) {
        double value = Double.parseDouble(token.replace("_", ""));
        if (Double.isInfinite(value)) {
            throw reader.error(offset, "float " + token + " is out of range");
        }
        return value;
    }

    private static long decimalLong(String token, TomlReader reader, int offset) {
        try {
            return Long.parseLong(token.replace("_", ""));
        } catch (NumberFormatException e) {
            throw reader.error(offset, "integer " + token + " is out of range");
        }
    }

    /** The end of the run of digits at {@code from}, where single underscores may separate digits. */
    private static int digits(String s, int from, int radix) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i), radix)) {
            i++;
            if (i + 1 < s.length() && s.charAt(i) == '_' && isDigit(s.charAt(i + 1), radix)) {
                i++;
            }
        }
        return i;
    }

    private static boolean isDigit(char c, int radix) {
        return c < 128 && Character.digit(c, radix) >= 0;
    }

    /** {@code 1979-05-27}, {@code 07:32:00} and the date-times made of them. */
    private static boolean looksLikeDateTime(String token) {
        return token.indexOf(':') >= 0 || (token.length() > 4 && token.charAt(4) == '-' && digits(token, 0, 10) == 4);
    }
}
