package dev.kiln.solver;

import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.graph.Output;
import dev.kiln.solver.VertexProgress.State;
import dev.kiln.solver.WorkerSpi.Result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One build: holds the vertices of its graph for as long as it runs, waits for the output, and
 * reports the vertices it never had to run as cached. Failing or being interrupted lets go of
 * every vertex, which cancels the work no other build needs.
 */
final class Job {
    private final ActiveVertices active;
    private final Graph graph;
    private final SolveOptions options;
    private final ProgressSink sink;
    private final Map<Node, Vertex> held = new LinkedHashMap<>();

    Job(ActiveVertices active, Graph graph, SolveOptions options, ProgressSink sink) {
        this.active = active;
        this.graph = graph;
        this.options = options;
        this.sink = sink;
    }

    SolveResult run() {
        Output output = graph.result();
        if (output == null) {
            return SolveResult.EMPTY;
        }
        boolean succeeded = false;
        try {
            holdVertices();
            Vertex root = held.get(graph.node(output.node()));
            List<Result> outputs = Await.one(root.results());
            OutputKeys keys = root.ownKeys().join();
            SolveResult result = new SolveResult(outputs.get(output.index()).retain(), keys.key(output.index()));
            succeeded = true;
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Await.canceled();
        } catch (InputFailed e) {
            throw e.error();
        } finally {
            finish(succeeded);
        }
    }

    private void holdVertices() {
        for (Node node : graph.reachable()) {
            List<Vertex> inputs = new ArrayList<>();
            for (Output in : node.inputs()) {
                inputs.add(held.get(graph.node(in.node())));
            }
            boolean ignoreCache = options.noCache() || node.meta().ignoreCache();
            Vertex v = active.hold(node, ignoreCache, inputs);
            held.put(node, v);
            v.progress.subscribe(sink);
        }
    }

    private void finish(boolean succeeded) {
        for (Vertex v : held.values()) {
            v.progress.unsubscribe(sink);
            State state = v.progress.state();
            if (succeeded && state == State.IDLE) {
                VertexProgress.deliver(sink, v.progress.cachedEvent());
            } else if (!succeeded && state == State.RUNNING) {
                VertexProgress.deliver(sink, new ProgressEvent.VertexCanceled(v.node.digest()));
            }
        }
        List<Vertex> vertices = new ArrayList<>(held.values());
        for (int i = vertices.size() - 1; i >= 0; i--) {
            active.release(vertices.get(i));
        }
    }
}
