package dev.kiln.worker.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.kiln.worker.fstest.FsTree.dir;
import static dev.kiln.worker.fstest.FsTree.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RootPathTest {
    @TempDir
    Path root;

    @Test
    void dotDot_stopsAtTheRoot() {
        assertThat(RootPath.resolve(root, "/../../a/../../b")).isEqualTo(root.resolve("b"));
        assertThat(RootPath.resolve(root, "..")).isEqualTo(root);
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
}
