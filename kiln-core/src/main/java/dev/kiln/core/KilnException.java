package dev.kiln.core;

import java.util.Optional;

/**
 * The one error type that crosses module boundaries. Its message is a complete, user-facing sentence;
 * the CLI prints it on one line (with the Dockerfile location when there is one) and exits with
 * {@link ErrorKind#exitCode()}.
 */
public class KilnException extends RuntimeException {
    private final ErrorKind kind;
    private final SourceLocation location;

    public KilnException(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public KilnException(ErrorKind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public KilnException(ErrorKind kind, String message, SourceLocation location, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.location = location;
    }

    public ErrorKind kind() {
        return kind;
    }

    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** The same error, pinned to a place in a source file (kept if one is already set). */
    public KilnException at(SourceLocation where) {
        if (location != null || where == null) {
            return this;
        }
        KilnException e = new KilnException(kind, getMessage(), where, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** One line for the user: {@code Dockerfile:12: message} when located. */
    public String userMessage() {
        return location == null ? getMessage() : location.prefix() + getMessage();
    }
}
