package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.graph.Node;

import java.util.List;
import java.util.Optional;

/**
 * Everything the solver needs from a worker, in one place (BuildKit's {@code solver/types.go}).
 *
 * <p>The solver never looks inside results or ops: it asks the worker for an {@link OpHandler} per
 * node, uses the handler's {@link CacheMap} to compute cache keys, and calls {@link OpHandler#exec}
 * only when no cached result can be reused. Results are opaque {@link Result} handles whose ids the
 * worker understands; the solver records those ids in its cache store and asks the worker to
 * {@link #load} them again in later builds.
 *
 * <p>Vocabulary: the <em>definition key</em> of a node output is derived from the op's
 * {@link CacheMap#digest()} and the keys of its inputs, so it is known before anything runs. A
 * <em>content key</em> replaces an input's key by a checksum of (part of) the input's files,
 * computed after the input is built ({@link Dep#content()}); it lets a build reuse work when an
 * input changed its definition but not the files the op reads (the build context, a
 * {@code COPY --from} source).
 */
public interface WorkerSpi {

    /** The handler for one node; called at most once per node per active vertex. */
    OpHandler resolve(Node node);

    /**
     * Loads a result the worker committed earlier (an id from {@link Result#id()}), validating
     * that its data is still there. Empty when it is gone (pruned, lost in a crash): the solver
     * then forgets the cache record and treats it as a miss.
     */
    Optional<Result> load(String resultId);

    /** How one node is cached and executed. */
    interface OpHandler {

        /**
         * Describes how the node is cached. May do cheap remote work (resolving an image tag to a
         * manifest digest) but must not materialize the node's output.
         */
        CacheMap cacheMap(OpContext ctx) throws InterruptedException;

        /**
         * Runs the op on its inputs (one result per {@link dev.kiln.graph.Node#inputs()} entry,
         * borrowed: do not release them) and returns one committed result per output, owned by the
         * caller. Must react to interruption by stopping the work, cleaning up and throwing
         * {@link InterruptedException}; on failure it releases whatever outputs it created.
         */
        List<Result> exec(OpContext ctx, List<Result> inputs) throws InterruptedException;
    }

    /**
     * How a node's outputs are keyed. {@code digest} is the definition digest of the op with the
     * parts that must not affect caching blanked (an image's manifest digest for an image source);
     * {@code null} marks a volatile node (a local build context) that always runs and whose users
     * can only be cached through content keys. {@code deps} has one entry per node input.
     */
    record CacheMap(Digest digest, List<Dep> deps) {
        public CacheMap {
            deps = List.copyOf(deps);
        }

        public static CacheMap volatileNode(List<Dep> deps) {
            return new CacheMap(null, deps);
        }

        public boolean isVolatile() {
            return digest == null;
        }
    }

    /**
     * Per-input cache options. {@code selector} (nullable) names the part of the input the op
     * uses (a COPY source path) and is mixed into the key. {@code content} (nullable) computes a
     * content digest of the built input that replaces the input's definition key.
     */
    record Dep(Digest selector, ContentDigester content) {
        public static final Dep PLAIN = new Dep(null, null);
    }

    /** Computes a content digest of a built input (for example the checksum of the copied paths). */
    @FunctionalInterface
    interface ContentDigester {
        Digest digest(Result input, OpContext ctx) throws InterruptedException;
    }

    /**
     * An opaque, reference-counted handle on a committed worker result (a snapshot). Every handle
     * is released exactly once; {@link #retain()} returns an additional handle on the same data.
     */
    interface Result {
        String id();

        /** Bytes used on disk, or -1 when not known cheaply. */
        long size();

        Result retain();

        void release();
    }

    /** What an op sees of the running build: where to report logs and transfer status. */
    interface OpContext {
        /** The node being worked on. */
        Digest vertex();

        /** Output of the op's process; stream 1 is stdout, 2 is stderr. */
        void log(int stream, byte[] data);

        /** Progress of a named sub-task, e.g. {@code transferring context}; total 0 when unknown. */
        void status(String id, long current, long total);
    }
}
