package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import dev.kiln.solver.ProgressEvent.VertexCached;
import dev.kiln.solver.ProgressEvent.VertexCompleted;
import dev.kiln.solver.ProgressEvent.VertexFailed;
import dev.kiln.solver.ProgressEvent.VertexLog;
import dev.kiln.solver.ProgressEvent.VertexStarted;
import dev.kiln.solver.ProgressEvent.VertexStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans one vertex's progress out to every build that uses it. Lifecycle events (started, cached,
 * completed, failed) are replayed to a build that joins late; logs and status are not.
 */
final class VertexProgress implements WorkerSpi.OpContext {
    enum State { IDLE, RUNNING, CACHED, DONE, FAILED }

    private final Digest vertex;
    private final String name;
    private final SourceLocation location;
    private final Clock clock;
    private final List<ProgressSink> sinks = new CopyOnWriteArrayList<>();
    private final List<ProgressEvent> lifecycle = new ArrayList<>();
    private State state = State.IDLE;

    VertexProgress(Digest vertex, String name, SourceLocation location, Clock clock) {
        this.vertex = vertex;
        this.name = name;
        this.location = location;
        this.clock = clock;
    }

    synchronized void subscribe(ProgressSink sink) {
        lifecycle.forEach(e -> deliver(sink, e));
        sinks.add(sink);
    }

    synchronized void unsubscribe(ProgressSink sink) {
        sinks.remove(sink);
    }

    synchronized State state() {
        return state;
    }

    String name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    VertexCached cachedEvent() {
        return new VertexCached(vertex, name, location, clock.instant());
    }

    void started() {
        announce(State.RUNNING, new VertexStarted(vertex, name, location, clock.instant()));
    }

    void cached() {
        announce(State.CACHED, cachedEvent());
    }

    void completed(Duration took) {
        announce(State.DONE, new VertexCompleted(vertex, took));
    }

    void failed(KilnException error) {
        if (state() == State.IDLE) {
            started();
        }
        announce(State.FAILED, new VertexFailed(vertex, error));
    }

    private synchronized void announce(State next, ProgressEvent event) {
        state = next;
        lifecycle.add(event);
        sinks.forEach(s -> deliver(s, event));
    }

    @Override
    public Digest vertex() {
        return vertex;
    }

    @Override
    public void log(int stream, byte[] data) {
        VertexLog event = new VertexLog(vertex, stream, data.clone(), clock.instant());
        sinks.forEach(s -> deliver(s, event));
    }

    @Override
    public void status(String id, long current, long total) {
        VertexStatus event = new VertexStatus(vertex, id, current, total, clock.instant());
        sinks.forEach(s -> deliver(s, event));
    }

    /** A failing display must not fail the build, so a sink's exception is dropped. */
    static void deliver(ProgressSink sink, ProgressEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException ignored) {
            // Progress is advisory; the build result does not depend on it.
        }
    }
}
