package dev.kiln.worker.executor;

/**
 * Receives the container's output as it is produced (for progress streaming). Called from one reader
 * thread per stream, so the two streams may arrive concurrently; each chunk array belongs to the callee.
 * Messages of the runtime itself (for example a missing executable) arrive on {@link Stream#STDERR}.
 */
@FunctionalInterface
public interface ProcessOutput {

    enum Stream { STDOUT, STDERR }

    void write(Stream stream, byte[] chunk);

    static ProcessOutput discard() {
        return (stream, chunk) -> {
        };
    }
}
