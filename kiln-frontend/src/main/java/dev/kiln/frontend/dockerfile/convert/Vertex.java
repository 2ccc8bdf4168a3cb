package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.Op;

import java.util.List;
import java.util.function.Function;

/**
 * A build step in the making, like BuildKit's unmarshalled LLB vertex: it refers to its inputs as
 * {@link Ref}s and becomes a graph {@link dev.kiln.graph.Node} only when the result is written, so
 * stages that the target does not use never reach the graph.
 */
sealed interface Vertex permits SourceVertex, ContextSource, ExecVertex, FileVertex {

    /** The vertices this one reads, in the order its op numbers them (nulls are scratch). */
    List<Ref> inputs();

    /** The op, given where each input ended up in the node's input list. */
    Op op(Function<Ref, Integer> inputIndex);

    String platform();

    NodeMeta meta();
}
