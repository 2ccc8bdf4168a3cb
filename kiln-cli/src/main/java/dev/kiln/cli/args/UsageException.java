package dev.kiln.cli.args;

/** A command line Kiln cannot parse: shown as one line {@code kiln: <message>}, exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
