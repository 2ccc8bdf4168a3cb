package dev.kiln.solver;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Blocking waits on vertex futures that give up at the first failure (fail-fast). */
final class Await {
    private Await() {
    }

    static <T> T one(CompletableFuture<T> future) throws InterruptedException, InputFailed {
        all(List.of(future));
        return future.join();
    }

    /** Returns when every future succeeded, or throws as soon as one of them failed. */
    static void all(List<? extends CompletableFuture<?>> futures) throws InterruptedException, InputFailed {
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        for (CompletableFuture<?> f : futures) {
            f.whenComplete((v, e) -> {
                if (e != null) {
                    firstFailure.completeExceptionally(e);
                }
            });
        }
        CompletableFuture<Void> allDone = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(allDone, firstFailure).get();
        } catch (ExecutionException e) {
            throw new InputFailed(asKiln(e.getCause()));
        }
    }

    private static KilnException asKiln(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof KilnException k) {
            return k;
        }
        if (cause instanceof CancellationException) {
            return canceled();
        }
        return new KilnException(ErrorKind.INTERNAL, String.valueOf(cause.getMessage()), cause);
    }

    static KilnException canceled() {
        return new KilnException(ErrorKind.CANCELED, "build canceled");
    }
}
