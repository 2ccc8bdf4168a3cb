package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

/** BuildKit's security modes: the default capability set, or every capability the host allows. */
public enum SecurityMode {
    SANDBOX,
    INSECURE;

    /** Maps the build graph's spelling ({@code sandbox}, {@code insecure}; empty = sandbox). */
    public static SecurityMode parse(String mode) {
        return switch (mode == null ? "" : mode) {
            case "", "sandbox" -> SANDBOX;
            case "insecure" -> INSECURE;
            default -> throw new KilnException(ErrorKind.INVALID_ARGUMENT, "unknown security mode " + mode);
        };
    }
}
