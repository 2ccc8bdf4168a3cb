package dev.kiln.graph;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One operation of the build graph, BuildKit's LLB op set: a source, a process run in a container,
 * or file actions. An op refers to its inputs by index into {@link Node#inputs()}; index
 * {@link #SCRATCH} means the empty filesystem.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SourceOp.class, name = "source"),
        @JsonSubTypes.Type(value = ExecOp.class, name = "exec"),
        @JsonSubTypes.Type(value = FileOp.class, name = "file"),
})
public sealed interface Op permits SourceOp, ExecOp, FileOp {
    int SCRATCH = -1;

    /** How many results the op produces (exec: one per writable mount with an output index). */
    int outputCount();
}
