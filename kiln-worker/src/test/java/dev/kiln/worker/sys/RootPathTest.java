package dev.kiln.worker.sys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kiln.worker.fstest.FsTree.dir;
import static dev.kiln.worker.fstest.FsTree.symlink;
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
    void dotDot_stopsAtTheRoot() {
        assertThat(RootPath.resolve(root, "/../../a/../../b")).isEqualTo(root.resolve("b"));
        assertThat(RootPath.resolve(root, "..")).isEqualTo(root);
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
    void absoluteLinks_restartAtTheRoot_relativeLinksFromTheirDirectory() throws Exception {
        dir(root, "usr/lib");
        symlink(root, "lib", "/usr/lib");
        symlink(root, "usr/l2", "../../../lib");
        assertThat(RootPath.resolve(root, "/lib/x")).isEqualTo(root.resolve("usr/lib/x"));
        assertThat(RootPath.resolve(root, "/usr/l2/y")).isEqualTo(root.resolve("usr/lib/y"));
    }

    @Test
    void finalLink_isKeptByResolveParent() throws Exception {
        symlink(root, "a", "/b");
        assertThat(RootPath.resolve(root, "/a")).isEqualTo(root.resolve("b"));
        assertThat(RootPath.resolveParent(root, "/a")).isEqualTo(root.resolve("a"));
    }

    @Test
    void linkLoops_areRefused() throws Exception {
        symlink(root, "loop", "loop");
        assertThatThrownBy(() -> RootPath.resolve(root, "/loop/x")).hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void absoluteLinkLoops_areRefused() throws Exception {
        symlink(root, "loop", "/loop");
        assertThatThrownBy(() -> RootPath.resolve(root, "/loop/x")).hasMessageContaining("too many levels of symbolic links");
    }
}
