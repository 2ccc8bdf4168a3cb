package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

/** A failure worth retrying (5xx, 429, a dropped connection, a timeout); {@link Retry} retries these. */
final class TransientRegistryException extends KilnException {
    TransientRegistryException(String message, Throwable cause) {
        super(ErrorKind.UNAVAILABLE, message, cause);
    }
}
