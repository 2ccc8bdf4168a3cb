package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A configurable fake op (BuildKit's scheduler_test vertex): its result is its name applied to its
 * inputs' values, e.g. {@code top(mid(base))}; it counts cacheMap and exec calls and can sleep,
 * block, fail or record when it ran.
 */
final class CountingOp implements WorkerSpi.OpHandler {
    private final FakeWorker worker;
    final String name;
    final AtomicInteger cacheMapCalls = new AtomicInteger();
    final AtomicInteger execCalls = new AtomicInteger();
    final List<WorkerSpi.Dep> deps = new ArrayList<>();
    String seed;
    boolean volatileKey;
    long sleepMillis;
    CountDownLatch gate;
    String failure;
    Supplier<String> value;
    volatile Instant started;
    volatile Instant ended;
    volatile boolean interrupted;
    Runnable onExec = () -> { };

    CountingOp(FakeWorker worker, String name) {
        this.worker = worker;
        this.name = name;
        this.seed = name;
    }

    @Override
    public WorkerSpi.CacheMap cacheMap(WorkerSpi.OpContext ctx) {
        cacheMapCalls.incrementAndGet();
        return volatileKey ? WorkerSpi.CacheMap.volatileNode(deps)
                : new WorkerSpi.CacheMap(Digest.sha256("seed:" + seed), deps);
    }

    @Override
    public List<WorkerSpi.Result> exec(WorkerSpi.OpContext ctx, List<WorkerSpi.Result> inputs) throws InterruptedException {
        execCalls.incrementAndGet();
        started = Instant.now();
        try {
            onExec.run();
            ctx.log(1, ("running " + name + "\n").getBytes());
            if (gate != null) {
                gate.await();
            }
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            throw e;
        } finally {
            ended = Instant.now();
        }
        if (failure != null) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, failure);
        }
        String own = value != null ? value.get() : name;
        List<String> in = inputs.stream().map(FakeWorker::value).toList();
        return List.of(worker.commit(in.isEmpty() ? own : own + "(" + String.join(",", in) + ")"));
    }
}
