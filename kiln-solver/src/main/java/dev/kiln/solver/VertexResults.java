package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.solver.WorkerSpi.Result;
import dev.kiln.solver.cache.CacheRecord;
import dev.kiln.solver.cache.CacheStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Produces a vertex's results: from the cache when every output has a loadable record (its inputs
 * are then never built), otherwise by building the inputs and running the op, then recording the
 * new results under the keys (replacing older records).
 */
final class VertexResults {
    private VertexResults() {
    }

    static List<Result> compute(Vertex v) throws InterruptedException, InputFailed {
        OutputKeys keys = Await.one(v.ownKeys());
        if (!keys.isVolatile() && !v.ignoreCache) {
            Optional<List<Result>> cached = load(v, keys);
            if (cached.isPresent()) {
                v.progress.cached();
                return cached.get();
            }
        }
        List<Result> inputs = buildInputs(v);
        v.progress.started();
        Instant start = v.services.clock().instant();
        List<Result> outputs = exec(v, inputs);
        try {
            if (!keys.isVolatile()) {
                save(v.services.store(), keys, outputs);
            }
        } catch (RuntimeException e) {
            outputs.forEach(Result::release);
            throw e;
        }
        v.progress.completed(Duration.between(start, v.services.clock().instant()));
        return outputs;
    }

    private static List<Result> buildInputs(Vertex v) throws InterruptedException, InputFailed {
        List<CompletableFuture<List<Result>>> pending = v.inputs.stream().map(Vertex::results).toList();
        Await.all(pending);
        List<Result> inputs = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            inputs.add(pending.get(i).join().get(v.node.inputs().get(i).index()));
        }
        return inputs;
    }

    private static List<Result> exec(Vertex v, List<Result> inputs) throws InterruptedException {
        Semaphore slots = v.services.execSlots();
        if (slots != null) {
            slots.acquire();
        }
        List<Result> outputs;
        try {
            outputs = v.handler.exec(v.progress, inputs);
        } finally {
            if (slots != null) {
                slots.release();
            }
        }
        int expected = v.node.op().outputCount();
        if (outputs.size() != expected) {
            outputs.forEach(Result::release);
            throw new KilnException(ErrorKind.INTERNAL, v.progress.name() + " produced " + outputs.size()
                    + " results instead of " + expected);
        }
        return List.copyOf(outputs);
    }

    /** All outputs from the cache, or empty (releasing what was loaded) if any one is missing. */
    private static Optional<List<Result>> load(Vertex v, OutputKeys keys) {
        CacheStore store = v.services.store();
        List<Result> loaded = new ArrayList<>();
        for (Digest key : keys.keys()) {
            Optional<Result> result = store.find(key).flatMap(rec -> loadRecord(v, store, rec));
            if (result.isEmpty()) {
                loaded.forEach(Result::release);
                return Optional.empty();
            }
            loaded.add(result.get());
        }
        Instant now = v.services.clock().instant();
        keys.keys().forEach(k -> store.markUsed(k, now));
        return Optional.of(List.copyOf(loaded));
    }

    /** A record whose result the worker no longer has is a miss, and is forgotten. */
    private static Optional<Result> loadRecord(Vertex v, CacheStore store, CacheRecord record) {
        Optional<Result> result = v.services.worker().load(record.resultId());
        if (result.isEmpty()) {
            store.remove(record.key());
        }
        return result;
    }

    private static void save(CacheStore store, OutputKeys keys, List<Result> outputs) {
        for (int o = 0; o < outputs.size(); o++) {
            store.save(keys.key(o), outputs.get(o).id(), outputs.get(o).size(), keys.links(o));
        }
    }
}
