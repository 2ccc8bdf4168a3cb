package dev.kiln.worker.layer;

import static dev.kiln.worker.layer.LayerTesting.copyTree;
import static dev.kiln.worker.layer.LayerTesting.describeLayerLevel;
import static dev.kiln.worker.layer.LayerTesting.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.Digest;
import dev.kiln.worker.fstest.FsTree;
import dev.kiln.worker.fstest.Tools;
import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.MountTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerDifferTest {
    @TempDir
    Path temp;
    Mounter mounter;
    LayerDiffer differ;
    LayerApplier applier;

    @BeforeEach
    void setUp() {
        assumeTrue("root".equals(System.getProperty("user.name")), "ownership, devices and overlay need root");
        mounter = new Mounter(temp.resolve("scratch"));
        differ = new LayerDiffer(mounter);
        applier = new LayerApplier(mounter);
    }

    @AfterEach
    void noMountsLeft() throws IOException {
        assertThat(MountTable.mountPointsUnder(temp)).isEmpty();
    }

    Path dir(String name) throws IOException {
        return Files.createDirectories(temp.resolve(name));
    }

    @Test
    void walkingDiff_ofATreeOverNothing_appliesBackToTheSameTree() throws IOException {
        Path empty = dir("empty");
        Path tree = dir("tree");
        FsTree.writeRichTree(tree);
        LayerTesting.Layer l = layer(out -> differ.diffTrees(empty, tree, out, DiffOptions.DEFAULT));

        Path target = dir("target");
        ApplyResult applied = applier.apply(new ByteArrayInputStream(l.tar()), target, ApplyOptions.plain());

        assertThat(describeLayerLevel(target)).isEqualTo(describeLayerLevel(tree));
        assertThat(applied.diffId()).isEqualTo(l.result().diffId()).isEqualTo(Digest.sha256(l.tar()));
        assertThat(l.result().size()).isEqualTo(l.tar().length);
        List<TarEntry> entries = l.entries();
        assertThat(entries).filteredOn(e -> e.name().equals("var/lib/data-link.bin")).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(TarEntry.Type.REGULAR));
        assertThat(entries).filteredOn(e -> e.name().equals("var/lib/data.bin")).singleElement()
                .satisfies(e -> assertThat(e.linkName()).isEqualTo("var/lib/data-link.bin"));
        assertThat(entries).allSatisfy(e -> assertThat(e.xattrs().keySet()).doesNotContain("user.origin"));
        assertThat(entries).allSatisfy(e -> assertThat(e.modTime().getNano()).isZero());
    }

    @Test
    void walkingDiff_againstALowerTree_writesChangesAndOneWhiteoutPerDeletedTree() throws IOException {
        Path lower = dir("lower");
        FsTree.writeRichTree(lower);
        Path upper = dir("upper");
        copyTree(lower, upper);
        Files.writeString(upper.resolve("etc/hostname"), "changed\n");
        Files.delete(upper.resolve("etc/absolute"));
        SnapshotFixtures.deleteTree(upper.resolve("var/lib"));
        LinuxFiles.chmod(upper.resolve("tmp"), 0700);
        FsTree.file(upper, "added/file", "new");

        LayerTesting.Layer l = layer(out -> differ.diffTrees(lower, upper, out, DiffOptions.DEFAULT));

        assertThat(l.names()).containsExactly("added/", "added/file", "etc/", "etc/.wh.absolute", "etc/hostname",
                "tmp/", "var/", "var/.wh.lib");
        Path target = dir("target");
        copyTree(lower, target);
        applier.apply(new ByteArrayInputStream(l.tar()), target, ApplyOptions.plain());
        assertThat(describeLayerLevel(target)).isEqualTo(describeLayerLevel(upper));
    }

    @Test
    void overlayDiff_readsTheUpperdirLikeBuildKit_andMatchesTheWalkingDiffOfTheMergedView() throws IOException {
        Path lower = dir("lower");
        FsTree.writeRichTree(lower);
        Path upper = dir("upper");
        Path work = dir("work");
        Path merged = dir("merged");
        mounter.mount(List.of(new Mount("overlay", "overlay", "", List.of(
                "lowerdir=" + lower, "upperdir=" + upper, "workdir=" + work))), merged);
        try {
            Files.writeString(merged.resolve("etc/hostname"), "changed\n");
            Files.delete(merged.resolve("etc/absolute"));
            SnapshotFixtures.deleteTree(merged.resolve("var/lib"));
            SnapshotFixtures.deleteTree(merged.resolve("usr"));
            FsTree.dir(merged, "usr/new");
            LinuxFiles.chmod(merged.resolve("tmp"), 0700);
            FsTree.file(merged, "added/file", "new");
        } finally {
            mounter.unmount(merged);
        }
        assertThat(upper.resolve("etc/absolute")).satisfies(p -> assertThat(LinuxFiles.lstat(p).isWhiteout()).isTrue());

        LayerTesting.Layer fromUpper = layer(out -> differ.diffUpperdir(upper, lower, out, DiffOptions.DEFAULT));

        assertThat(fromUpper.names()).containsExactly("added/", "added/file", "etc/", "etc/.wh.absolute",
                "etc/hostname", "tmp/", "usr/", "usr/.wh.bin", "usr/new/", "var/", "var/.wh.lib");
        List<Mount> view = List.of(new Mount("overlay", "overlay", "", List.of("lowerdir=" + upper + ":" + lower)));
        LayerTesting.Layer walked = layer(out -> {
            try {
                return mounter.withReadOnly(view, m -> differ.diffTrees(lower, m, out, DiffOptions.DEFAULT));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(fromUpper.tar()).isEqualTo(walked.tar());

        Path target = dir("target");
        copyTree(lower, target);
        applier.apply(new ByteArrayInputStream(fromUpper.tar()), target, ApplyOptions.plain());
        Path expected = dir("expected");
        mounter.withReadOnly(view, m -> {
            copyTree(m, expected);
            return null;
        });
        assertThat(describeLayerLevel(target)).isEqualTo(describeLayerLevel(expected));
    }

    @Test
    void overlayDiff_writesADirectoryCopiedUpOnlyForItsMetadata() throws IOException {
        Path lower = dir("lower");
        FsTree.file(lower, "srv/data/file", "x");
        Path upper = dir("upper");
        FsTree.dir(upper, "srv/data");
        LinuxFiles.lchown(upper.resolve("srv"), 0, 0);
        LinuxFiles.lchown(upper.resolve("srv/data"), 1000, 1000);

        LayerTesting.Layer l = layer(out -> differ.diffUpperdir(upper, lower, out, DiffOptions.DEFAULT));

        assertThat(l.entries()).extracting(TarEntry::name).containsExactly("srv/", "srv/data/");
        assertThat(l.entries().get(1).uid()).isEqualTo(1000);
    }

    @Test
    void modTimeUpperBound_clampsLaterMtimes() throws IOException {
        Path empty = dir("empty");
        Path tree = dir("tree");
        Path late = FsTree.file(tree, "late", "x");
        Path early = FsTree.file(tree, "early", "x");
        FsTree.setMtime(late, 2_000_000_000L, 5);
        FsTree.setMtime(early, 1_000_000_000L, 5);
        Instant bound = Instant.ofEpochSecond(1_500_000_000L, 700);

        List<TarEntry> entries = layer(out -> differ.diffTrees(empty, tree, out, new DiffOptions(bound))).entries();

        assertThat(entries).extracting(e -> e.modTime().getEpochSecond()).containsExactly(1_000_000_000L, 1_500_000_000L);
    }

    @Test
    void gnuTarReadsADiffWithWhiteouts() throws IOException {
        assumeTrue(Tools.available("tar"));
        Path lower = dir("lower");
        FsTree.file(lower, "a/gone", "x");
        FsTree.file(lower, "a/kept", "y");
        Path upper = dir("upper");
        copyTree(lower, upper);
        Files.delete(upper.resolve("a/gone"));
        Path file = temp.resolve("layer.tar");
        Files.write(file, layer(out -> differ.diffTrees(lower, upper, out, DiffOptions.DEFAULT)).tar());

        List<String> listing = Tools.tarList(file);

        assertThat(listing).hasSize(2);
        assertThat(listing.get(0)).startsWith("drwxr-xr-x 0/0").endsWith(" a/");
        assertThat(listing.get(1)).startsWith("---------- 0/0").contains(" 1970-01-01 ").endsWith(" a/.wh.gone");
    }
}
