package dev.kiln.worker.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.worker.fstest.FsTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeSnapshotterTest extends SnapshotterContract {
    @Override
    Snapshotter open(Path root) {
        return new NativeSnapshotter(root);
    }

    /** Every native layer copies all layers below it, so a chain costs quadratic copying; 64 keeps it quick. */
    @Override
    int deepChainLength() {
        return 64;
    }

    @Test
    void activeSnapshotsAreIndependentCopies() throws IOException {
        layer("base", null, dir -> FsTree.file(dir, "f", "original"));
        inMount(sn.prepare("a", "base"), dir -> FsTree.file(dir, "f", "changed in a"));
        inMount(sn.prepare("b", "base"), dir -> assertThat(Files.readString(dir.resolve("f"))).isEqualTo("original"));
        assertThat(sn.mounts("a")).singleElement().satisfies(m -> assertThat(m.type()).isEqualTo("bind"));
    }
}
