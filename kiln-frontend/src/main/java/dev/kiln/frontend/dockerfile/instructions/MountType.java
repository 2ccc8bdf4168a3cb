package dev.kiln.frontend.dockerfile.instructions;

import java.util.Locale;

/** {@code RUN --mount} types. */
public enum MountType {
    BIND, CACHE, TMPFS, SECRET, SSH;

    /** The name used in Dockerfiles and error messages ({@code bind}). */
    public String dockerfileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
