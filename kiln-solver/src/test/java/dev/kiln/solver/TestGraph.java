package dev.kiln.solver;

import dev.kiln.core.SourceLocation;
import dev.kiln.graph.FileAction;
import dev.kiln.graph.FileOp;
import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.Op;
import dev.kiln.graph.Output;
import dev.kiln.graph.SourceOp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds small graphs whose nodes are backed by {@link CountingOp}s of a {@link FakeWorker}. */
final class TestGraph {
    private final FakeWorker worker;
    private final Graph.Builder builder = Graph.builder();
    private int line;

    TestGraph(FakeWorker worker) {
        this.worker = worker;
    }

    Node source(String name) {
        Node n = builder.add(new SourceOp("test://" + name, Map.of()), List.of(), "linux/amd64", meta(name, false));
        worker.op(n);
        return n;
    }

    Node step(String name, Node... inputs) {
        return step(name, false, inputs);
    }

    Node step(String name, boolean ignoreCache, Node... inputs) {
        FileOp op = new FileOp(Op.SCRATCH, List.of(new FileAction.Mkfile("/" + name, 0644,
                name.getBytes(StandardCharsets.UTF_8), null, null)));
        List<Output> in = Arrays.stream(inputs).map(i -> i.output(0)).toList();
        Node n = builder.add(op, in, "linux/amd64", meta(name, ignoreCache));
        CountingOp counting = worker.op(n);
        if (counting.deps.isEmpty()) {
            in.forEach(i -> counting.deps.add(WorkerSpi.Dep.PLAIN));
        }
        return n;
    }

    CountingOp op(Node n) {
        return worker.op(n);
    }

    Graph build(Node result) {
        return builder.build(result.output(0));
    }

    private NodeMeta meta(String name, boolean ignoreCache) {
        return new NodeMeta(name, SourceLocation.line("Dockerfile", ++line), ignoreCache);
    }
}
