package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.solver.WorkerSpi.Result;

/**
 * The outcome of a build: the result of the graph's output (null for an empty graph) and its cache
 * key (null when the output is volatile or empty). The caller owns {@code result} and closes it.
 */
public record SolveResult(Result result, Digest cacheKey) implements AutoCloseable {
    public static final SolveResult EMPTY = new SolveResult(null, null);

    @Override
    public void close() {
        if (result != null) {
            result.release();
        }
    }
}
