package dev.kiln.worker.cachemount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount.Sharing;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, creation, persistence, listing and removal of cache directories. */
class CacheMountManagerTest {
    @TempDir
    Path root;

    private CacheMountManager manager;

    @BeforeEach
    void open() {
        manager = CacheMountManager.open(root.resolve("cachemounts"));
    }

    @Test
    void contents_persistAcrossManagerInstances() throws Exception {
        try (CacheMount m = manager.acquire(CacheMountSpec.of("", "/root/.cache", Sharing.SHARED))) {
            Files.writeString(m.directory().resolve("built.o"), "object");
        }
        CacheMountManager reopened = CacheMountManager.open(root.resolve("cachemounts"));
        try (CacheMount m = reopened.acquire(CacheMountSpec.of("", "/root/.cache", Sharing.LOCKED))) {
            assertThat(m.directory().resolve("built.o")).hasContent("object");
        }
    }

    @Test
    void key_isNamespaceIdAndSource() {
        try (CacheMount a = manager.acquire(CacheMountSpec.of("", "x", Sharing.SHARED));
                CacheMount b = manager.acquire(CacheMountSpec.of("ns1", "x", Sharing.SHARED));
                CacheMount c = manager.acquire(new CacheMountSpec("", "x", "sha256:src", Sharing.SHARED, 0755, 0, 0,
                        Optional.empty()));
                CacheMount d = manager.acquire(CacheMountSpec.of("", "y", Sharing.SHARED))) {
            assertThat(List.of(a.directory(), b.directory(), c.directory(), d.directory())).doesNotHaveDuplicates();
        }
        assertThat(manager.list()).extracting(CacheMountInfo::key).containsExactlyInAnyOrder("/x", "ns1/x", "/x", "/y");
    }

    @Test
    void create_appliesModeAndOwner() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
        CacheMountSpec spec = new CacheMountSpec("", "/mycache", "", Sharing.SHARED, 0751, 1001, 1002, Optional.empty());
        try (CacheMount m = manager.acquire(spec)) {
            FileStat st = LinuxFiles.lstat(m.directory());
            assertThat(List.of(st.uid(), st.gid(), st.mode())).containsExactly(1001, 1002, 040751); // stat %f = 41e9
        }
    }

    @Test
    void seed_isCopiedOnlyWhenTheDirectoryIsCreated() throws Exception {
        Path seed = Files.createDirectories(root.resolve("seed/sub"));
        Files.writeString(seed.resolve("f"), "seeded");
        CacheMountSpec spec = new CacheMountSpec("", "s", "sha256:seed", Sharing.LOCKED, 0700, 0, 0,
                Optional.of(root.resolve("seed")));
        try (CacheMount m = manager.acquire(spec)) {
            assertThat(m.directory().resolve("sub/f")).hasContent("seeded");
            assertThat(LinuxFiles.lstat(m.directory()).permissions()).isEqualTo(0700);
            Files.delete(m.directory().resolve("sub/f"));
        }
        try (CacheMount m = manager.acquire(spec)) {
            assertThat(m.directory().resolve("sub/f")).doesNotExist();
        }
        assertThat(seed.resolve("f")).hasContent("seeded");
    }

    @Test
    void list_reportsSizeLastUseAndUse() throws Exception {
        CacheMount m = manager.acquire(CacheMountSpec.of("", "big", Sharing.SHARED));
        Files.write(m.directory().resolve("blob"), new byte[1 << 20]);
        CacheMountInfo during = manager.list().getFirst();
        Thread.sleep(5);
        m.release();
        CacheMountInfo after = manager.list().getFirst();

        assertThat(during.inUse()).isTrue();
        assertThat(after.inUse()).isFalse();
        assertThat(after.size()).isGreaterThanOrEqualTo(1 << 20);
        assertThat(after.recordId()).isEqualTo(m.recordId());
        assertThat(after.lastUsed()).isAfter(during.lastUsed()).isAfter(after.created());
    }

    @Test
    void remove_refusesADirectoryInUse_thenDeletesIt() throws Exception {
        CacheMount m = manager.acquire(CacheMountSpec.of("", "r", Sharing.SHARED));
        Files.writeString(m.directory().resolve("f"), "x");

        assertThat(manager.remove(m.recordId())).isFalse();
        m.release();
        assertThat(manager.remove(m.recordId())).isTrue();
        assertThat(manager.remove(m.recordId())).isFalse();

        assertThat(m.directory()).doesNotExist();
        assertThat(manager.list()).isEmpty();
        try (CacheMount fresh = manager.acquire(CacheMountSpec.of("", "r", Sharing.SHARED))) {
            assertThat(fresh.directory().resolve("f")).doesNotExist();
        }
    }

    @Test
    void remove_hostileIds_touchNothing() throws Exception {
        Files.createDirectories(root.resolve("cachemounts/victim"));
        for (String id : List.of("", "..", "../victim", "../../cachemounts", ".")) {
            assertThat(manager.remove(id)).as(id).isFalse();
        }
        assertThat(root.resolve("cachemounts/victim")).isDirectory();
    }

    @Test
    void prune_removesSelectedUnusedDirectories() {
        manager.acquire(CacheMountSpec.of("", "keep", Sharing.SHARED)).release();
        manager.acquire(CacheMountSpec.of("", "drop", Sharing.SHARED)).release();
        CacheMount busy = manager.acquire(CacheMountSpec.of("", "drop", Sharing.PRIVATE));
        CacheMount busy2 = manager.acquire(CacheMountSpec.of("", "drop", Sharing.PRIVATE));

        List<CacheMountInfo> removed = manager.prune(i -> i.key().equals("/drop"));

        assertThat(removed).isEmpty(); // both "drop" directories are in use
        busy2.release();
        assertThat(manager.prune(i -> i.key().equals("/drop"))).extracting(CacheMountInfo::recordId)
                .containsExactly(busy2.recordId());
        busy.release();
        assertThat(manager.list()).extracting(CacheMountInfo::key).containsExactlyInAnyOrder("/keep", "/drop");
    }

    @Test
    void leftoversOfACrashedCreation_areCleanedAndNeverListed() throws Exception {
        Path leftover = Files.createDirectories(root.resolve("cachemounts/tmp/0123/data"));
        Files.writeString(leftover.resolve("half"), "x");

        assertThat(manager.list()).isEmpty();
        assertThat(root.resolve("cachemounts/tmp/0123")).doesNotExist();
    }

    @Test
    void emptyId_isRejected() {
        assertThatThrownBy(() -> CacheMountSpec.of("", "", Sharing.SHARED)).isInstanceOf(KilnException.class)
                .hasMessage("cache mount id is empty");
    }
}
