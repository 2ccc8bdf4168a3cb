package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

/**
 * Privileges a build must be granted explicitly ({@code kiln build --allow}), as BuildKit's entitlements:
 * {@code RUN --network=host} needs {@code network.host}, {@code RUN --security=insecure} needs
 * {@code security.insecure}.
 */
public enum Entitlement {
    NETWORK_HOST("network.host"),
    SECURITY_INSECURE("security.insecure");

    private final String flag;

    Entitlement(String flag) {
        this.flag = flag;
    }

    /** The name {@code --allow} takes. */
    public String flag() {
        return flag;
    }

    public static Entitlement parse(String value) {
        for (Entitlement e : values()) {
            if (e.flag.equals(value)) {
                return e;
            }
        }
        throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid entitlement: " + value
                + " (expected network.host or security.insecure)");
    }
}
