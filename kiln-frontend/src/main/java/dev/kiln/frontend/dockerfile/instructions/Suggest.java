package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoText;

import java.util.List;
import java.util.Optional;

/** BuildKit's "did you mean" hint: the closest option within edit distance 2 of a mistyped value. */
public final class Suggest {
    private static final int MAX_DISTANCE_EXCLUSIVE = 3;

    private Suggest() {
    }

    /** {@code message} plus {@code " (did you mean X?)"} when an option is close to {@code value}. */
    static String withSuggestion(String message, String value, List<String> options, boolean caseSensitive) {
        return closest(value, options, caseSensitive).map(m -> message + " (did you mean " + m + "?)").orElse(message);
    }

    /**
     * The option closest to {@code value} within edit distance 2 (BuildKit's {@code suggest.Search}); empty when
     * none is close or {@code value} itself is an option.
     */
    public static Optional<String> closest(String value, List<String> options, boolean caseSensitive) {
        String val = caseSensitive ? value : GoText.toLower(value);
        int valLength = val.codePointCount(0, val.length());
        String match = null;
        int best = MAX_DISTANCE_EXCLUSIVE;
        for (String option : options) {
            // the distance is at least the length difference: skip options that cannot beat the best so far
            if (Math.abs(valLength - option.codePointCount(0, option.length())) >= best) {
                continue;
            }
            String opt = caseSensitive ? option : GoText.toLower(option);
            if (val.equals(opt)) {
                return Optional.empty();
            }
            int distance = distance(val, opt);
            if (distance < best) {
                match = caseSensitive ? opt : matchCase(opt, value);
                best = distance;
            }
        }
        return Optional.ofNullable(match);
    }

    private static String matchCase(String option, String original) {
        if (original.equals(GoText.toLower(original))) {
            return GoText.toLower(option);
        }
        if (original.equals(GoText.toUpper(original))) {
            return GoText.toUpper(option);
        }
        return option;
    }

    /** Levenshtein distance over code points. */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
