package dev.kiln.solver;

import dev.kiln.graph.Graph;
import dev.kiln.solver.cache.CacheStore;

import java.time.Clock;
import java.util.concurrent.Semaphore;

/**
 * Runs build graphs. Independent nodes run concurrently on virtual threads; identical nodes are
 * computed once, also across builds running at the same time in this solver; a node whose cache
 * key has a usable record is loaded instead of run, and then its inputs are not built unless their
 * content is needed for a key. The first failure cancels the rest of the build.
 *
 * <p>Thread-safe; one solver per process is intended, sharing one {@link CacheStore}.
 */
public final class Solver {
    private final ActiveVertices active;

    /**
     * @param maxParallelism how many ops may execute at once across all builds; 0 for no limit
     */
    public Solver(WorkerSpi worker, CacheStore cache, int maxParallelism) {
        this(worker, cache, maxParallelism, Clock.systemUTC());
    }

    public Solver(WorkerSpi worker, CacheStore cache, int maxParallelism, Clock clock) {
        if (maxParallelism < 0) {
            throw new IllegalArgumentException("maxParallelism must be >= 0: " + maxParallelism);
        }
        Semaphore slots = maxParallelism == 0 ? null : new Semaphore(maxParallelism, true);
        this.active = new ActiveVertices(new Services(worker, cache, slots, clock));
    }

    /**
     * Builds the graph's output and returns it (the caller closes the result). Blocks until done;
     * interrupting the calling thread cancels the build.
     *
     * @throws VertexError when a step fails (with its Dockerfile location and name)
     * @throws dev.kiln.core.KilnException of kind CANCELED when interrupted
     */
    public SolveResult solve(Graph graph, SolveOptions options, ProgressSink sink) {
        return new Job(active, graph, options, sink).run();
    }

    /** Vertices currently held by running builds (for tests and diagnostics). */
    int activeVertices() {
        return active.size();
    }
}
