package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.Node;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker whose "snapshots" are strings in a map (shared between instances to model persistent
 * storage) and whose handlers are {@link CountingOp}s registered per node. Counts live result
 * handles so tests can check that nothing leaks.
 */
final class FakeWorker implements WorkerSpi {
    final Map<String, String> committed;
    final Map<Digest, CountingOp> ops = new ConcurrentHashMap<>();
    final AtomicInteger liveHandles = new AtomicInteger();
    final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger();

    FakeWorker() {
        this(new ConcurrentHashMap<>());
    }

    FakeWorker(Map<String, String> committed) {
        this.committed = committed;
    }

    CountingOp op(Node node) {
        return ops.computeIfAbsent(node.digest(), d -> new CountingOp(this, node.meta().name()));
    }

    @Override
    public OpHandler resolve(Node node) {
        CountingOp op = ops.get(node.digest());
        if (op == null) {
            throw new KilnException(ErrorKind.INTERNAL, "no handler for " + node.meta().name());
        }
        return op;
    }

    @Override
    public Optional<Result> load(String resultId) {
        String value = committed.get(resultId);
        if (value == null) {
            return Optional.empty();
        }
        loads.incrementAndGet();
        return Optional.of(new FakeResult(resultId, value));
    }

    /** Commits a new result, as a worker does before returning it from exec. */
    Result commit(String value) {
        String id = "r" + nextId.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        committed.put(id, value);
        return new FakeResult(id, value);
    }

    static String value(Result r) {
        return ((FakeResult) r).value;
    }

    final class FakeResult implements Result {
        final String id;
        final String value;
        private boolean released;

        FakeResult(String id, String value) {
            this.id = id;
            this.value = value;
            liveHandles.incrementAndGet();
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public long size() {
            return value.length();
        }

        @Override
        public Result retain() {
            return new FakeResult(id, value);
        }

        @Override
        public synchronized void release() {
            if (released) {
                throw new IllegalStateException("double release of " + id);
            }
            released = true;
            liveHandles.decrementAndGet();
        }
    }
}
