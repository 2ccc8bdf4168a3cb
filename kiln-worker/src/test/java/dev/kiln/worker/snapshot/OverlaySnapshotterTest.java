package dev.kiln.worker.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.worker.fstest.FsTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlaySnapshotterTest extends SnapshotterContract {
    @Override
    Snapshotter open(Path root) {
        return new OverlaySnapshotter(root);
    }

    @Test
    void mountShapes_followContainerd() throws IOException {
        assertThat(sn.prepare("first", null)).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("bind");
            assertThat(m.options()).contains("rw", "rbind");
        });
        sn.commit("base", "first");
        assertThat(sn.view("single", "base")).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("bind");
            assertThat(m.isReadOnly()).isTrue();
        });
        List<Mount> active = sn.prepare("upper", "base");
        assertThat(active).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("overlay");
            assertThat(m.option("upperdir")).isPresent();
            assertThat(m.option("workdir")).isPresent();
            assertThat(m.lowerDirs()).hasSize(1);
        });
        sn.commit("second", "upper");
        assertThat(sn.view("double", "second")).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("overlay");
            assertThat(m.option("upperdir")).isEmpty();
            assertThat(m.lowerDirs()).hasSize(2);
        });
    }

    @Test
    void usageOfAChildCountsOnlyItsOwnChanges() throws IOException {
        layer("big", null, dir -> FsTree.file(dir, "big", "z".repeat(1 << 20)));
        layer("small", "big", dir -> FsTree.file(dir, "small", "s"));
        assertThat(sn.usage("small").size()).isLessThan(64 * 1024);
    }

    @Test
    void longLowerdirListsExceedAPageAndStillMount() throws IOException {
        String parent = null;
        for (int i = 0; i < 100; i++) {
            String name = "l" + i;
            sn.prepare(name + "-a", parent);
            sn.commit(name, name + "-a");
            parent = name;
        }
        List<Mount> mounts = sn.view("v", parent);
        assertThat(String.join(",", mounts.getFirst().options()).length()).isGreaterThan(4096);
        inMount(mounts, dir -> assertThat(dir).isDirectory());
    }
}
