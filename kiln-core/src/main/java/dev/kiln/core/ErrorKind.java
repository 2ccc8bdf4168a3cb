package dev.kiln.core;

/** What went wrong, in containerd's errdefs vocabulary; decides the CLI exit code. */
public enum ErrorKind {
    INVALID_ARGUMENT(2),
    NOT_FOUND(1),
    ALREADY_EXISTS(1),
    FAILED_PRECONDITION(1),
    UNAVAILABLE(1),
    PERMISSION_DENIED(1),
    CANCELED(130),
    INTERNAL(1);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
