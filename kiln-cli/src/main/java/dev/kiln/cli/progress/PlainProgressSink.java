package dev.kiln.cli.progress;

import dev.kiln.core.Digest;
import dev.kiln.solver.ProgressEvent;
import dev.kiln.solver.ProgressSink;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints the solver's events in BuildKit's plain format and keeps the last lines each step printed,
 * so a failed step's output can be repeated under the error as BuildKit does.
 */
public final class PlainProgressSink implements ProgressSink {
    private static final int TAIL_LINES = 10;

    private final PlainProgress out;
    private final Map<Digest, OutputTail> tails = new ConcurrentHashMap<>();
    private final Map<Digest, Long> started = new ConcurrentHashMap<>();

    public PlainProgressSink(PlainProgress out) {
        this.out = out;
    }

    public PlainProgress printer() {
        return out;
    }

    /** The last lines the step printed (empty when it printed nothing). */
    public List<String> tail(Digest vertex) {
        OutputTail t = tails.get(vertex);
        return t == null ? List.of() : t.lines();
    }

    @Override
    public void accept(ProgressEvent event) {
        String id = event.vertex().toString();
        switch (event) {
            case ProgressEvent.VertexStarted s -> {
                started.put(s.vertex(), nanos(s.time()));
                out.started(id, s.name(), nanos(s.time()));
            }
            case ProgressEvent.VertexCached c -> out.cached(id, c.name());
            case ProgressEvent.VertexLog l -> {
                tails.computeIfAbsent(l.vertex(), v -> new OutputTail(TAIL_LINES)).add(l.data());
                out.log(id, l.data(), nanos(l.time()));
            }
            case ProgressEvent.VertexStatus s -> out.status(id, s.id() + " " + PlainProgress.bytes(s.current()));
            case ProgressEvent.VertexCompleted c ->
                    out.completed(id, started.getOrDefault(c.vertex(), 0L) + c.duration().toNanos());
            case ProgressEvent.VertexFailed f -> out.failed(id, f.error().getMessage(), false, nanos(Instant.now()));
            case ProgressEvent.VertexCanceled c -> out.failed(id, "canceled", true, nanos(Instant.now()));
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
