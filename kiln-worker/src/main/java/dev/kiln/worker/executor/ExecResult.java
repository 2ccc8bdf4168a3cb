package dev.kiln.worker.executor;

import java.time.Duration;

/**
 * How a process ended. A process killed by signal n reports {@code 128 + n}, the convention runc and
 * shells use (137 for SIGKILL), so a process that itself exits with such a code looks the same.
 */
public record ExecResult(int exitCode, Duration duration) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
