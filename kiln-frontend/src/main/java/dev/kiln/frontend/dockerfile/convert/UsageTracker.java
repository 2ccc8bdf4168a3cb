package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.SourceLocation;

/** Remembers where an instruction that should appear once per stage (CMD, ENTRYPOINT, HEALTHCHECK) was last. */
final class UsageTracker {
    private SourceLocation last;

    boolean isSet() {
        return last != null;
    }

    /** Marks a use; returns the previous one, which the new one overrides, or null. */
    SourceLocation use(SourceLocation at) {
        SourceLocation previous = last;
        last = at;
        return previous;
    }
}
