package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

/**
 * A {@code --chmod} value: an octal mode up to 07777, or a symbolic chmod(1) expression such as
 * {@code u+x,go-w} that the file operation applies to each copied file.
 */
record ChmodSpec(Integer octal, String symbolic) {

    static ChmodSpec parse(String value) {
        if (value.isEmpty()) {
            return null;
        }
        char first = value.charAt(0);
        if (first >= '0' && first <= '9') {
            if (value.chars().allMatch(c -> c >= '0' && c <= '7') && value.length() <= 11) {
                long mode = Long.parseLong(value, 8);
                if (mode <= 07777) {
                    return new ChmodSpec((int) mode, null);
                }
            }
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid chmod parameter: '" + value
                    + "'. it should be octal string and between 0 and 07777");
        }
        if (!validSymbolic(value)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid chmod parameter: '" + value
                    + "': invalid syntax");
        }
        return new ChmodSpec(null, value);
    }

    /** chmod(1) grammar: clauses {@code [ugoa]*([-+=][rwxXstugo]*)+} separated by commas. */
    private static boolean validSymbolic(String s) {
        int i = 0;
        while (true) {
            while (i < s.length() && "ugoa".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            do {
                if (i >= s.length() || "+-=".indexOf(s.charAt(i)) < 0) {
                    return false;
                }
                i++;
                while (i < s.length() && "rwxXstugo".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
            } while (i < s.length() && s.charAt(i) != ',');
            if (i == s.length()) {
                return true;
            }
            i++;
        }
    }
}
