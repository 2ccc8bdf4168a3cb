package dev.kiln.worker.cachemount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount.Sharing;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BuildKit's three sharing modes, between threads and between processes. */
class CacheMountSharingTest {
    @TempDir
    Path root;

    private CacheMountManager manager;

    @BeforeEach
    void open() {
        manager = CacheMountManager.open(root);
    }

    @Test
    void shared_concurrentUsers_getTheSameDirectory() {
        try (CacheMount a = manager.acquire(spec("go", Sharing.SHARED));
                CacheMount b = manager.acquire(spec("go", Sharing.SHARED))) {
            assertThat(b.directory()).isEqualTo(a.directory());
        }
    }

    @Test
    void private_concurrentUserGetsAFreshDirectory_whichLaterUsersPickUp() {
        Path first;
        Path second;
        try (CacheMount a = manager.acquire(spec("apt", Sharing.PRIVATE));
                CacheMount b = manager.acquire(spec("apt", Sharing.PRIVATE))) {
            first = a.directory();
            second = b.directory();
            assertThat(second).isNotEqualTo(first);
        }
        try (CacheMount a = manager.acquire(spec("apt", Sharing.PRIVATE));
                CacheMount b = manager.acquire(spec("apt", Sharing.PRIVATE));
                CacheMount c = manager.acquire(spec("apt", Sharing.PRIVATE))) {
            assertThat(a.directory()).isEqualTo(first);
            assertThat(b.directory()).isEqualTo(second);
            assertThat(c.directory()).isNotIn(first, second);
        }
    }

    @Test
    void locked_secondUserWaitsForTheFirstToRelease() throws Exception {
        CacheMount first = manager.acquire(spec("db", Sharing.LOCKED));
        CompletableFuture<CacheMount> second = CompletableFuture.supplyAsync(() -> manager.acquire(spec("db",
                Sharing.LOCKED)), r -> Thread.ofPlatform().start(r));

        Thread.sleep(300);
        assertThat(second).isNotDone();
        first.release();

        try (CacheMount got = second.get(5, TimeUnit.SECONDS)) {
            assertThat(got.directory()).isEqualTo(first.directory());
        }
    }

    @Test
    void locked_interruptedWaiter_isCanceled() throws Exception {
        try (CacheMount held = manager.acquire(spec("db", Sharing.LOCKED))) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    manager.acquire(spec("db", Sharing.LOCKED)).release();
                    failure.complete(null);
                } catch (RuntimeException e) {
                    failure.complete(e);
                }
            });
            Thread.sleep(200);
            waiter.interrupt();

            assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(KilnException.class)
                    .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.CANCELED);
            assertThat(held.directory()).isDirectory();
        }
    }

    @Test
    void locked_holderMakesSharedAndPrivateUsersTakeAnotherDirectory() {
        try (CacheMount locked = manager.acquire(spec("k", Sharing.LOCKED));
                CacheMount shared = manager.acquire(spec("k", Sharing.SHARED));
                CacheMount shared2 = manager.acquire(spec("k", Sharing.SHARED));
                CacheMount priv = manager.acquire(spec("k", Sharing.PRIVATE))) {
            assertThat(shared.directory()).isNotEqualTo(locked.directory()).isEqualTo(shared2.directory());
            assertThat(priv.directory()).isNotIn(locked.directory(), shared.directory());
        }
    }

    @Test
    void locked_acrossProcesses_waitsForTheOtherProcess() throws Exception {
        try (ChildProcess child = ChildProcess.holding(root, "db", "LOCKED")) {
            Path childDir = child.awaitHeld();
            CompletableFuture<CacheMount> mine = CompletableFuture.supplyAsync(() -> manager.acquire(spec("db",
                    Sharing.LOCKED)), r -> Thread.ofPlatform().start(r));

            Thread.sleep(500);
            assertThat(mine).isNotDone();
            child.release();

            try (CacheMount got = mine.get(10, TimeUnit.SECONDS)) {
                assertThat(got.directory()).isEqualTo(childDir);
                assertThat(got.directory().resolve("from-child")).hasContent("hello");
            }
        }
    }

    @Test
    void locked_holderKilled_lockVanishesWithTheProcess() throws Exception {
        try (ChildProcess child = ChildProcess.holding(root, "db", "LOCKED")) {
            Path childDir = child.awaitHeld();
            CompletableFuture<CacheMount> mine = CompletableFuture.supplyAsync(() -> manager.acquire(spec("db",
                    Sharing.LOCKED)), r -> Thread.ofPlatform().start(r));
            Thread.sleep(300);
            assertThat(mine).isNotDone();

            child.kill();

            try (CacheMount got = mine.get(10, TimeUnit.SECONDS)) {
                assertThat(got.directory()).isEqualTo(childDir);
            }
        }
    }

    @Test
    void sharedAndPrivate_acrossProcesses() throws Exception {
        try (ChildProcess shared = ChildProcess.holding(root, "s", "SHARED");
                ChildProcess priv = ChildProcess.holding(root, "p", "PRIVATE")) {
            Path sharedDir = shared.awaitHeld();
            Path privateDir = priv.awaitHeld();
            try (CacheMount s = manager.acquire(spec("s", Sharing.SHARED));
                    CacheMount p = manager.acquire(spec("p", Sharing.PRIVATE))) {
                assertThat(s.directory()).isEqualTo(sharedDir);
                assertThat(p.directory()).isNotEqualTo(privateDir);
                assertThat(manager.list()).filteredOn(CacheMountInfo::inUse).hasSize(3);
            }
            shared.release();
            priv.release();
        }
    }

    private static CacheMountSpec spec(String id, Sharing sharing) {
        return CacheMountSpec.of("", id, sharing);
    }
}
