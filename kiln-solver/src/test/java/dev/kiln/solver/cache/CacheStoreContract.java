package dev.kiln.solver.cache;

import dev.kiln.core.Digest;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour every {@link CacheStore} implementation must have. */
abstract class CacheStoreContract {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    CacheStore store;

    abstract CacheStore create(Clock clock);

    @BeforeEach
    void setUp() {
        store = create(CLOCK);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static Digest d(String s) {
        return Digest.sha256(s);
    }

    @Test
    void find_unknownKey_isEmpty() {
        assertThat(store.find(d("nothing"))).isEmpty();
    }

    @Test
    void save_thenFind_returnsRecordWithCreationTime() {
        store.save(d("k"), "res-1", 42, List.of());
        assertThat(store.find(d("k"))).contains(new CacheRecord(d("k"), "res-1", T0, T0, 42, 0));
    }

    @Test
    void save_sameKeyTwice_replacesResult() {
        store.save(d("k"), "old", 1, List.of());
        store.save(d("k"), "new", 2, List.of());
        assertThat(store.find(d("k")).orElseThrow().resultId()).isEqualTo("new");
        assertThat(store.records()).hasSize(1);
    }

    @Test
    void markUsed_countsReusesAndMovesLastUsed() {
        store.save(d("k"), "res", 1, List.of());
        Instant later = T0.plusSeconds(60);
        store.markUsed(d("k"), later);
        store.markUsed(d("k"), later.plusSeconds(1));
        CacheRecord r = store.find(d("k")).orElseThrow();
        assertThat(r.usageCount()).isEqualTo(2);
        assertThat(r.lastUsed()).isEqualTo(later.plusSeconds(1));
        assertThat(r.created()).isEqualTo(T0);
    }

    @Test
    void markUsed_unknownKey_doesNothing() {
        store.markUsed(d("missing"), T0);
        assertThat(store.records()).isEmpty();
    }

    @Test
    void links_areFoundFromBothEnds() {
        CacheLink a = new CacheLink(d("in0"), 0, d("sel"), d("op"), d("out"));
        CacheLink b = new CacheLink(d("in1"), 1, null, d("op"), d("out"));
        store.save(d("out"), "res", 1, List.of(a, b));
        assertThat(store.links(d("in0"))).containsExactly(a);
        assertThat(store.links(d("in1"))).containsExactly(b);
        assertThat(store.backlinks(d("out"))).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void save_linkToAnotherKey_isRejectedAndNothingIsStored() {
        CacheLink wrong = new CacheLink(d("in"), 0, null, d("op"), d("elsewhere"));
        assertThatThrownBy(() -> store.save(d("out"), "res", 1, List.of(wrong)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(d("out"))).isEmpty();
        assertThat(store.links(d("in"))).isEmpty();
    }

    @Test
    void sameLinkSavedTwice_isStoredOnce() {
        CacheLink a = new CacheLink(d("in"), 0, null, d("op"), d("out"));
        store.save(d("out"), "r1", 1, List.of(a));
        store.save(d("out"), "r2", 1, List.of(a));
        assertThat(store.backlinks(d("out"))).containsExactly(a);
    }

    @Test
    void remove_dropsRecordAndLinksLeadingToIt() {
        CacheLink a = new CacheLink(d("in"), 0, null, d("op"), d("out"));
        store.save(d("out"), "res", 1, List.of(a));
        store.save(d("other"), "res2", 1, List.of());
        store.remove(d("out"));
        assertThat(store.find(d("out"))).isEmpty();
        assertThat(store.links(d("in"))).isEmpty();
        assertThat(store.find(d("other"))).isPresent();
    }

    @Test
    void removeResult_dropsEveryKeyPointingAtIt() {
        store.save(d("k1"), "shared", 1, List.of());
        store.save(d("k2"), "shared", 1, List.of());
        store.save(d("k3"), "own", 1, List.of());
        assertThat(store.recordsFor("shared")).extracting(CacheRecord::key).containsExactlyInAnyOrder(d("k1"), d("k2"));
        assertThat(store.removeResult("shared")).containsExactlyInAnyOrder(d("k1"), d("k2"));
        assertThat(store.records()).extracting(CacheRecord::key).containsExactly(d("k3"));
    }

    @Test
    void refs_keepParentsInOrderAndFindChildren() {
        RefInfo base = new RefInfo("base", List.of(), 100, T0, T0, "regular");
        RefInfo mid = new RefInfo("mid", List.of("base"), 10, T0, T0, "regular");
        RefInfo merged = new RefInfo("merged", List.of("mid", "base"), 0, T0, T0, "merge");
        store.putRef(base);
        store.putRef(mid);
        store.putRef(merged);
        assertThat(store.ref("merged")).contains(merged);
        assertThat(store.children("base")).containsExactly(merged, mid);
        assertThat(store.refs()).containsExactly(base, merged, mid);
    }

    @Test
    void putRef_again_replacesParents() {
        store.putRef(new RefInfo("a", List.of("p1", "p2"), 1, T0, T0, "regular"));
        RefInfo replaced = new RefInfo("a", List.of("p3"), 2, T0, T0, "regular");
        store.putRef(replaced);
        assertThat(store.ref("a")).contains(replaced);
        assertThat(store.children("p1")).isEmpty();
    }

    @Test
    void markRefUsed_updatesLastUsed() {
        store.putRef(new RefInfo("a", List.of(), 1, T0, T0, null));
        store.markRefUsed("a", T0.plusSeconds(5));
        assertThat(store.ref("a").orElseThrow().lastUsed()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void removeRef_withChildren_isRefused() {
        store.putRef(new RefInfo("base", List.of(), 1, T0, T0, "regular"));
        store.putRef(new RefInfo("child", List.of("base"), 1, T0, T0, "regular"));
        assertThatThrownBy(() -> store.removeRef("base")).isInstanceOf(KilnException.class).hasMessageContaining("base");
        store.removeRef("child");
        store.removeRef("base");
        assertThat(store.refs()).isEmpty();
    }

    @Test
    void concurrentSaves_areAllKept() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                pool.submit(() -> store.save(d("k" + n), "r" + n, n,
                        List.of(new CacheLink(d("in" + n), 0, null, d("op"), d("k" + n)))));
            }
        }
        assertThat(store.records()).hasSize(50);
        assertThat(store.backlinks(d("k7"))).hasSize(1);
    }
}
