package dev.kiln.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** Executor directories on tmpfs go away with their state root, never while a container or an unknown root is there. */
class ExecutorStateDirsTest {
    @TempDir
    Path tmp;

    @Test
    void directoryOfADeletedRoot_isRemovedByTheNextBuild_othersStay() throws Exception {
        Path shm = Files.createDirectories(tmp.resolve("shm"));
        ExecutorStateDirs dirs = new ExecutorStateDirs(shm);
        Path gone = Files.createDirectories(tmp.resolve("gone-root"));
        Path kept = Files.createDirectories(tmp.resolve("kept-root"));
        Path busy = Files.createDirectories(tmp.resolve("busy-root"));
        Path goneDir = dirs.forRoot(gone).getParent();
        Path keptDir = dirs.forRoot(kept).getParent();
        Path busyDir = dirs.forRoot(busy).getParent();
        Files.createDirectories(busyDir.resolve("executor/runc/kiln-container"));
        Path unknown = Files.createDirectories(shm.resolve("kiln-0123456789ab/executor"));
        Path other = Files.createDirectories(shm.resolve("not-kiln"));
        assertThat(goneDir.resolve("root")).hasContent(gone.toString());

        Files.delete(gone);
        Files.delete(busy);
        dirs.forRoot(kept);

        assertThat(goneDir).doesNotExist();
        assertThat(keptDir).isDirectory();
        assertThat(busyDir).as("a container is still there").isDirectory();
        assertThat(unknown).as("no root recorded").isDirectory();
        assertThat(other).isDirectory();
    }
}
