package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries an operation on {@link TransientRegistryException} with doubling back-off, like BuildKit's
 * {@code retryhandler} (1 s, 2 s, 4 s, then give up: four attempts). Other failures pass straight through.
 */
record Retry(Duration initialBackoff, int maxAttempts) {

    <T> T run(Supplier<T> operation) {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (TransientRegistryException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(ErrorKind.CANCELED, "interrupted while waiting to retry a registry request");
        }
    }
}
