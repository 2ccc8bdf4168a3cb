package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs an action on every item on virtual threads and waits for all; the first failure is rethrown. */
final class Parallel {
    private Parallel() {
    }

    static <T> void forEach(List<T> items, Consumer<T> action) {
        if (items.size() == 1) {
            action.accept(items.getFirst());
            return;
        }
        KilnException first = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (T item : items) {
                running.add(pool.submit(() -> action.accept(item)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    KilnException k = e.getCause() instanceof KilnException ke ? ke
                            : new KilnException(ErrorKind.INTERNAL, String.valueOf(e.getCause()), e.getCause());
                    if (first == null) {
                        first = k;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.forEach(r -> r.cancel(true));
                    throw new KilnException(ErrorKind.CANCELED, "interrupted while transferring blobs");
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
