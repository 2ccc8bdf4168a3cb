package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;

/**
 * A build step failed. Carries the step's vertex digest and progress name (the CLI prints
 * {@code #N ERROR:} under that name) besides the usual kind, message and Dockerfile location.
 */
public final class VertexError extends KilnException {
    private final Digest vertex;
    private final String vertexName;

    VertexError(ErrorKind kind, String message, SourceLocation location, Throwable cause, Digest vertex, String vertexName) {
        super(kind, message, location, cause);
        this.vertex = vertex;
        this.vertexName = vertexName;
    }

    /** The error {@code cause} raised while working on a vertex, pinned to the vertex's location unless it has one. */
    static VertexError of(Throwable cause, Digest vertex, String vertexName, SourceLocation nodeLocation) {
        if (cause instanceof KilnException k) {
            return new VertexError(k.kind(), k.getMessage(), k.location().orElse(nodeLocation), k, vertex, vertexName);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new VertexError(ErrorKind.INTERNAL, vertexName + ": " + message, nodeLocation, cause, vertex, vertexName);
    }

    public Digest vertex() {
        return vertex;
    }

    public String vertexName() {
        return vertexName;
    }
}
