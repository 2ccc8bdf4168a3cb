package dev.kiln.solver;

import dev.kiln.core.KilnException;

/**
 * Something a vertex waited for failed; the original error (already reported by the vertex it
 * came from) travels on unchanged instead of being blamed on the waiter.
 */
final class InputFailed extends Exception {
    InputFailed(KilnException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    KilnException error() {
        return (KilnException) getCause();
    }
}
