package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Map;

/** {@code SOURCE_DATE_EPOCH} from the build arguments or a global ARG default: seconds since 1970. */
final class SourceDateEpoch {
    private static final String NAME = "SOURCE_DATE_EPOCH";

    private SourceDateEpoch() {
    }

    /** The epoch in seconds, or null when unset or empty. */
    static Long of(Map<String, String> buildArgs, EnvList globalArgs) {
        String value = buildArgs.containsKey(NAME) ? buildArgs.get(NAME) : globalArgs.get(NAME).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid SOURCE_DATE_EPOCH: " + value
                    + " (seconds since 1970-01-01 expected)");
        }
    }
}
