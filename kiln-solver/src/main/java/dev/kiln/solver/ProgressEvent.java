package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;

import java.time.Duration;
import java.time.Instant;

/**
 * What the solver reports about vertices while a build runs, the raw material of BuildKit's
 * {@code --progress=plain} and {@code rawjson} output. Every event names the vertex (node digest);
 * a vertex is announced by {@link VertexStarted} or {@link VertexCached} before any other event.
 */
public sealed interface ProgressEvent {

    Digest vertex();

    /** The op begins executing ({@code location} may be null). */
    record VertexStarted(Digest vertex, String name, SourceLocation location, Instant time) implements ProgressEvent {
    }

    /** The vertex's result comes from the cache (or is not needed because its users are cached). */
    record VertexCached(Digest vertex, String name, SourceLocation location, Instant time) implements ProgressEvent {
    }

    record VertexCompleted(Digest vertex, Duration duration) implements ProgressEvent {
    }

    record VertexFailed(Digest vertex, KilnException error) implements ProgressEvent {
    }

    /** The build was canceled (or failed elsewhere) while this vertex was running. */
    record VertexCanceled(Digest vertex) implements ProgressEvent {
    }

    /** Process output; stream 1 is stdout, 2 is stderr. */
    record VertexLog(Digest vertex, int stream, byte[] data, Instant time) implements ProgressEvent {
    }

    /** Progress of a sub-task such as {@code transferring context}; total 0 when unknown. */
    record VertexStatus(Digest vertex, String id, long current, long total, Instant time) implements ProgressEvent {
    }
}
