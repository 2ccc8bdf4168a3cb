package dev.kiln.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.sys.MountTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crashed Kiln's secret tmpfs is unmounted and deleted by the next one; live processes' are kept. */
class SecretScratchTest {
    @TempDir
    Path dir;

    @Test
    void open_sweepsTheScratchOfDeadProcesses_only() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "tmpfs mounts need root");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.createDirectories(dir.resolve(Long.toString(gone.pid())).resolve("secret-1"));
        new Mounter(dir.resolve("mnt")).mount(List.of(new Mount("tmpfs", "tmpfs", "", List.of("nodev"))), dead);
        Files.writeString(dead.resolve("value"), "left by a crash");
        Path alive = Files.createDirectories(dir.resolve("1"));
        Path notAPid = Files.createDirectories(dir.resolve("other"));

        Path mine = SecretScratch.open(dir);

        assertThat(MountTable.mountPointsUnder(dir)).isEmpty();
        assertThat(dir.resolve(Long.toString(gone.pid()))).doesNotExist();
        assertThat(alive).exists();
        assertThat(notAPid).exists();
        assertThat(mine).isEqualTo(dir.resolve(Long.toString(ProcessHandle.current().pid())));
    }
}
