package dev.kiln.worker.sys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static dev.kiln.worker.fstest.FsTree.file;
import static dev.kiln.worker.fstest.FsTree.symlink;
import static org.assertj.core.api.Assertions.assertThat;

class FileTreesTest {
    @TempDir
    Path temp;

    @Test
    void deletesTheWholeTree_withoutFollowingSymlinks() throws Exception {
        Path outside = file(temp, "outside/keep", "k");
        file(temp, "tree/a/b/c", "c");
        symlink(temp, "tree/a/to-outside", outside.getParent().toString());
        symlink(temp, "tree/dangling", "/nowhere");

        FileTrees.deleteRecursively(temp.resolve("tree"));

        assertThat(temp.resolve("tree")).doesNotExist();
        assertThat(outside).hasContent("k");
    }

    @Test
    void aSymlinkItself_isDeleted_notItsTarget() throws Exception {
        Path target = file(temp, "dir/f", "f");
        Path link = symlink(temp, "link", target.getParent().toString());

        FileTrees.deleteRecursively(link);

        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(target).hasContent("f");
    }

    @Test
    void aMissingPath_isFine_evenBelowAFile() throws Exception {
        Path f = file(temp, "f", "f");

        FileTrees.deleteRecursively(temp.resolve("missing"));
        FileTrees.deleteRecursively(temp.resolve("missing/below"));
        FileTrees.deleteRecursively(f.resolve("below"));

        assertThat(f).hasContent("f");
        assertThat(temp).isDirectory();
    }
}
