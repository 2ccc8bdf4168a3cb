package dev.kiln.worker.executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RootPathTest {
    @TempDir
    Path root;

    @Test
    void plainAndMissingPaths_resolveLexically() throws Exception {
        Files.createDirectories(root.resolve("a/b"));

        assertThat(RootPath.resolve(root, "/a/b/c/d")).isEqualTo(root.resolve("a/b/c/d"));
        assertThat(RootPath.resolve(root, "/")).isEqualTo(root);
        assertThat(RootPath.resolve(root, "../../a/./b/..")).isEqualTo(root.resolve("a"));
    }

    @Test
    void absoluteSymlink_staysInsideTheRoot() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/link"), Path.of("/etc/shadow"));

        assertThat(RootPath.resolve(root, "/etc/link")).isEqualTo(root.resolve("etc/shadow"));
    }

    @Test
    void relativeSymlinkClimbingOut_stopsAtTheRoot() throws Exception {
        Files.createDirectories(root.resolve("x/y"));
        Files.createSymbolicLink(root.resolve("x/y/up"), Path.of("../../../../../tmp"));

        assertThat(RootPath.resolve(root, "/x/y/up/file")).isEqualTo(root.resolve("tmp/file"));
    }

    @Test
    void symlinkLoop_isAnError() throws Exception {
        Files.createSymbolicLink(root.resolve("loop"), Path.of("/loop"));

        assertThatThrownBy(() -> RootPath.resolve(root, "/loop/x")).hasMessageContaining("too many symlinks");
    }
}
