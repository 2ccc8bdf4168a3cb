package dev.kiln.worker.image;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Locale;

/**
 * Where {@link ImageSource} looks for an image (the {@code image.resolvemode} attribute of a {@code docker-image}
 * source). Kiln's DEFAULT prefers the local image store so that builds of stored images work offline; BuildKit's
 * default asks the registry first and uses the local store only when that fails. LOCAL is BuildKit's
 * {@code prefer-local} (local store, else registry), which is therefore the same as Kiln's DEFAULT.
 */
public enum ResolveMode {
    DEFAULT, PULL, LOCAL;

    /** Parses {@code default}, {@code pull} or {@code local}. */
    public static ResolveMode parse(String s) {
        return switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
            case "", "default" -> DEFAULT;
            case "pull" -> PULL;
            case "local" -> LOCAL;
            default -> throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid resolvemode: " + s);
        };
    }
}
