package dev.kiln.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
    @Test
    void madeOnce_whenFirstAsked_andClosedOnlyIfMade() {
        AtomicInteger made = new AtomicInteger();
        Lazy<String> lazy = new Lazy<>(() -> "part " + made.incrementAndGet());
        List<String> closed = new ArrayList<>();
        lazy.ifMade(closed::add);
        assertThat(made).hasValue(0);
        assertThat(lazy.get()).isEqualTo("part 1");
        assertThat(lazy.get()).isEqualTo("part 1");
        lazy.ifMade(closed::add);
        assertThat(closed).containsExactly("part 1");
    }

    @Test
    void background_makesItWhileTheCallerDoesOtherWork() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Lazy<Thread> lazy = new Lazy<>(() -> {
            started.countDown();
            return Thread.currentThread();
        });
        lazy.makeInBackground("test");
        started.await();
        assertThat(lazy.get().getName()).isEqualTo("kiln-open-test");
    }

    @Test
    void backgroundFailure_isReportedByTheCallersOwnGet() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch tried = new CountDownLatch(1);
        Lazy<String> lazy = new Lazy<>(() -> {
            attempts.incrementAndGet();
            tried.countDown();
            throw new IllegalStateException("cannot open");
        });
        lazy.makeInBackground("failing");
        tried.await();
        assertThatThrownBy(lazy::get).hasMessage("cannot open");
        assertThat(attempts).hasValue(2);
    }
}
