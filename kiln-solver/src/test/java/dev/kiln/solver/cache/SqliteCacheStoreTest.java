package dev.kiln.solver.cache;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteCacheStoreTest extends CacheStoreContract {
    @TempDir
    Path dir;

    @Override
    CacheStore create(Clock clock) {
        return SqliteCacheStore.open(dir.resolve("cache.db"), clock);
    }

    @Test
    void reopen_keepsRecordsLinksAndRefs() {
        CacheLink link = new CacheLink(d("in"), 0, d("sel"), d("op"), d("out"));
        store.save(d("out"), "res", 7, List.of(link));
        store.putRef(new RefInfo("res", List.of("base"), 7, T0, T0, "regular"));
        store.close();
        store = SqliteCacheStore.open(dir.resolve("cache.db"), CLOCK);
        assertThat(store.find(d("out"))).contains(new CacheRecord(d("out"), "res", T0, T0, 7, 0));
        assertThat(store.links(d("in"))).containsExactly(link);
        assertThat(store.ref("res").orElseThrow().parents()).containsExactly("base");
    }

    @Test
    void open_usesWriteAheadLog() throws Exception {
        store.save(d("k"), "r", 1, List.of());
        assertThat(Files.exists(dir.resolve("cache.db-wal"))).isTrue();
    }

    @Test
    void open_garbageFile_failsWithKilnException() throws Exception {
        Path bad = dir.resolve("bad.db");
        Files.write(bad, "this is not a database, just text that is long enough".repeat(100).getBytes());
        assertThatThrownBy(() -> SqliteCacheStore.open(bad, CLOCK))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("bad.db");
    }
}
