package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.solver.cache.CacheRecord;
import dev.kiln.solver.cache.CacheStore;
import dev.kiln.solver.cache.InMemoryCacheStore;
import dev.kiln.solver.cache.SqliteCacheStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class SolverTest {
    final FakeWorker worker = new FakeWorker();
    final CacheStore store = new InMemoryCacheStore();
    final Solver solver = new Solver(worker, store, 0);

    @AfterEach
    void nothingLeaks() {
        assertThat(solver.activeVertices()).as("vertices still held").isZero();
        assertThat(worker.liveHandles.get()).as("result handles not released").isZero();
    }

    static String solve(Solver solver, Graph graph) {
        return solve(solver, graph, SolveOptions.DEFAULT);
    }

    static String solve(Solver solver, Graph graph, SolveOptions options) {
        try (SolveResult r = solver.solve(graph, options, ProgressSink.NONE)) {
            return FakeWorker.value(r.result());
        }
    }

    @Test
    void chain_runsEachOpOnce_andComputesFromInputs() {
        TestGraph g = new TestGraph(worker);
        Node base = g.source("base");
        Node top = g.step("top", g.step("mid", base));
        assertThat(solve(solver, g.build(top))).isEqualTo("top(mid(base))");
        assertThat(g.op(base).execCalls).hasValue(1);
        assertThat(g.op(top).execCalls).hasValue(1);
    }

    @Test
    void diamond_sharedInputRunsOnce() {
        TestGraph g = new TestGraph(worker);
        Node base = g.source("base");
        Node join = g.step("join", g.step("left", base), g.step("right", base));
        assertThat(solve(solver, g.build(join))).isEqualTo("join(left(base),right(base))");
        assertThat(g.op(base).execCalls).hasValue(1);
        assertThat(g.op(base).cacheMapCalls).hasValue(1);
    }

    @Test
    void throwingProgressSink_doesNotFailTheBuild() {
        TestGraph g = new TestGraph(worker);
        Graph graph = g.build(g.step("top", g.source("base")));
        try (SolveResult r = solver.solve(graph, SolveOptions.DEFAULT, e -> {
            throw new IllegalStateException("display broke");
        })) {
            assertThat(FakeWorker.value(r.result())).isEqualTo("top(base)");
        }
    }

    @Test
    void secondSolve_isFullyCached_andNeverRunsOrLoadsInputs() {
        TestGraph g = new TestGraph(worker);
        Node base = g.source("base");
        Node mid = g.step("mid", base);
        Node top = g.step("top", mid);
        solve(solver, g.build(top));
        int loadsBefore = worker.loads.get();

        assertThat(solve(solver, g.build(top))).isEqualTo("top(mid(base))");
        assertThat(List.of(g.op(base), g.op(mid), g.op(top))).allSatisfy(op -> assertThat(op.execCalls).hasValue(1));
        assertThat(worker.loads.get() - loadsBefore).as("only the output is loaded").isEqualTo(1);
        assertThat(g.op(base).cacheMapCalls).as("keys are still computed").hasValue(2);
    }

    @Test
    void changedTop_loadsCachedInput_butNotItsInputs() {
        TestGraph g = new TestGraph(worker);
        Node base = g.source("base");
        Node mid = g.step("mid", base);
        solve(solver, g.build(g.step("top1", mid)));
        int loadsBefore = worker.loads.get();

        assertThat(solve(solver, g.build(g.step("top2", mid)))).isEqualTo("top2(mid(base))");
        assertThat(g.op(mid).execCalls).hasValue(1);
        assertThat(g.op(base).execCalls).hasValue(1);
        assertThat(worker.loads.get() - loadsBefore).as("mid loaded, base untouched").isEqualTo(1);
    }

    @Test
    void independentBranches_runConcurrently() {
        TestGraph g = new TestGraph(worker);
        Node a = g.source("a");
        Node b = g.source("b");
        g.op(a).sleepMillis = 300;
        g.op(b).sleepMillis = 300;
        solve(solver, g.build(g.step("join", a, b)));
        CountingOp x = g.op(a);
        CountingOp y = g.op(b);
        assertThat(x.started).isBefore(y.ended);
        assertThat(y.started).isBefore(x.ended);
    }

    @Test
    void maxParallelism_boundsConcurrentExecs() {
        Solver limited = new Solver(worker, store, 2);
        TestGraph g = new TestGraph(worker);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Node[] sources = new Node[6];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = g.source("s" + i);
            CountingOp op = g.op(sources[i]);
            op.onExec = () -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(80);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
            };
        }
        solve(limited, g.build(g.step("all", sources)));
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void concurrentSolvesOfSameGraph_shareOneExecution() throws Exception {
        TestGraph g = new TestGraph(worker);
        Node slow = g.source("slow");
        Node top = g.step("top", slow);
        Graph graph = g.build(top);
        CountDownLatch secondJoined = new CountDownLatch(1);
        g.op(slow).gate = secondJoined;
        ProgressSink second = e -> {
            if (e instanceof ProgressEvent.VertexStarted s && s.vertex().equals(slow.digest())) {
                secondJoined.countDown();
            }
        };
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = pool.submit(() -> solve(solver, graph));
            while (g.op(slow).execCalls.get() == 0) {
                Thread.sleep(5);
            }
            Future<String> other = pool.submit(() -> {
                try (SolveResult r = solver.solve(graph, SolveOptions.DEFAULT, second)) {
                    return FakeWorker.value(r.result());
                }
            });
            assertThat(first.get()).isEqualTo("top(slow)");
            assertThat(other.get()).isEqualTo("top(slow)");
        }
        assertThat(g.op(slow).execCalls).hasValue(1);
        assertThat(g.op(slow).cacheMapCalls).hasValue(1);
        assertThat(g.op(top).execCalls).hasValue(1);
    }

    @Test
    void cacheIsSharedAcrossSolverInstancesOnTheSameDatabase(@TempDir Path dir) {
        Path db = dir.resolve("cache.db");
        String firstValue;
        try (CacheStore first = SqliteCacheStore.open(db)) {
            TestGraph g = new TestGraph(worker);
            firstValue = solve(new Solver(worker, first, 0), g.build(g.step("top", g.source("base"))));
        }
        FakeWorker restarted = new FakeWorker(worker.committed);
        try (CacheStore second = SqliteCacheStore.open(db)) {
            TestGraph g = new TestGraph(restarted);
            Node top = g.step("top", g.source("base"));
            assertThat(solve(new Solver(restarted, second, 0), g.build(top))).isEqualTo(firstValue);
            assertThat(g.op(top).execCalls).hasValue(0);
        }
        assertThat(restarted.liveHandles.get()).isZero();
    }

    @Test
    void noCache_runsEverything_andReplacesTheRecords() {
        TestGraph g = new TestGraph(worker);
        Node base = g.source("base");
        Node top = g.step("top", base);
        Graph graph = g.build(top);
        Digest key;
        try (SolveResult r = solver.solve(graph, SolveOptions.DEFAULT, ProgressSink.NONE)) {
            key = r.cacheKey();
        }
        String before = store.find(key).orElseThrow().resultId();

        solve(solver, graph, new SolveOptions(true));
        assertThat(g.op(base).execCalls).hasValue(2);
        assertThat(g.op(top).execCalls).hasValue(2);
        assertThat(store.find(key).orElseThrow().resultId()).isNotEqualTo(before);
    }

    @Test
    void ignoreCacheOnOneNode_rerunsOnlyThatNode() {
        TestGraph g = new TestGraph(worker);
        Node base = g.source("base");
        solve(solver, g.build(g.step("top", g.step("mid", base))));

        TestGraph again = new TestGraph(worker);
        Node mid = again.step("mid", true, again.source("base"));
        Node top = again.step("top", mid);
        solve(solver, again.build(top));
        assertThat(again.op(mid).execCalls).hasValue(2);
        assertThat(again.op(base).execCalls).as("mid's input is rebuilt from cache, not run").hasValue(1);
        assertThat(again.op(top).execCalls).as("same key downstream: cached").hasValue(1);
    }

    @Test
    void resultGoneFromWorker_isAMiss_andTheRecordIsReplaced() {
        TestGraph g = new TestGraph(worker);
        Node top = g.step("top", g.source("base"));
        Digest key;
        try (SolveResult r = solver.solve(g.build(top), SolveOptions.DEFAULT, ProgressSink.NONE)) {
            key = r.cacheKey();
            worker.committed.remove(r.result().id());
        }
        solve(solver, g.build(top));
        assertThat(g.op(top).execCalls).hasValue(2);
        CacheRecord record = store.find(key).orElseThrow();
        assertThat(worker.committed).containsKey(record.resultId());
    }

    @Test
    void failure_isReportedWithLocationAndName_andCancelsRunningSiblings() {
        TestGraph g = new TestGraph(worker);
        Node bad = g.source("bad");
        Node slow = g.source("slow");
        g.op(bad).failure = "process \"/bin/sh -c false\" did not complete successfully: exit code: 1";
        g.op(bad).sleepMillis = 100;
        g.op(slow).sleepMillis = 20_000;
        Node join = g.step("join", bad, slow);

        assertThatThrownBy(() -> solve(solver, g.build(join)))
                .isInstanceOfSatisfying(VertexError.class, e -> {
                    assertThat(e.vertexName()).isEqualTo("bad");
                    assertThat(e.vertex()).isEqualTo(bad.digest());
                    assertThat(e.location()).contains(SourceLocation.line("Dockerfile", 1));
                    assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
                    assertThat(e.getMessage()).startsWith("process \"/bin/sh -c false\"");
                });
        awaitTrue(() -> g.op(slow).interrupted);
        assertThat(g.op(join).execCalls).hasValue(0);
    }

    @Test
    void interruptingTheCaller_cancelsTheBuild() throws Exception {
        TestGraph g = new TestGraph(worker);
        Node slow = g.source("slow");
        g.op(slow).gate = new CountDownLatch(1);
        Graph graph = g.build(g.step("top", slow));
        AtomicInteger canceledEvents = new AtomicInteger();
        Thread[] caller = new Thread[1];
        KilnException[] thrown = new KilnException[1];
        caller[0] = Thread.ofVirtual().start(() -> {
            try {
                solver.solve(graph, SolveOptions.DEFAULT, e -> {
                    if (e instanceof ProgressEvent.VertexCanceled) {
                        canceledEvents.incrementAndGet();
                    }
                });
            } catch (KilnException e) {
                thrown[0] = e;
            }
        });
        awaitTrue(() -> g.op(slow).execCalls.get() == 1);
        caller[0].interrupt();
        caller[0].join(5_000);
        assertThat(thrown[0]).isNotNull().extracting(KilnException::kind).isEqualTo(ErrorKind.CANCELED);
        awaitTrue(() -> g.op(slow).interrupted);
        assertThat(canceledEvents).hasValue(1);
    }

    @Test
    void contentKeyedInput_sameContentHits_changedContentRuns() {
        String[] context = {"v1"};
        TestGraph g = new TestGraph(worker);
        Node local = g.source("context");
        g.op(local).volatileKey = true;
        g.op(local).value = () -> context[0];
        Node copy = g.step("copy", local);
        g.op(copy).deps.set(0, new WorkerSpi.Dep(Digest.sha256("/src"),
                (r, ctx) -> Digest.sha256(FakeWorker.value(r))));
        Graph graph = g.build(copy);

        assertThat(solve(solver, graph)).isEqualTo("copy(v1)");
        assertThat(solve(solver, graph)).isEqualTo("copy(v1)");
        assertThat(g.op(local).execCalls).as("a volatile source always runs").hasValue(2);
        assertThat(g.op(copy).execCalls).as("same content: cached").hasValue(1);

        context[0] = "v2";
        assertThat(solve(solver, graph)).isEqualTo("copy(v2)");
        assertThat(g.op(copy).execCalls).hasValue(2);
    }

    @Test
    void volatileInputWithoutContentDigest_makesUsersRunEveryTime() {
        TestGraph g = new TestGraph(worker);
        Node local = g.source("context");
        g.op(local).volatileKey = true;
        Node use = g.step("use", local);
        Graph graph = g.build(use);
        solve(solver, graph);
        try (SolveResult r = solver.solve(graph, SolveOptions.DEFAULT, ProgressSink.NONE)) {
            assertThat(r.cacheKey()).isNull();
        }
        assertThat(g.op(use).execCalls).hasValue(2);
        assertThat(store.records()).isEmpty();
    }

    @Test
    void contentDigestOfACachedInput_loadsItWithoutRunningIt() {
        TestGraph g = new TestGraph(worker);
        Node builder = g.step("builder", g.source("base"));
        solve(solver, g.build(builder));
        Node copy = g.step("copy-from", builder);
        g.op(copy).deps.set(0, new WorkerSpi.Dep(null, (r, ctx) -> Digest.sha256(FakeWorker.value(r))));
        assertThat(solve(solver, g.build(copy))).isEqualTo("copy-from(builder(base))");
        assertThat(g.op(builder).execCalls).hasValue(1);
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
