package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.FileAction;

/** {@code user[:group]} as written in {@code --chown} or USER; names are resolved when the action runs. */
final class Owners {
    private Owners() {
    }

    /** Null for an empty value (root). */
    static FileAction.Owner parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            return null;
        }
        int colon = spec.indexOf(':');
        return colon < 0 ? new FileAction.Owner(spec, null)
                : new FileAction.Owner(spec.substring(0, colon), spec.substring(colon + 1));
    }
}
