package dev.kiln.core.content;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behaviour every {@link ContentStore} must have (containerd's content test suite, in spirit). Subclasses provide
 * a fresh store and a way to damage a stored blob behind the store's back.
 */
abstract class ContentStoreContract {
    private static final byte[] HELLO = "hello, content".getBytes(StandardCharsets.UTF_8);
    private static final Digest HELLO_DIGEST = Digest.sha256(HELLO);

    protected ContentStore store;

    protected abstract ContentStore newStore() throws IOException;

    /** Overwrites the stored bytes of {@code digest} with different bytes of the same length. */
    protected abstract void corrupt(Digest digest) throws IOException;

    @BeforeEach
    void setUp() throws IOException {
        store = newStore();
    }

    @Test
    void commit_matchingExpectations_makesContentReadable() throws IOException {
        Digest d;
        try (ContentWriter w = store.writer()) {
            w.write(HELLO, 0, 5);
            w.write(HELLO, 5, HELLO.length - 5);
            assertThat(w.written()).isEqualTo(HELLO.length);
            d = w.commit(HELLO.length, HELLO_DIGEST);
        }
        assertThat(d).isEqualTo(HELLO_DIGEST);
        assertThat(store.exists(d)).isTrue();
        assertThat(store.size(d)).isEqualTo(HELLO.length);
        try (InputStream in = store.open(d)) {
            assertThat(in.readAllBytes()).isEqualTo(HELLO);
        }
        assertThat(Files.readAllBytes(store.path(d))).isEqualTo(HELLO);
    }

    @Test
    void commit_withoutExpectations_storesUnderComputedDigest() throws IOException {
        byte[] data = "anything".getBytes(StandardCharsets.UTF_8);
        try (ContentWriter w = store.writer()) {
            w.write(data);
            assertThat(w.commit(-1, null)).isEqualTo(Digest.sha256(data));
        }
        assertThat(store.read(Digest.sha256(data), 100)).isEqualTo(data);
    }

    @Test
    void commit_wrongDigest_failsNamingBothDigestsAndPublishesNothing() throws IOException {
        Digest wrong = Digest.sha256("something else");
        try (ContentWriter w = store.writer()) {
            w.write(HELLO);
            assertThatThrownBy(() -> w.commit(HELLO.length, wrong))
                    .isInstanceOfSatisfying(KilnException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION))
                    .hasMessageContaining(HELLO_DIGEST.toString())
                    .hasMessageContaining(wrong.toString());
        }
        assertThat(store.exists(HELLO_DIGEST)).isFalse();
        assertThat(store.exists(wrong)).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void commit_wrongSize_failsAndPublishesNothing() throws IOException {
        try (ContentWriter w = store.writer()) {
            w.write(HELLO);
            assertThatThrownBy(() -> w.commit(HELLO.length + 1, HELLO_DIGEST))
                    .isInstanceOfSatisfying(KilnException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION))
                    .hasMessageContaining("size " + HELLO.length)
                    .hasMessageContaining(HELLO_DIGEST.toString());
        }
        assertThat(store.exists(HELLO_DIGEST)).isFalse();
    }

    @Test
    void commit_contentAlreadyPresent_succeeds() {
        assertThat(store.put(HELLO, HELLO_DIGEST)).isEqualTo(HELLO_DIGEST);
        assertThat(store.put(HELLO, HELLO_DIGEST)).isEqualTo(HELLO_DIGEST);
        assertThat(store.list()).extracting(ContentInfo::digest).containsExactly(HELLO_DIGEST);
    }

    @Test
    void put_ofOtherBytesUnderAPresentDigest_isRejected() {
        store.put(HELLO, HELLO_DIGEST);
        assertThatThrownBy(() -> store.put("not hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), HELLO_DIGEST))
                .isInstanceOf(KilnException.class).hasMessageContaining(HELLO_DIGEST.toString());
        assertThat(store.read(HELLO_DIGEST, 1024)).isEqualTo(HELLO);
    }

    @Test
    void commit_twice_isRejected() throws IOException {
        try (ContentWriter w = store.writer()) {
            w.write(HELLO);
            w.commit(-1, null);
            assertThatThrownBy(() -> w.commit(-1, null)).isInstanceOf(KilnException.class);
            assertThatThrownBy(() -> w.write(1)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void close_withoutCommit_leavesNothingVisible() throws IOException {
        try (ContentWriter w = store.writer()) {
            w.write(HELLO);
        }
        assertThat(store.exists(HELLO_DIGEST)).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void uncommittedWrite_isInvisibleWhileInProgress() throws IOException {
        try (ContentWriter w = store.writer()) {
            w.write(HELLO);
            assertThat(store.exists(HELLO_DIGEST)).isFalse();
            assertThat(store.list()).isEmpty();
            w.commit(HELLO.length, HELLO_DIGEST);
        }
        assertThat(store.exists(HELLO_DIGEST)).isTrue();
    }

    @Test
    void missingContent_isReportedAsNotFound() {
        Digest absent = Digest.sha256("absent");
        assertThat(store.info(absent)).isEmpty();
        assertThat(store.exists(absent)).isFalse();
        for (Callable<?> read : List.<Callable<?>>of(() -> store.open(absent), () -> store.path(absent),
                () -> store.size(absent), () -> store.verify(absent))) {
            assertThatThrownBy(read::call)
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                    .hasMessage("content " + absent + " not found");
        }
    }

    @Test
    void delete_removesContent() {
        store.put(HELLO, HELLO_DIGEST);
        assertThat(store.delete(HELLO_DIGEST)).isTrue();
        assertThat(store.exists(HELLO_DIGEST)).isFalse();
        assertThat(store.delete(HELLO_DIGEST)).isFalse();
    }

    @Test
    void list_reportsEveryBlobWithItsSize() {
        List<org.assertj.core.groups.Tuple> expected = new ArrayList<>();
        for (int size = 0; size <= 400; size += 100) {
            byte[] data = new byte[size];
            expected.add(org.assertj.core.groups.Tuple.tuple(store.put(data, null), (long) size));
        }
        assertThat(store.list())
                .extracting(ContentInfo::digest, ContentInfo::size)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.list()).allSatisfy(i -> assertThat(i.committedAt()).isNotNull());
    }

    @Test
    void verify_detectsCorruptionBehindTheStoresBack() throws IOException {
        store.put(HELLO, HELLO_DIGEST);
        assertThat(store.verify(HELLO_DIGEST)).isTrue();
        corrupt(HELLO_DIGEST);
        assertThat(store.verify(HELLO_DIGEST)).isFalse();
    }

    @Test
    void read_overLimit_fails() {
        store.put(HELLO, HELLO_DIGEST);
        assertThatThrownBy(() -> store.read(HELLO_DIGEST, HELLO.length - 1))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("more than the limit of " + (HELLO.length - 1));
        assertThat(store.read(HELLO_DIGEST, HELLO.length)).isEqualTo(HELLO);
    }

    @Test
    void concurrentWritersOfSameContent_allSucceed() throws Exception {
        byte[] big = new byte[1 << 20];
        new java.util.Random(7).nextBytes(big);
        Digest expected = Digest.sha256(big);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Digest>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> store.put(big, expected)));
            }
            for (Future<Digest> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        }
        assertThat(store.list()).hasSize(1);
        assertThat(store.verify(expected)).isTrue();
    }
}
