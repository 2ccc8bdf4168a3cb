package dev.kiln.cli.build;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM and Ctrl-C into a cancelled build: a shutdown hook interrupts the building thread
 * (the solver then stops running containers and unmounts) and holds the JVM until that cleanup is
 * done, or a grace period ends. Closing it after a normal end removes the hook.
 */
final class CancelOnSignal implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private CancelOnSignal(Thread builder) {
        this.hook = new Thread(() -> {
            builder.interrupt();
            try {
                finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kiln-cancel");
    }

    static CancelOnSignal install() {
        CancelOnSignal c = new CancelOnSignal(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and has just been released
        }
    }
}
