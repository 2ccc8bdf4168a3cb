package dev.kiln.worker.session;

import java.io.IOException;

/** Malformed SSH wire data: a key file or an agent message that does not decode. */
final class SshFormatException extends IOException {
    SshFormatException(String message) {
        super(message);
    }
}
