package dev.kiln.cli.engine;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A part of the engine made on first use, at most once even when several build threads ask at the same time,
 * so that a command pays only for the stores it touches.
 */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = factory.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /**
     * Starts making the part on a thread of its own, for a caller that will need it soon and has other work (or a
     * wait) before that. A failure there is dropped: the caller's own {@link #get} makes it again and reports it.
     */
    void makeInBackground(String name) {
        if (value != null) {
            return;
        }
        Thread.ofPlatform().daemon().name("kiln-open-" + name).start(() -> {
            try {
                get();
            } catch (RuntimeException e) {
                // get() in the foreground retries and throws
            }
        });
    }

    /** Runs {@code action} on the part if it was made (waiting if it is being made); never makes it. */
    void ifMade(Consumer<T> action) {
        T v;
        synchronized (this) {
            v = value;
        }
        if (v != null) {
            action.accept(v);
        }
    }
}
