package dev.kiln.e2e.mounts;

import dev.kiln.worker.cachemount.CacheMountInfo;
import dev.kiln.worker.ops.BuildWorker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static dev.kiln.e2e.mounts.Kiln.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sharing=} with two {@code kiln build} processes at once on one state root and one cache id. The
 * test talks to the running steps through the cache directories themselves (they are host directories):
 * each step marks {@code WHO.started} in its cache mount and waits for the test to drop {@code WHO.release}
 * there, so the test sees exactly which directory each build got and when.
 */
class CacheSharingE2eTest extends MountsE2eBase {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @BeforeAll
    static void warmUp() {
        // Pull and unpack the base once, so the two concurrent builds race only on the cache mount.
        kiln.build(Kiln.context(dir.resolve("warm"), Map.of("Dockerfile", "FROM " + BUSYBOX + "\nRUN true\n"))).ok();
    }

    /** Both builds run their steps at the same time in one directory. */
    @Test
    void shared_bothBuildsUseOneDirectoryAtOnce() {
        try (Pair builds = Pair.start("shared")) {
            awaitStarted(builds, "shared", "a", "b");
            List<Path> dirs = dataDirs("shared");
            assertThat(dirs).hasSize(1);
            release(dirs.getFirst(), "a", "b");
            builds.awaitBoth();
        }
    }

    /** The second concurrent user gets a fresh directory of its own. */
    @Test
    void private_concurrentBuildsGetSeparateDirectories() {
        try (Pair builds = Pair.start("private")) {
            awaitStarted(builds, "private", "a", "b");
            List<Path> dirs = dataDirs("private");
            assertThat(dirs).hasSize(2);
            assertThat(dirs).allSatisfy(d -> assertThat(markers(d)).hasSize(1));
            dirs.forEach(d -> release(d, "a", "b"));
            builds.awaitBoth();
        }
    }

    /** The second build waits until the first has released the directory, then gets the same one. */
    @Test
    void locked_secondBuildWaitsForTheFirst() throws InterruptedException {
        try (Pair builds = Pair.start("locked")) {
            String first = awaitAnyStarted(builds, "locked");
            String second = first.equals("a") ? "b" : "a";
            Thread.sleep(3000); // the other build has long reached its step; with sharing=locked it must wait
            List<Path> dirs = dataDirs("locked");
            assertThat(dirs).hasSize(1);
            assertThat(markers(dirs.getFirst())).containsExactly(first + ".started");

            release(dirs.getFirst(), first);
            awaitStarted(builds, "locked", second);
            assertThat(dataDirs("locked")).containsExactlyElementsOf(dirs);
            release(dirs.getFirst(), second);
            builds.awaitBoth();
        }
    }

    /** Two child builds of the same step, told apart by WHO. */
    private record Pair(Kiln.Child a, Kiln.Child b) implements AutoCloseable {
        static Pair start(String sharing) {
            Path ctx = Kiln.context(dir.resolve(sharing), Map.of("Dockerfile", """
                    FROM %s
                    ARG WHO
                    RUN --mount=type=cache,id=conc-%s,target=/c,sharing=%s touch /c/$WHO.started; i=0; \\
                        : neither the id nor the sharing is part of the cache key, so this text is: %s; \\
                        while [ ! -e /c/$WHO.release ] && [ $i -lt 1800 ]; do sleep 0.05; i=$((i+1)); done; \\
                        test -e /c/$WHO.release
                    """.formatted(BUSYBOX, sharing, sharing, sharing)));
            return new Pair(kiln.start(dir.resolve(sharing + "-a"), dir, Map.of(), ctx, "--build-arg", "WHO=a"),
                    kiln.start(dir.resolve(sharing + "-b"), dir, Map.of(), ctx, "--build-arg", "WHO=b"));
        }

        void awaitBoth() {
            a.await().ok();
            b.await().ok();
        }

        @Override
        public void close() {
            a.process().destroyForcibly();
            b.process().destroyForcibly();
        }
    }

    private static List<Path> dataDirs(String sharing) {
        Path records = kiln.root.resolve("worker/cachemounts/records");
        return BuildWorker.openCacheMounts(kiln.root.resolve("worker")).list().stream()
                .filter(i -> i.key().equals("/conc-" + sharing))
                .map(CacheMountInfo::recordId).map(id -> records.resolve(id).resolve("data")).toList();
    }

    private static List<String> markers(Path data) {
        try (var files = Files.list(data)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".started")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the steps of {@code who}; only their builds must stay alive (a released one may finish). */
    private static void awaitStarted(Pair builds, String sharing, String... who) {
        List<String> wanted = List.of(who).stream().map(w -> w + ".started").toList();
        List<Kiln.Child> waitedFor = List.of(who).stream().map(w -> w.equals("a") ? builds.a() : builds.b()).toList();
        await(waitedFor, "steps " + wanted + " started", () -> dataDirs(sharing).stream()
                .flatMap(d -> markers(d).stream()).toList().containsAll(wanted));
    }

    private static String awaitAnyStarted(Pair builds, String sharing) {
        await(List.of(builds.a(), builds.b()), "a step started",
                () -> dataDirs(sharing).stream().anyMatch(d -> !markers(d).isEmpty()));
        return markers(dataDirs(sharing).getFirst()).getFirst().replace(".started", "");
    }

    /** Polls {@code condition}; fails when time runs out or a build ends before it holds. */
    private static void await(List<Kiln.Child> builds, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            for (Kiln.Child c : builds) {
                if (!c.process().isAlive()) {
                    throw new AssertionError("a build ended before " + what + ":\n" + c.await().err());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + PATIENCE);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void release(Path data, String... who) {
        try {
            for (String w : who) {
                Files.createFile(data.resolve(w + ".release"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
