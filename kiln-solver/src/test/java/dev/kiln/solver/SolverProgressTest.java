package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.solver.ProgressEvent.VertexCached;
import dev.kiln.solver.ProgressEvent.VertexCanceled;
import dev.kiln.solver.ProgressEvent.VertexCompleted;
import dev.kiln.solver.ProgressEvent.VertexFailed;
import dev.kiln.solver.ProgressEvent.VertexLog;
import dev.kiln.solver.ProgressEvent.VertexStarted;
import dev.kiln.solver.ProgressEvent.VertexStatus;
import dev.kiln.solver.cache.InMemoryCacheStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class SolverProgressTest {
    final FakeWorker worker = new FakeWorker();
    final Solver solver = new Solver(worker, new InMemoryCacheStore(), 0);
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void nothingLeaks() {
        assertThat(worker.liveHandles.get()).isZero();
    }

    void solve(Graph graph) {
        solver.solve(graph, SolveOptions.DEFAULT, events::add).close();
    }

    List<Class<?>> kindsFor(Node n) {
        return events.stream().filter(e -> e.vertex().equals(n.digest())).<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void executedVertex_reportsStartedLogCompleted_withNameAndLocation() {
        TestGraph g = new TestGraph(worker);
        Node base = g.source("base");
        solve(g.build(base));
        assertThat(kindsFor(base)).containsExactly(VertexStarted.class, VertexLog.class, VertexCompleted.class);
        VertexStarted started = (VertexStarted) events.getFirst();
        assertThat(started.name()).isEqualTo("base");
        assertThat(started.location().startLine()).isEqualTo(1);
        assertThat(new String(((VertexLog) events.get(1)).data())).isEqualTo("running base\n");
    }

    @Test
    void cachedBuild_reportsEveryVertexCachedOnce() {
        TestGraph g = new TestGraph(worker);
        Node base = g.source("base");
        Node top = g.step("top", g.step("mid", base));
        solve(g.build(top));
        events.clear();
        solve(g.build(top));
        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(VertexCached.class));
        assertThat(events).extracting(ProgressEvent::vertex).doesNotHaveDuplicates();
    }

    @Test
    void failure_isReportedOnlyOnTheFailingVertex_andRunningSiblingsAreCanceled() {
        TestGraph g = new TestGraph(worker);
        Node bad = g.source("bad");
        Node slow = g.source("slow");
        g.op(bad).failure = "boom";
        g.op(bad).sleepMillis = 100;
        g.op(slow).sleepMillis = 20_000;
        Node join = g.step("join", bad, slow);
        assertThatThrownBy(() -> solve(g.build(join))).isInstanceOf(VertexError.class);
        assertThat(kindsFor(bad)).containsExactly(VertexStarted.class, VertexLog.class, VertexFailed.class);
        assertThat(((VertexFailed) events.stream().filter(VertexFailed.class::isInstance).findFirst().orElseThrow())
                .error().getMessage()).isEqualTo("boom");
        assertThat(kindsFor(slow)).containsExactly(VertexStarted.class, VertexLog.class, VertexCanceled.class);
        assertThat(kindsFor(join)).isEmpty();
    }

    @Test
    void cacheMapFailure_isReportedAsAFailedVertex() {
        TestGraph g = new TestGraph(worker);
        Node top = g.step("top", g.source("base"));
        g.op(top).deps.clear();
        assertThatThrownBy(() -> solve(g.build(top)))
                .isInstanceOf(VertexError.class)
                .hasMessageContaining("describes 0 inputs, the node has 1");
        assertThat(kindsFor(top)).containsExactly(VertexStarted.class, VertexFailed.class);
    }

    @Test
    void statusFromAContentDigest_reachesTheSink() {
        TestGraph g = new TestGraph(worker);
        Node local = g.source("context");
        g.op(local).volatileKey = true;
        Node copy = g.step("copy", local);
        g.op(copy).deps.set(0, new WorkerSpi.Dep(null, (r, ctx) -> {
            ctx.status("checksum", 3, 3);
            return Digest.sha256(FakeWorker.value(r));
        }));
        solve(g.build(copy));
        assertThat(events).filteredOn(VertexStatus.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((VertexStatus) e).id()).isEqualTo("checksum"));
    }
}
