package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.FileOp;
import dev.kiln.graph.Node;
import dev.kiln.graph.SourceOp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vertices of all builds running in this solver, keyed by node digest (and whether the cache is
 * ignored), so that concurrent builds containing the same node share one vertex: a single flight
 * per node. A vertex is held by the builds that contain it and by the vertices that use it as an
 * input; it is closed when the last holder lets go.
 */
final class ActiveVertices {
    private record Id(Digest digest, boolean ignoreCache) {
    }

    private final Services services;
    private final Map<Id, Vertex> vertices = new HashMap<>();

    ActiveVertices(Services services) {
        this.services = services;
    }

    /**
     * The active vertex for {@code node}, created with {@code inputs} if there is none; the caller
     * becomes a holder and must {@link #release} it.
     */
    synchronized Vertex hold(Node node, boolean ignoreCache, List<Vertex> inputs) {
        Vertex v = vertices.computeIfAbsent(new Id(node.digest(), ignoreCache), id -> {
            inputs.forEach(Vertex::addHolder);
            VertexProgress progress = new VertexProgress(node.digest(), displayName(node),
                    node.meta().location(), services.clock());
            return new Vertex(node, ignoreCache, inputs, services, progress);
        });
        v.addHolder();
        return v;
    }

    /** Lets go of a vertex; closes it, and transitively the inputs only it held, when unused. */
    void release(Vertex vertex) {
        List<Vertex> closing = new ArrayList<>();
        synchronized (this) {
            Deque<Vertex> pending = new ArrayDeque<>(List.of(vertex));
            while (!pending.isEmpty()) {
                Vertex v = pending.pop();
                if (v.removeHolder() == 0) {
                    vertices.remove(new Id(v.node.digest(), v.ignoreCache));
                    closing.add(v);
                    pending.addAll(v.inputs);
                }
            }
        }
        closing.forEach(Vertex::close);
    }

    synchronized int size() {
        return vertices.size();
    }

    static String displayName(Node node) {
        if (node.meta().name() != null) {
            return node.meta().name();
        }
        return switch (node.op()) {
            case SourceOp s -> s.identifier();
            case ExecOp e -> String.join(" ", e.meta().args());
            case FileOp f -> "file " + node.digest().shortHex();
        };
    }
}
