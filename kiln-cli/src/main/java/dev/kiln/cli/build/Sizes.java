package dev.kiln.cli.build;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Docker's RAM sizes ({@code 64m}, {@code 1.5g}, {@code 1024}): binary units, case-insensitive. */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?");

    private Sizes() {
    }

    /** Bytes, or 0 when {@code value} is null. */
    static long parse(String value, String flag) {
        if (value == null) {
            return 0;
        }
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid " + flag + " " + value + ": expected a size like 64m");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            case "p" -> 50;
            default -> 0;
        };
        return (long) (Double.parseDouble(m.group(1)) * (1L << shift));
    }
}
