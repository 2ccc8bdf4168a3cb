package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoQuote;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Go's {@code strconv} number/bool parsing and docker/go-units {@code RAMInBytes}, as BuildKit uses them. */
final class GoNumbers {
    /** Decimal floats as Go's ParseFloat reads them (special values cannot end in a digit, so never apply). */
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private GoNumbers() {
    }

    /** {@code strconv.ParseBool}. */
    static Optional<Boolean> parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
            case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** {@code strconv.ParseUint(s, base, bits)}: digits of {@code base} only, no sign, no prefix. */
    static OptionalLong parseUint(String s, int base, int bits) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        long max = bits == 64 ? -1L : (1L << bits) - 1;
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = Character.digit(s.charAt(i), base);
            if (digit < 0 || s.charAt(i) > 'z') {
                return OptionalLong.empty();
            }
            if (Long.compareUnsigned(value, Long.divideUnsigned(max - digit, base)) > 0) {
                return OptionalLong.empty();
            }
            value = value * base + digit;
        }
        return OptionalLong.of(value);
    }

    /** {@code strconv.ParseInt(s, 10, 32)}; throws with Go's message. */
    static int parseInt32(String s) {
        String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        boolean digitsOnly = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digitsOnly) {
            throw Errors.invalid("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": invalid syntax");
        }
        OptionalLong magnitude = parseUint(digits, 10, 32);
        long limit = s.startsWith("-") ? 1L << 31 : (1L << 31) - 1;
        if (magnitude.isEmpty() || magnitude.getAsLong() > limit) {
            throw Errors.invalid("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": value out of range");
        }
        return (int) (s.startsWith("-") ? -magnitude.getAsLong() : magnitude.getAsLong());
    }

    /** docker/go-units {@code RAMInBytes}: a number with an optional binary unit suffix (k, m, g, t, p [i][b]). */
    static OptionalLong ramInBytes(String size) {
        int sep = -1;
        for (int i = size.length() - 1; i >= 0; i--) {
            if ("01234567890. ".indexOf(size.charAt(i)) >= 0) {
                sep = i;
                break;
            }
        }
        if (sep < 0) {
            return OptionalLong.empty();
        }
        String number = size.charAt(sep) == ' ' ? size.substring(0, sep) : size.substring(0, sep + 1);
        String suffix = size.substring(sep + 1).toLowerCase(Locale.ROOT);
        if (!FLOAT.matcher(number).matches()) {
            return OptionalLong.empty();
        }
        double value = Double.parseDouble(number);
        if (value < 0) {
            return OptionalLong.empty();
        }
        OptionalLong multiplier = suffixMultiplier(suffix);
        if (multiplier.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) (value * multiplier.getAsLong()));
    }

    private static OptionalLong suffixMultiplier(String suffix) {
        if (suffix.isEmpty() || suffix.equals("b")) {
            return OptionalLong.of(1);
        }
        if (suffix.length() > 3) {
            return OptionalLong.empty();
        }
        int power = "kmgtp".indexOf(suffix.charAt(0));
        if (power < 0 || (suffix.length() == 2 && suffix.charAt(1) != 'b')
                || (suffix.length() == 3 && !suffix.substring(1).equals("ib"))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(1L << (10 * (power + 1)));
    }
}
