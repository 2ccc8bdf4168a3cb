package dev.kiln.frontend.dockerfile.instructions;

import java.util.Locale;

/** {@code sharing=} of a cache mount: concurrent writers share, get a fresh copy, or wait. */
public enum CacheSharing {
    SHARED, PRIVATE, LOCKED;

    public String dockerfileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
