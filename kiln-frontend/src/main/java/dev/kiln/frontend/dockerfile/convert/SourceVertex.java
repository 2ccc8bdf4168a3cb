package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.Op;
import dev.kiln.graph.SourceOp;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A source with a fixed identifier, like {@code docker-image://...}. */
record SourceVertex(String identifier, Map<String, String> attrs, String platform, NodeMeta meta)
        implements Vertex {
    @Override
    public List<Ref> inputs() {
        return List.of();
    }

    @Override
    public Op op(Function<Ref, Integer> inputIndex) {
        return new SourceOp(identifier, attrs);
    }
}
