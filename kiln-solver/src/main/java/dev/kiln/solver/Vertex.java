package dev.kiln.solver;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.Node;
import dev.kiln.solver.WorkerSpi.OpHandler;
import dev.kiln.solver.WorkerSpi.Result;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One node of the graph while at least one build needs it, shared by all concurrent builds that
 * contain the same node (BuildKit's shared vertex). Its cache keys and its results are each
 * computed at most once, lazily, on a virtual thread of their own. When the last holder lets go
 * the vertex is closed: running work is interrupted and its results are released.
 */
final class Vertex {
    /** How long a cancelled step gets to stop its process and clean up before the build moves on. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    final Node node;
    final boolean ignoreCache;
    final List<Vertex> inputs;
    final Services services;
    final VertexProgress progress;

    /** Set by the key computation, read after it completed. */
    volatile OpHandler handler;

    private final Set<Thread> running = new HashSet<>();
    private int holders;
    private boolean closed;
    private CompletableFuture<OutputKeys> keys;
    private CompletableFuture<List<Result>> results;
    private List<Result> heldResults;

    Vertex(Node node, boolean ignoreCache, List<Vertex> inputs, Services services, VertexProgress progress) {
        this.node = node;
        this.ignoreCache = ignoreCache;
        this.inputs = List.copyOf(inputs);
        this.services = services;
        this.progress = progress;
    }

    /**
     * The cache keys of the outputs as users of this vertex see them. A vertex that ignores the
     * cache must run whenever its build runs, so its users get its keys only once it has run.
     */
    CompletableFuture<OutputKeys> keys() {
        return ignoreCache ? results().thenCompose(r -> ownKeys()) : ownKeys();
    }

    /** The cache keys of the outputs; starts computing them on first call. */
    synchronized CompletableFuture<OutputKeys> ownKeys() {
        if (keys == null) {
            keys = start("keys", () -> VertexKeys.compute(this), k -> { });
        }
        return keys;
    }

    /** One result per output, owned by this vertex (callers borrow them); starts the work on first call. */
    synchronized CompletableFuture<List<Result>> results() {
        if (results == null) {
            results = start("results", () -> VertexResults.compute(this), this::hold);
        }
        return results;
    }

    // Holder counting is done by ActiveVertices under its own lock.
    int addHolder() {
        return ++holders;
    }

    int removeHolder() {
        return --holders;
    }

    /**
     * Interrupts running work, waits (a bounded time) until it has cleaned up, and releases results;
     * later work requests fail as canceled. Waiting matters: a build cancelled by a signal must not
     * let the JVM exit while a step is still unmounting its filesystems.
     */
    void close() {
        List<Result> toRelease;
        synchronized (this) {
            closed = true;
            running.forEach(Thread::interrupt);
            awaitStopped();
            toRelease = heldResults;
            heldResults = null;
        }
        if (toRelease != null) {
            toRelease.forEach(Result::release);
        }
    }

    /** Waits for running work to end, ignoring (but keeping) an interrupt of the waiting thread. */
    private void awaitStopped() {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        boolean interrupted = false;
        while (!running.isEmpty() && !running.contains(Thread.currentThread())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> CompletableFuture<T> start(String what, Work<T> work, Consumer<T> keep) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(Await.canceled());
            return future;
        }
        Thread.ofVirtual().name("vertex-" + node.digest().shortHex() + "-" + what)
                .start(() -> run(work, keep, future));
        return future;
    }

    private <T> void run(Work<T> work, Consumer<T> keep, CompletableFuture<T> future) {
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (closed) {
                future.completeExceptionally(Await.canceled());
                return;
            }
            running.add(me);
        }
        try {
            T value = work.run();
            keep.accept(value);
            future.complete(value);
        } catch (Throwable e) {
            future.completeExceptionally(failure(e));
        } finally {
            synchronized (this) {
                running.remove(me);
                notifyAll();
            }
        }
    }

    /** Keeps results for release on close; releases them at once if the vertex closed meanwhile. */
    private void hold(List<Result> value) {
        synchronized (this) {
            if (!closed) {
                heldResults = value;
                return;
            }
        }
        value.forEach(Result::release);
        throw Await.canceled();
    }

    private KilnException failure(Throwable e) {
        if (e instanceof InputFailed f) {
            return f.error();
        }
        if (e instanceof InterruptedException || isClosed()
                || e instanceof KilnException k && k.kind() == ErrorKind.CANCELED) {
            return Await.canceled();
        }
        VertexError error = VertexError.of(e, node.digest(), progress.name(), progress.location());
        progress.failed(error);
        return error;
    }

    private synchronized boolean isClosed() {
        return closed;
    }
}
