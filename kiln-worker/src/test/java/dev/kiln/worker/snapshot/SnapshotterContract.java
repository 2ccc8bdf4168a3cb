package dev.kiln.worker.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.fstest.FsTree;
import dev.kiln.worker.sys.MountTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour every {@link Snapshotter} must show, after containerd's snapshotter test suite. Each implementation
 * gets its own subclass; every test runs on real directories and real mounts (as root).
 */
abstract class SnapshotterContract {
    @TempDir
    Path temp;
    Path root;
    Snapshotter sn;
    Mounter mounter;
    private int mountCount;

    abstract Snapshotter open(Path root);

    /** How many layers {@link #deepChain_layersMountAndShowEveryLayer} stacks. */
    int deepChainLength() {
        return 128;
    }

    @BeforeEach
    void openSnapshotter() {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting needs root");
        root = temp.resolve("root");
        sn = open(root);
        mounter = new Mounter(root.resolve("mounts"));
    }

    @AfterEach
    void closeAndCheckNoMountsLeft() throws IOException {
        if (sn != null) {
            sn.close();
        }
        assertThat(MountTable.mountPointsUnder(temp)).isEmpty();
    }

    @FunctionalInterface
    interface InMount {
        void run(Path dir) throws IOException;
    }

    void inMount(List<Mount> mounts, InMount body) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("mnt-" + mountCount++));
        mounter.mount(mounts, dir);
        try {
            body.run(dir);
        } finally {
            mounter.unmount(dir);
        }
    }

    /** Prepares {@code key} on {@code parent}, lets {@code body} write through the mount, commits as {@code name}. */
    void layer(String name, String parent, InMount body) throws IOException {
        String key = name + "-active";
        inMount(sn.prepare(key, parent), body);
        sn.commit(name, key);
    }

    Map<String, String> viewOf(String parent) throws IOException {
        String key = "view-" + mountCount;
        List<Map<String, String>> seen = new ArrayList<>();
        inMount(sn.view(key, parent), dir -> seen.add(FsTree.describe(dir, FsTree.Detail.FULL)));
        sn.remove(key);
        Map<String, String> tree = seen.getFirst();
        tree.remove("/");
        return tree;
    }

    static void assertKind(ErrorKind kind, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void basic_prepareCommitViewShowsLayeredContent() throws IOException {
        layer("base", null, dir -> {
            FsTree.file(dir, "foo/bar", "hello");
            FsTree.file(dir, "gone", "soon removed");
        });
        layer("next", "base", dir -> {
            assertThat(Files.readString(dir.resolve("foo/bar"))).isEqualTo("hello");
            FsTree.file(dir, "foo/baz", "new");
            Files.delete(dir.resolve("gone"));
        });
        Map<String, String> tree = viewOf("next");
        assertThat(tree).containsOnlyKeys("foo", "foo/bar", "foo/baz");
        assertThat(sn.stat("next")).satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.COMMITTED);
            assertThat(i.parent()).isEqualTo("base");
        });
        List<String> names = new ArrayList<>();
        sn.walk(i -> names.add(i.name() + ":" + i.kind()));
        assertThat(names).containsExactlyInAnyOrder("base:COMMITTED", "next:COMMITTED");
    }

    @Test
    void transitivity_changesOfEveryAncestorAreVisible() throws IOException {
        layer("l1", null, dir -> FsTree.file(dir, "f", "one"));
        layer("l2", "l1", dir -> FsTree.file(dir, "f", "two"));
        layer("l3", "l2", dir -> FsTree.file(dir, "g", "three"));
        inMount(sn.view("v", "l3"), dir -> {
            assertThat(Files.readString(dir.resolve("f"))).isEqualTo("two");
            assertThat(Files.readString(dir.resolve("g"))).isEqualTo("three");
        });
    }

    @Test
    void removeDirectoryInLowerLayer_hidesItAndARecreatedDirectoryStartsEmpty() throws IOException {
        layer("l1", null, dir -> {
            FsTree.file(dir, "lib/a", "a");
            FsTree.file(dir, "lib/sub/b", "b");
        });
        layer("l2", "l1", dir -> deleteTree(dir.resolve("lib")));
        assertThat(viewOf("l2")).isEmpty();
        layer("l3", "l2", dir -> FsTree.file(dir, "lib/c", "c"));
        assertThat(viewOf("l3")).containsOnlyKeys("lib", "lib/c");
    }

    @Test
    void viewReadonly_writesFail() throws IOException {
        layer("base", null, dir -> FsTree.file(dir, "f", "x"));
        inMount(sn.view("ro", "base"), dir -> assertThatThrownBy(() -> Files.writeString(dir.resolve("g"), "y"))
                .isInstanceOf(IOException.class).hasMessageContaining("Read-only"));
        inMount(sn.view("ro-empty", null), dir -> assertThatThrownBy(() -> Files.writeString(dir.resolve("g"), "y"))
                .isInstanceOf(IOException.class).hasMessageContaining("Read-only"));
    }

    @Test
    void deepChain_layersMountAndShowEveryLayer() throws IOException {
        int depth = deepChainLength();
        String parent = null;
        for (int i = 0; i < depth; i++) {
            int n = i;
            String name = "layer-" + i;
            layer(name, parent, dir -> {
                FsTree.file(dir, "files/f" + n, Integer.toString(n));
                FsTree.file(dir, "latest", Integer.toString(n));
            });
            parent = name;
        }
        inMount(sn.prepare("top", parent), dir -> {
            try (var files = Files.list(dir.resolve("files"))) {
                assertThat(files.count()).isEqualTo(depth);
            }
            assertThat(Files.readString(dir.resolve("files/f0"))).isEqualTo("0");
            assertThat(Files.readString(dir.resolve("latest"))).isEqualTo(Integer.toString(depth - 1));
            FsTree.file(dir, "written-on-top", "ok");
        });
    }

    @Test
    void walkOfKinds_visitsOnlyThoseKinds() throws IOException {
        layer("base", null, dir -> FsTree.file(dir, "f", "x"));
        sn.view("a-view", "base");
        sn.prepare("active", "base");
        List<String> active = new ArrayList<>();
        sn.walk(EnumSet.of(Kind.ACTIVE), i -> active.add(i.name() + ":" + i.kind()));
        assertThat(active).containsExactly("active:ACTIVE");
        List<String> unfinished = new ArrayList<>();
        sn.walk(EnumSet.of(Kind.ACTIVE, Kind.VIEW), i -> unfinished.add(i.name()));
        assertThat(unfinished).containsExactlyInAnyOrder("a-view", "active");
        List<String> committed = new ArrayList<>();
        sn.walk(EnumSet.of(Kind.COMMITTED), i -> committed.add(i.name()));
        assertThat(committed).containsExactly("base");
    }

    @Test
    void commitRules() throws IOException {
        layer("base", null, dir -> FsTree.file(dir, "f", "x"));
        sn.view("a-view", "base");
        sn.prepare("active", "base");
        assertKind(ErrorKind.FAILED_PRECONDITION, () -> sn.commit("from-view", "a-view"));
        assertKind(ErrorKind.ALREADY_EXISTS, () -> sn.commit("base", "active"));
        assertKind(ErrorKind.NOT_FOUND, () -> sn.commit("x", "no-such-key"));
        assertKind(ErrorKind.FAILED_PRECONDITION, () -> sn.commit("again", "base"));
        assertKind(ErrorKind.ALREADY_EXISTS, () -> sn.prepare("active", "base"));
        assertKind(ErrorKind.ALREADY_EXISTS, () -> sn.view("base", null));
        assertKind(ErrorKind.NOT_FOUND, () -> sn.prepare("child", "no-such-parent"));
        assertKind(ErrorKind.INVALID_ARGUMENT, () -> sn.prepare("child", "active"));
        assertKind(ErrorKind.FAILED_PRECONDITION, () -> sn.mounts("base"));
        sn.commit("done", "active");
        assertKind(ErrorKind.NOT_FOUND, () -> sn.stat("active"));
        assertThat(sn.stat("done").kind()).isEqualTo(Kind.COMMITTED);
    }

    @Test
    void removeRules_parentsStayUntilChildrenAreGoneAndDirectoriesAreDeleted() throws IOException {
        layer("base", null, dir -> FsTree.file(dir, "f", "x"));
        layer("child", "base", dir -> FsTree.file(dir, "g", "y"));
        sn.prepare("scratch", "child");
        assertKind(ErrorKind.FAILED_PRECONDITION, () -> sn.remove("base"));
        assertKind(ErrorKind.FAILED_PRECONDITION, () -> sn.remove("child"));
        assertKind(ErrorKind.NOT_FOUND, () -> sn.remove("nothing"));
        sn.remove("scratch");
        sn.remove("child");
        sn.remove("base");
        List<String> left = new ArrayList<>();
        sn.walk(i -> left.add(i.name()));
        assertThat(left).isEmpty();
        try (var dirs = Files.list(root.resolve("snapshots"))) {
            assertThat(dirs.toList()).isEmpty();
        }
    }

    @Test
    void usage_countsBlocksAndInodesOnceForHardLinks() throws IOException {
        List<Mount> mounts = sn.prepare("active", null);
        inMount(mounts, dir -> {
            Path big = FsTree.file(dir, "big", "z".repeat(1 << 20));
            Files.createLink(dir.resolve("big-link"), big);
        });
        Usage active = sn.usage("active");
        assertThat(active.size()).isBetween(1L << 20, (1L << 20) + 64 * 1024);
        assertThat(active.inodes()).isEqualTo(2); // the root directory and one file with two names
        sn.commit("done", "active");
        assertThat(sn.usage("done")).isEqualTo(active);
    }

    @Test
    void labels_areKeptAndMergedOnCommit() {
        sn.prepare("active", null, Map.of("a", "1", "b", "2"));
        assertThat(sn.stat("active").labels()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
        sn.commit("done", "active", Map.of("b", "3", Snapshotter.LABEL_DIFF_ID, "sha256:x"));
        assertThat(sn.stat("done").labels()).containsEntry("a", "1").containsEntry("b", "3")
                .containsEntry(Snapshotter.LABEL_DIFF_ID, "sha256:x");
    }

    @Test
    void updateLabels_addsAndReplacesOnACommittedSnapshotDurablyWithoutTouchingItsContent() throws IOException {
        layer("base", null, dir -> FsTree.file(dir, "f", "kept"));
        sn.updateLabels("base", Map.of("a", "1", "b", "2"));
        Info created = sn.stat("base");
        Map<String, String> content = viewOf("base");

        Info updated = sn.updateLabels("base", Map.of("b", "3", "c", "4"));

        assertThat(updated.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "3", "c", "4"));
        assertThat(updated.kind()).isEqualTo(Kind.COMMITTED);
        assertThat(updated.created()).isEqualTo(created.created());
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());
        sn.close();
        sn = open(root);
        assertThat(sn.stat("base")).isEqualTo(updated);
        assertThat(viewOf("base")).isEqualTo(content).containsKey("f");
    }

    @Test
    void updateLabels_keepsWhatAnotherSnapshotterOnTheSameRootAdded() {
        sn.prepare("active", null);
        sn.commit("done", "active");
        try (Snapshotter other = open(root)) {
            other.updateLabels("done", Map.of("by-other", "x"));
        }
        sn.updateLabels("done", Map.of("by-this", "y"));
        assertThat(sn.stat("done").labels()).containsEntry("by-other", "x").containsEntry("by-this", "y");
    }

    @Test
    void updateLabels_worksOnActiveSnapshotsAndRejectsBadInput() {
        sn.prepare("active", null, Map.of("a", "1"));
        sn.updateLabels("active", Map.of("b", "2"));
        sn.commit("done", "active", Map.of("c", "3"));
        assertThat(sn.stat("done").labels()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2", "c", "3"));
        assertKind(ErrorKind.NOT_FOUND, () -> sn.updateLabels("no-such-key", Map.of("a", "1")));
        assertKind(ErrorKind.INVALID_ARGUMENT, () -> sn.updateLabels("done", Map.of("", "1")));
        assertThat(sn.stat("done").labels()).doesNotContainKey("");
    }

    @Test
    void reopen_keepsSnapshotsAndMountsStillWork() throws IOException {
        layer("base", null, dir -> FsTree.file(dir, "f", "kept"));
        List<Mount> before = sn.prepare("active", "base");
        sn.close();
        sn = open(root);
        assertThat(sn.mounts("active")).isEqualTo(before);
        inMount(sn.mounts("active"), dir -> assertThat(Files.readString(dir.resolve("f"))).isEqualTo("kept"));
    }

    @Test
    void crashRecovery_debrisAndStaleMountsAreCleanedOnOpen() throws IOException {
        layer("base", null, dir -> FsTree.file(dir, "f", "x"));
        sn.close();
        sn = null;
        // What a kill -9 can leave: a half-made snapshot, a renamed but unrecorded one, a mount still up.
        FsTree.file(root, "snapshots/new-12345/fs/partial", "half copied");
        FsTree.file(root, "snapshots/999/fs/orphan", "unrecorded");
        Path stale = Files.createDirectories(root.resolve("mounts/stale"));
        new Mounter(root).mount(List.of(Mount.bind(root.resolve("snapshots").toString(), true)), stale);

        sn = open(root);

        assertThat(MountTable.mountPointsUnder(root)).isEmpty();
        try (var dirs = Files.list(root.resolve("snapshots"))) {
            assertThat(dirs.map(p -> p.getFileName().toString()).toList()).hasSize(1).allMatch(n -> n.matches("[0-9]+"));
        }
        layer("next", "base", dir -> assertThat(Files.readString(dir.resolve("f"))).isEqualTo("x"));
    }

    @Test
    void metadataOfEveryFileKindSurvivesLayering() throws IOException {
        List<Map<String, String>> written = new ArrayList<>();
        layer("rich", null, dir -> {
            FsTree.writeRichTree(dir);
            Map<String, String> tree = FsTree.describe(dir, FsTree.Detail.FULL);
            tree.remove("/");
            written.add(tree);
        });
        layer("child", "rich", dir -> FsTree.file(dir, "added", "a"));
        Map<String, String> seen = viewOf("child");
        assertThat(seen).containsAllEntriesOf(written.getFirst()).containsKey("added");
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
