package dev.kiln.worker.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.MountTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshottersTest {
    @TempDir
    Path temp;

    @BeforeEach
    void requireRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "overlay needs root");
    }

    @AfterEach
    void noMountsLeft() throws IOException {
        assertThat(MountTable.mountPointsUnder(temp)).isEmpty();
    }

    @Test
    void auto_picksOverlayOnExt4() {
        assertThat(Snapshotters.overlayUnsupportedReason(temp.resolve("root"))).isEmpty();
        try (Snapshotter sn = Snapshotters.open(temp.resolve("root"), "auto")) {
            assertThat(sn).isInstanceOf(OverlaySnapshotter.class);
        }
    }

    @Test
    void verdict_isRememberedAndReusedWhileTheSystemIsUnchanged() throws IOException {
        Path root = temp.resolve("root");
        try (Snapshotter sn = Snapshotters.open(root, "auto")) {
            assertThat(sn.name()).isEqualTo("overlayfs");
        }
        Path stored = root.resolve(OverlayCheck.FILE);
        String fingerprint = OverlayCheck.fingerprint(root);
        assertThat(Files.readAllLines(stored)).containsExactly(fingerprint, "ok");

        // A stored verdict for this very system is believed without a trial mount ...
        Files.write(stored, List.of(fingerprint, "unsupported: remembered"));
        try (Snapshotter sn = Snapshotters.open(root, "auto")) {
            assertThat(sn.name()).isEqualTo("native");
        }
        assertThatThrownBy(() -> Snapshotters.open(root, "overlayfs")).hasMessageContaining("remembered");

        // ... one made elsewhere (another boot, kernel or filesystem) is probed again and replaced.
        Files.write(stored, List.of(fingerprint.replace("boot=", "boot=x"), "unsupported: remembered"));
        try (Snapshotter sn = Snapshotters.open(root, "auto")) {
            assertThat(sn.name()).isEqualTo("overlayfs");
        }
        assertThat(Files.readAllLines(stored)).containsExactly(fingerprint, "ok");
    }

    @Test
    void auto_fallsBackToNativeOnTopOfOverlayfs() throws IOException {
        Mounter mounter = new Mounter(temp.resolve("scratch"));
        Path merged = Files.createDirectories(temp.resolve("merged"));
        List<String> dirs = List.of("l1", "l2", "up", "work");
        for (String d : dirs) {
            Files.createDirectories(temp.resolve(d));
        }
        mounter.mount(List.of(new Mount("overlay", "overlay", "", List.of("lowerdir=" + temp.resolve("l2") + ":"
                + temp.resolve("l1"), "upperdir=" + temp.resolve("up"), "workdir=" + temp.resolve("work")))), merged);
        try {
            Path root = merged.resolve("root");
            assertThat(Snapshotters.overlayUnsupportedReason(root)).hasValueSatisfying(r -> assertThat(r).contains("overlayfs"));
            try (Snapshotter sn = Snapshotters.open(root, "auto")) {
                assertThat(sn.name()).isEqualTo("native");
            }
            assertThatThrownBy(() -> Snapshotters.open(root, "overlayfs"))
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION));
        } finally {
            mounter.unmount(merged);
        }
    }

    @Test
    void unknownName_isRejected() {
        assertThatThrownBy(() -> Snapshotters.open(temp, "zfs"))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessageContaining("expected auto, overlayfs or native");
    }
}
