package dev.kiln.frontend.dockerfile.instructions;

import java.time.Duration;
import java.util.List;

/**
 * HEALTHCHECK settings as BuildKit stores them in the image config.
 *
 * @param test      {@code ["NONE"]}, {@code ["CMD", args...]} (exec form) or {@code ["CMD-SHELL", "command"]}
 * @param interval  zero when not given (the runtime default, 30s, then applies); likewise the other durations
 * @param retries   zero when not given (runtime default 3)
 */
public record HealthConfig(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                           Duration startInterval, int retries) {
    public HealthConfig {
        test = List.copyOf(test);
    }
}
