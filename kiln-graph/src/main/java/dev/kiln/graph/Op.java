package dev.kiln.graph;

import dev.kiln.core.json.JsonWritable;

/**
 * One operation of the build graph, BuildKit's LLB op set: a source, a process run in a container,
 * or file actions. An op refers to its inputs by index into {@link Node#inputs()}; index
 * {@link #SCRATCH} means the empty filesystem.
 *
 * <p>Node digests and cache keys are taken over an op's JSON: a {@code type} member first ({@code source},
 * {@code exec} or {@code file}), then the record's components in order, empty ones left out.
 */
public sealed interface Op extends JsonWritable permits SourceOp, ExecOp, FileOp {
    int SCRATCH = -1;

    /** How many results the op produces (exec: one per writable mount with an output index). */
    int outputCount();
}
