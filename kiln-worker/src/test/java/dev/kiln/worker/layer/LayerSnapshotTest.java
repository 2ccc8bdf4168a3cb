package dev.kiln.worker.layer;

import static dev.kiln.worker.layer.LayerTesting.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.worker.fstest.FsTree;
import dev.kiln.worker.snapshot.Info;
import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.snapshot.Snapshotter;
import dev.kiln.worker.snapshot.Snapshotters;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.MountTable;
import dev.kiln.worker.sys.Xattrs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The layer applier and differ working on snapshots of both kinds. */
class LayerSnapshotTest {
    private static final Instant T = Instant.ofEpochSecond(1_600_000_000L);

    @TempDir
    Path temp;
    Mounter mounter;
    LayerApplier applier;
    LayerDiffer differ;
    List<Snapshotter> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        assumeTrue("root".equals(System.getProperty("user.name")), "snapshots need root");
        mounter = new Mounter(temp.resolve("scratch"));
        applier = new LayerApplier(mounter);
        differ = new LayerDiffer(mounter);
    }

    @AfterEach
    void tearDown() throws IOException {
        opened.forEach(Snapshotter::close);
        assertThat(MountTable.mountPointsUnder(temp)).isEmpty();
    }

    Snapshotter open(String kind) {
        Snapshotter sn = Snapshotters.open(temp.resolve(kind), kind);
        assertThat(sn.name()).isEqualTo(kind);
        opened.add(sn);
        return sn;
    }

    Map<String, String> view(Snapshotter sn, String name) throws IOException {
        String key = "view-" + name + "-" + System.nanoTime();
        Map<String, String> tree = mounter.withReadOnly(sn.view(key, name), LayerTesting::describeLayerLevel);
        sn.remove(key);
        return tree;
    }

    ApplyResult applyLayer(Snapshotter sn, String name, String parent, byte[] layer, Digest expected) {
        return applier.applyToSnapshot(sn, name, parent, new ByteArrayInputStream(layer), expected, ApplyOptions.plain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlayfs", "native"})
    void applyToSnapshot_commitsOnlyComplete_verifiedLayers(String kind) throws IOException {
        Snapshotter sn = open(kind);
        byte[] base = tar(TarEntry.regular("a", 3, 0644));
        ApplyResult r = applyLayer(sn, "base", null, base, Digest.sha256(base));
        assertThat(sn.stat("base").labels()).containsEntry(Snapshotter.LABEL_DIFF_ID, r.diffId().toString());

        byte[] next = tar(TarEntry.regular("big", 100_000, 0644), TarEntry.regular("b", 1, 0644));
        assertThatThrownBy(() -> applyLayer(sn, "cut", "base", Arrays.copyOf(next, 50_000), null))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
        assertThatThrownBy(() -> applyLayer(sn, "wrong", "base", next, Digest.sha256("something else")))
                .hasMessageContaining("does not match");

        List<String> names = new ArrayList<>();
        sn.walk(i -> names.add(i.name()));
        assertThat(names).containsExactly("base");
        try (var dirs = Files.list(temp.resolve(kind).resolve("snapshots"))) {
            assertThat(dirs.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlayfs", "native"})
    void whiteoutsAndOpaqueDirectories_hideLowerContent(String kind) throws IOException {
        Snapshotter sn = open(kind);
        applyLayer(sn, "parent", null, tar(TarEntry.regular("a/x", 1, 0644), TarEntry.regular("a/y", 1, 0644),
                TarEntry.regular("d/1", 1, 0644), TarEntry.regular("d/sub/2", 1, 0644),
                TarEntry.directory("p", 0700).withOwner(5, 6)), null);
        applyLayer(sn, "child", "parent", tar(TarEntry.regular("a/.wh.x", 0, 0),
                TarEntry.regular("d/new", 1, 0644), TarEntry.regular("d/.wh..wh..opq", 0, 0),
                TarEntry.regular("d/late", 1, 0644), TarEntry.regular("p/q", 1, 0644)), null);

        Map<String, String> tree = view(sn, "child");

        assertThat(tree).containsOnlyKeys("a", "a/y", "d", "d/new", "d/late", "p", "p/q");
        assertThat(tree.get("p")).contains("mode=0700 owner=5:6");
    }

    @Test
    void overlayApply_writesOverlayWhiteoutsIntoTheUpperDirectory() throws IOException {
        Snapshotter sn = open("overlayfs");
        applyLayer(sn, "parent", null, tar(TarEntry.regular("a/x", 1, 0644), TarEntry.regular("d/1", 1, 0644)), null);
        applyLayer(sn, "child", "parent", tar(TarEntry.regular("a/.wh.x", 0, 0), TarEntry.directory("d", 0755),
                TarEntry.regular("d/.wh..wh..opq", 0, 0)), null);
        List<Mount> mounts = sn.prepare("probe", "child");
        Path childUpper = Path.of(mounts.getFirst().lowerDirs().getFirst());

        FileStat whiteout = LinuxFiles.lstat(childUpper.resolve("a/x"));
        assertThat(whiteout.isWhiteout()).isTrue();
        assertThat(Xattrs.get(childUpper.resolve("d"), "trusted.overlay.opaque")).isEqualTo(new byte[] {'y'});
    }

    /** The same changes made on either snapshotter yield the same layer bytes (overlay differ vs walking differ). */
    @Test
    void diffsOfTheSameChangesAreIdenticalAcrossSnapshotters() throws IOException {
        Map<String, Digest> diffIds = new HashMap<>();
        Map<String, byte[]> layers = new HashMap<>();
        for (String kind : List.of("overlayfs", "native")) {
            Snapshotter sn = open(kind);
            mounter.withMounted(sn.prepare("base-a", null), dir -> {
                FsTree.writeRichTree(dir);
                LayerTesting.setAllMtimes(dir, T);
                return null;
            });
            sn.commit("base", "base-a");
            List<Mount> upper = sn.prepare("child", "base");
            mounter.withMounted(upper, LayerSnapshotTest::change);
            List<Mount> lower = sn.view("base-view", "base");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            diffIds.put(kind, differ.diff(lower, upper, out, DiffOptions.DEFAULT).diffId());
            layers.put(kind, out.toByteArray());
            sn.commit("child-done", "child");
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertThat(differ.diff(sn, "child-done", again, DiffOptions.DEFAULT).diffId()).isEqualTo(diffIds.get(kind));
            assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
        }
        assertThat(diffIds.get("overlayfs")).isEqualTo(diffIds.get("native"));

        Snapshotter nat = opened.get(1);
        applyLayer(nat, "from-overlay", "base", layers.get("overlayfs"), diffIds.get("overlayfs"));
        assertThat(view(nat, "from-overlay")).isEqualTo(view(nat, "child-done"));
    }

    private static Void change(Path dir) throws IOException {
        Files.writeString(dir.resolve("etc/hostname"), "changed\n");
        Files.delete(dir.resolve("etc/absolute"));
        SnapshotFixtures.deleteTree(dir.resolve("var/lib"));
        SnapshotFixtures.deleteTree(dir.resolve("usr"));
        FsTree.file(dir, "usr/new/file", "n");
        LinuxFiles.chmod(dir.resolve("tmp"), 0700);
        FsTree.file(dir, "added/file", "new");
        LayerTesting.setAllMtimes(dir, T);
        return null;
    }

    @Test
    void gzipZstdAndPlainLayersApplyAlikeWithTheSameDiffId() throws IOException {
        // The directory is in the layer: an implicit parent would get the wall-clock mtime of each apply.
        byte[] plain = tar(TarEntry.directory("etc/", 0755), TarEntry.regular("etc/os-release", 100, 0644),
                TarEntry.symlink("bin", "usr/bin"));
        List<Digest> ids = new ArrayList<>();
        List<Map<String, String>> trees = new ArrayList<>();
        for (byte[] blob : List.of(plain, Compression.gzip(plain), Compression.zstd(plain))) {
            Path dir = Files.createTempDirectory(temp, "c");
            ids.add(applier.apply(new ByteArrayInputStream(blob), dir, ApplyOptions.plain()).diffId());
            trees.add(LayerTesting.describeLayerLevel(dir));
        }
        assertThat(ids).containsOnly(Digest.sha256(plain));
        assertThat(trees).allSatisfy(t -> assertThat(t).isEqualTo(trees.getFirst()));
    }

    /** The busybox image the test environment built with GNU tar (see shared/testenv/setup.sh). */
    @Test
    void realBusyboxLayer_appliesWithItsRecordedDiffId() throws IOException {
        Path layout = Path.of("/tmp/testenv/oci/busybox");
        assumeTrue(Files.isDirectory(layout), "test environment image layout missing: run shared/testenv/setup.sh");
        String layerDigest = GoLayers.lastLayerDigest(layout, "amd64");
        Digest diffId = Digest.parse(configOf(layout, "amd64").get("rootfs").get("diff_ids").get(0).asString());
        Snapshotter sn = open("overlayfs");
        try (InputStream blob = Files.newInputStream(GoLayers.blob(layout, layerDigest))) {
            applier.applyToSnapshot(sn, "busybox", null, blob, diffId, ApplyOptions.plain());
        }
        Map<String, String> tree = view(sn, "busybox");
        assertThat(tree.get("bin/busybox")).startsWith("type=10 mode=0755");
        assertThat(tree.get("bin/sh")).contains("target=/bin/busybox");
        Info info = sn.stat("busybox");
        assertThat(info.labels()).containsEntry(Snapshotter.LABEL_DIFF_ID, diffId.toString());
    }

    private static JsonNode configOf(Path layout, String tag) throws IOException {
        JsonNode index = JacksonOracle.mapper().readTree(Files.readAllBytes(layout.resolve("index.json")));
        for (JsonNode m : index.get("manifests")) {
            if (tag.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asString())) {
                JsonNode manifest = JacksonOracle.mapper().readTree(Files.readAllBytes(GoLayers.blob(layout, m.get("digest").asString())));
                return JacksonOracle.mapper().readTree(Files.readAllBytes(GoLayers.blob(layout, manifest.get("config").get("digest").asString())));
            }
        }
        throw new IOException("no image " + tag);
    }
}
