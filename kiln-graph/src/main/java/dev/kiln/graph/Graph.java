package dev.kiln.graph;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable build graph: nodes in dependency order (every input before its users) and the
 * output that is the build's result ({@code null} result means the empty filesystem).
 */
public final class Graph {
    private final Map<Digest, Node> nodes;
    private final Output result;

    private Graph(Map<Digest, Node> nodes, Output result) {
        this.nodes = Collections.unmodifiableMap(nodes);
        this.result = result;
    }

    public Output result() {
        return result;
    }

    public Node node(Digest digest) {
        Node n = nodes.get(digest);
        if (n == null) {
            throw new KilnException(ErrorKind.NOT_FOUND, "no node " + digest + " in the build graph");
        }
        return n;
    }

    /** Nodes in dependency order. */
    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    /** The nodes the result depends on, in dependency order (unused nodes left out). */
    public List<Node> reachable() {
        if (result == null) {
            return List.of();
        }
        Map<Digest, Node> seen = new LinkedHashMap<>();
        visit(result.node(), seen);
        return new ArrayList<>(seen.values());
    }

    private void visit(Digest d, Map<Digest, Node> seen) {
        if (seen.containsKey(d)) {
            return;
        }
        Node n = node(d);
        for (Output in : n.inputs()) {
            visit(in.node(), seen);
        }
        seen.put(d, n);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects nodes; adding an identical node twice returns the first (dedup by digest). */
    public static final class Builder {
        private final Map<Digest, Node> nodes = new LinkedHashMap<>();

        public Node add(Op op, List<Output> inputs, String platform, NodeMeta meta) {
            for (Output in : inputs) {
                if (!nodes.containsKey(in.node())) {
                    throw new IllegalArgumentException("input " + in.node() + " is not in the graph yet");
                }
            }
            Node n = Node.of(op, inputs, platform, meta);
            Node existing = nodes.putIfAbsent(n.digest(), n);
            return existing != null ? existing : n;
        }

        public Graph build(Output result) {
            return new Graph(new LinkedHashMap<>(nodes), result);
        }
    }
}
