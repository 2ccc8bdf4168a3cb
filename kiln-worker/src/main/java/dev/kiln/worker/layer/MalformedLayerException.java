package dev.kiln.worker.layer;

import java.io.IOException;

/** The layer stream itself is bad (not tar, truncated, corrupt compression), as opposed to a failing disk. */
final class MalformedLayerException extends IOException {
    MalformedLayerException(String message) {
        super(message);
    }

    MalformedLayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
