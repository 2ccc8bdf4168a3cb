package dev.kiln.solver;

/**
 * Receives progress events, possibly from several threads at once. Implementations must be
 * thread-safe, quick, and must not throw: a display problem never fails a build.
 */
@FunctionalInterface
public interface ProgressSink {
    ProgressSink NONE = event -> { };

    void accept(ProgressEvent event);
}
