package dev.kiln.worker.ops;

import dev.kiln.worker.snapshot.NativeSnapshotter;
import dev.kiln.worker.snapshot.Snapshotter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AbandonedWorkTest {
    @TempDir
    Path tmp;

    /** The pid of a process that has certainly ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void sweep_removesWorkOfDeadProcesses_keepsOursAndUnownedKeys() throws Exception {
        long dead = deadPid();
        String mine = "exec-" + AbandonedWork.ownerTag() + "-aa";
        String theirs = "exec-" + dead + "-bb";
        try (Snapshotter sn = new NativeSnapshotter(tmp.resolve("snapshots"))) {
            sn.prepare(mine, null);
            sn.prepare(theirs, null);
            sn.prepare("legacy-key", null);
            Path mnt = Files.createDirectories(tmp.resolve("mnt"));
            Files.createDirectories(mnt.resolve(theirs));
            Files.createDirectories(mnt.resolve(mine));

            AbandonedWork.sweep(sn, mnt);

            List<String> left = new ArrayList<>();
            sn.walk(i -> left.add(i.name()));
            assertThat(left).containsExactlyInAnyOrder(mine, "legacy-key");
            assertThat(mnt.resolve(theirs)).doesNotExist();
            assertThat(mnt.resolve(mine)).exists();
        }
    }

    @Test
    void isAbandoned_onlyForWellFormedKeysOfDeadOwners() throws Exception {
        assertThat(AbandonedWork.isAbandoned("exec-" + deadPid() + "-0f")).isTrue();
        assertThat(AbandonedWork.isAbandoned("file-" + AbandonedWork.ownerTag() + "-0f")).isFalse();
        assertThat(AbandonedWork.isAbandoned("r-0123abcd")).isFalse();
        assertThat(AbandonedWork.isAbandoned("layer-0123")).isFalse();
    }
}
