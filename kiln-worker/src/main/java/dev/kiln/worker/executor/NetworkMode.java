package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

/** BuildKit's network modes as Kiln provides them (there is no CNI: sandbox shares the host network). */
public enum NetworkMode {
    /** The default: host network, like BuildKit's OCI worker without CNI; resolv.conf is filtered. */
    SANDBOX,
    /** Host network, and the host's resolv.conf as is. */
    HOST,
    /** A new network namespace with only the loopback interface. */
    NONE;

    /** Maps the build graph's spelling ({@code sandbox}, {@code host}, {@code none}; empty = sandbox). */
    public static NetworkMode parse(String mode) {
        return switch (mode == null ? "" : mode) {
            case "", "sandbox", "default" -> SANDBOX;
            case "host" -> HOST;
            case "none" -> NONE;
            default -> throw new KilnException(ErrorKind.INVALID_ARGUMENT, "unknown network mode " + mode);
        };
    }
}
