package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.graph.Op;
import dev.kiln.graph.Output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the vertices a result depends on into a {@link Graph}, inputs first (depth-first, in input
 * order, without recursion so that long Dockerfiles cannot exhaust the stack).
 */
final class GraphWriter {
    private final Graph.Builder builder = Graph.builder();
    private final Map<Vertex, Node> written = new IdentityHashMap<>();

    Graph write(Ref result) {
        return builder.build(result == null ? null : output(result));
    }

    private Output output(Ref ref) {
        if (ref == null) {
            return null;
        }
        writeAll(ref.vertex());
        return written.get(ref.vertex()).output(ref.index());
    }

    private void writeAll(Vertex top) {
        Deque<Vertex> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            Vertex v = stack.peek();
            if (written.containsKey(v)) {
                stack.pop();
                continue;
            }
            Vertex pending = firstUnwritten(v);
            if (pending != null) {
                stack.push(pending);
            } else {
                stack.pop();
                written.put(v, writeOne(v));
            }
        }
    }

    private Vertex firstUnwritten(Vertex v) {
        for (Ref in : v.inputs()) {
            if (in != null && !written.containsKey(in.vertex())) {
                return in.vertex();
            }
        }
        return null;
    }

    private Node writeOne(Vertex v) {
        List<Output> inputs = new ArrayList<>();
        for (Ref in : v.inputs()) {
            Output o = resolved(in);
            if (o != null && !inputs.contains(o)) {
                inputs.add(o);
            }
        }
        Op op = v.op(ref -> ref == null ? Op.SCRATCH : inputs.indexOf(resolved(ref)));
        return builder.add(op, inputs, v.platform(), v.meta());
    }

    private Output resolved(Ref ref) {
        return ref == null ? null : written.get(ref.vertex()).output(ref.index());
    }
}
