package dev.kiln.worker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.SourceOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Context syncs started ahead of the build graph: taken over, given up, failing like a sync of one's own. */
class ContextPrefetchTest {
    @TempDir
    Path tmp;

    /** A context of a.txt and b.log, whose contents are their first letters. */
    private Path context() throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        for (String name : List.of("a.txt", "b.log")) {
            Files.writeString(ctx.resolve(name), name.substring(0, 1));
        }
        return ctx;
    }

    /** A sync of the same mirror by another build of this process, which must get the mirror's lock in time. */
    private ContextSync.Synced syncAgain(Path ctx, List<String> excludes) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ContextSync.run(ctx, excludes, tmp.resolve("state/worker/contexts"), tmp.resolve("state"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void takenSync_isTheSourcesSync_andHoldsTheMirrorUntilReleased() throws Exception {
        Path ctx = context();
        try (ContextPrefetch prefetch = new ContextPrefetch(tmp.resolve("state/worker"))) {
            prefetch.start("context", ctx, List.of("*.log"));
            assertThat(prefetch.take("context", List.of())).as("other excludes: another mirror").isEmpty();
            ContextSync.Synced synced = prefetch.take("context", List.of("*.log")).orElseThrow();
            assertThat(synced.result().dir().resolve("a.txt")).hasContent("a");
            assertThat(synced.result().dir().resolve("b.log")).doesNotExist();
            assertThat(prefetch.take("context", List.of("*.log"))).as("taken once").isEmpty();
            synced.result().release();
            syncAgain(ctx, List.of("*.log")).result().release();
        }
    }

    /** A graph with just the local source {@code name} and those exclude patterns. */
    private static Graph graphReading(String name, List<String> excludes) {
        Graph.Builder b = Graph.builder();
        Map<String, String> attrs = excludes.isEmpty() ? Map.of() : Map.of("local.excludepatterns", Json.string(excludes));
        Node source = b.add(new SourceOp(SourceOp.LOCAL_SCHEME + name, attrs), List.of(), "linux/amd64",
                new NodeMeta("[internal] load build context", null, false));
        return b.build(source.output(0));
    }

    @Test
    void syncsTheGraphDoesNotUse_areGivenUp_soOtherBuildsCanSync() throws Exception {
        Path ctx = context();
        try (ContextPrefetch prefetch = new ContextPrefetch(tmp.resolve("state/worker"))) {
            prefetch.start("context", ctx, List.of());
            prefetch.start("other", ctx, List.of("*.log"));
            prefetch.keepOnlyUsedBy(graphReading("other", List.of("*.log")));
            assertThat(prefetch.take("context", List.of())).isEmpty();
            syncAgain(ctx, List.of()).result().release();
            ContextSync.Synced kept = prefetch.take("other", List.of("*.log")).orElseThrow();
            assertThat(kept.result().dir().resolve("b.log")).doesNotExist();
            kept.result().release();
        }
    }

    @Test
    void aContextOnlyAnUnusedStageReads_isGivenUp() throws Exception {
        Path ctx = context();
        Graph.Builder b = Graph.builder();
        b.add(new SourceOp(SourceOp.LOCAL_SCHEME + "context", Map.of()), List.of(), "linux/amd64",
                new NodeMeta("[internal] load build context", null, false));
        Node image = b.add(new SourceOp("docker-image://busybox:latest", Map.of()), List.of(), "linux/amd64",
                new NodeMeta("[1/1] FROM busybox", null, false));
        try (ContextPrefetch prefetch = new ContextPrefetch(tmp.resolve("state/worker"))) {
            prefetch.start("context", ctx, List.of());
            prefetch.keepOnlyUsedBy(b.build(image.output(0)));
            assertThat(prefetch.take("context", List.of())).isEmpty();
            syncAgain(ctx, List.of()).result().release();
        }
    }

    @Test
    void closing_releasesWhatNobodyTook() throws Exception {
        Path ctx = context();
        try (ContextPrefetch prefetch = new ContextPrefetch(tmp.resolve("state/worker"))) {
            prefetch.start("context", ctx, List.of());
        }
        syncAgain(ctx, List.of()).result().release();
    }

    @Test
    void aFailedSync_failsTheSourceThatTakesIt_asItsOwnWould() throws Exception {
        try (ContextPrefetch prefetch = new ContextPrefetch(tmp.resolve("state/worker"))) {
            prefetch.start("context", tmp.resolve("missing"), List.of());
            assertThatThrownBy(() -> prefetch.take("context", List.of()))
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                    .hasMessageContaining("missing");
        }
    }
}
