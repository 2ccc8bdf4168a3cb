package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.Output;
import dev.kiln.solver.WorkerSpi.CacheMap;
import dev.kiln.solver.WorkerSpi.Dep;
import dev.kiln.solver.WorkerSpi.OpHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Computes a vertex's cache keys. Inputs contribute their own keys (which needs no input to be
 * built: BuildKit's cache-fast path) unless the op asked for a content digest of an input, which
 * needs that input's result.
 */
final class VertexKeys {
    private VertexKeys() {
    }

    static OutputKeys compute(Vertex v) throws InterruptedException, InputFailed {
        OpHandler handler = v.services.worker().resolve(v.node);
        v.handler = handler;
        CacheMap cacheMap = handler.cacheMap(v.progress);
        List<Output> inputs = v.node.inputs();
        if (cacheMap.deps().size() != inputs.size()) {
            throw new KilnException(ErrorKind.INTERNAL, "cache map of " + v.progress.name() + " describes "
                    + cacheMap.deps().size() + " inputs, the node has " + inputs.size());
        }
        if (cacheMap.isVolatile()) {
            return OutputKeys.VOLATILE;
        }
        Await.all(startInputs(v, cacheMap));
        List<OutputKeys.Part> parts = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Dep dep = cacheMap.deps().get(i);
            Vertex input = v.inputs.get(i);
            int index = inputs.get(i).index();
            if (dep.content() != null) {
                Digest content = dep.content().digest(input.results().join().get(index), v.progress);
                parts.add(new OutputKeys.Part(content, true, dep.selector()));
            } else {
                OutputKeys inputKeys = input.keys().join();
                if (inputKeys.isVolatile()) {
                    return OutputKeys.VOLATILE;
                }
                parts.add(new OutputKeys.Part(inputKeys.key(index), false, dep.selector()));
            }
        }
        return OutputKeys.compute(cacheMap.digest(), parts, v.node.op().outputCount());
    }

    /** Starts all input work in parallel: results where content is needed, keys otherwise. */
    private static List<CompletableFuture<?>> startInputs(Vertex v, CacheMap cacheMap) {
        List<CompletableFuture<?>> waits = new ArrayList<>();
        for (int i = 0; i < v.inputs.size(); i++) {
            Vertex input = v.inputs.get(i);
            waits.add(cacheMap.deps().get(i).content() != null ? input.results() : input.keys());
        }
        return waits;
    }
}
