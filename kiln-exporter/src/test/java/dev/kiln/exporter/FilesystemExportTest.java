package dev.kiln.exporter;

import dev.kiln.exporter.testing.SampleRootfs;
import dev.kiln.exporter.testing.Trees;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.kiln.exporter.testing.Tool.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The local and tar exporters, checked against the tree they export and against GNU tar. */
class FilesystemExportTest extends WithExportFixture {
    @Test
    void local_copiesTheTreeWithModesLinksAndOwners() throws Exception {
        Path dest = tmp.resolve("out");

        ExportResult result = fixture.export("type=local,dest=" + dest, Optional.empty());

        Trees.assertContains(fixture.rootfs(), dest, SampleRootfs.runningAsRoot(), Optional.empty());
        assertThat(result).isEqualTo(ExportResult.NONE);
        assertThat(result.metadata()).isEmpty();
    }

    @Test
    void local_intoExistingDirectory_replacesExportedPathsAndKeepsOthers() throws Exception {
        Path dest = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dest.resolve("keep.txt"), "mine");
        Files.createDirectories(dest.resolve("link/was-a-dir"));
        Files.writeString(Files.createDirectories(dest.resolve("etc")).resolve("hostname"), "old content, longer than the new");

        fixture.export(dest.toString(), Optional.of(EPOCH));

        assertThat(dest.resolve("keep.txt")).hasContent("mine");
        Trees.assertContains(fixture.rootfs(), dest, SampleRootfs.runningAsRoot(), Optional.of(EPOCH));
        try (var leftovers = Files.walk(dest)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".kiln-"));
        }
    }

    @Test
    void tar_isListedAndExtractedByGnuTar() throws Exception {
        Path archive = tmp.resolve("rootfs.tar");

        fixture.export("type=tar,dest=" + archive, Optional.empty());

        List<String> listing = ok("tar", "--numeric-owner", "-tvf", archive.toString()).lines().toList();
        assertThat(listing).anyMatch(l -> l.startsWith("-rwsr-xr-x 0/0") && l.endsWith(" bin/suid"));
        assertThat(listing).anyMatch(l -> l.endsWith("etc/hostname.hard link to etc/hostname"));
        assertThat(listing).anyMatch(l -> l.startsWith("lrwxrwxrwx") && l.endsWith(" link -> etc/hostname"));
        assertThat(listing).anyMatch(l -> l.startsWith("drwx------") && l.endsWith(" private/"));
        assertThat(listing).anyMatch(l -> l.endsWith(SampleRootfs.LONG_DIR + "/file.txt"));
        assertThat(listing).noneMatch(l -> l.contains(" ./"));
        Path out = Files.createDirectories(tmp.resolve("x"));
        ok("tar", "-xpf", archive.toString(), "--numeric-owner", "-C", out.toString());
        Trees.assertContains(fixture.rootfs(), out, SampleRootfs.runningAsRoot(), Optional.empty());
    }

    @Test
    void tar_withEpoch_pinsEveryMtime_andStdoutGetsTheSameBytes() throws Exception {
        Path archive = tmp.resolve("rootfs.tar");
        fixture.stdout().reset();

        fixture.export("type=tar,dest=" + archive + ",source-date-epoch=" + EPOCH.getEpochSecond(), Optional.empty());
        fixture.export("-", Optional.of(EPOCH));

        assertThat(fixture.stdout().toByteArray()).isEqualTo(Files.readAllBytes(archive));
        Path out = Files.createDirectories(tmp.resolve("x"));
        ok("tar", "-xpf", archive.toString(), "--numeric-owner", "-C", out.toString());
        Trees.assertContains(fixture.rootfs(), out, SampleRootfs.runningAsRoot(), Optional.of(EPOCH));
    }

    @Test
    void epochAttribute_empty_switchesTheBuildEpochOff() throws Exception {
        Path dest = tmp.resolve("out");

        fixture.export("type=local,dest=" + dest + ",source-date-epoch=", Optional.of(EPOCH));

        Trees.assertContains(fixture.rootfs(), dest, SampleRootfs.runningAsRoot(), Optional.empty());
    }
}
