package dev.kiln.worker.executor;

/**
 * Runs one build-step process in a container and waits for it, like BuildKit's executor {@code Run}.
 *
 * <p>The caller owns the root filesystem (already mounted) and every mount source; the executor only
 * adds what a container needs around them ({@code /proc}, {@code /dev}, {@code /etc/hosts}, ...) and
 * removes the empty mount-point stubs the runtime had to create in the rootfs.
 *
 * <p>Cancellation: interrupting the thread blocked in {@link #run} kills the container, cleans up, and
 * ends the call with a {@link dev.kiln.core.KilnException} of kind {@code CANCELED} (the interrupt flag
 * is set again). Implementations are thread-safe; concurrent runs need distinct ids.
 */
public interface Executor {

    /**
     * Runs the process to completion. A non-zero exit code is a result, not an error; errors are
     * {@link dev.kiln.core.KilnException}s (bad request, unknown user, runtime missing, canceled).
     */
    ExecResult run(ExecRequest request, ProcessOutput output);
}
