package dev.kiln.worker.file;

import dev.kiln.core.KilnException;
import dev.kiln.graph.FileAction;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.kiln.worker.file.Copies.copy;
import static dev.kiln.worker.fstest.FsTree.dir;
import static dev.kiln.worker.fstest.FsTree.file;
import static dev.kiln.worker.fstest.FsTree.setMtime;
import static dev.kiln.worker.fstest.FsTree.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyActionTest extends FileActionFixture {
    String read(String rel) throws Exception {
        return Files.readString(base.resolve(rel));
    }

    @Test
    void file_toPathWithTrailingSlash_landsInsideNewDirectory() throws Exception {
        file(ctx, "a.txt", "A");
        run(copy("/a.txt", "/dst/"));
        assertThat(read("dst/a.txt")).isEqualTo("A");
    }

    @Test
    void file_toMissingPathWithoutSlash_becomesThatFile() throws Exception {
        file(ctx, "a.txt", "A");
        run(copy("/a.txt", "/dst"));
        assertThat(Files.isRegularFile(base.resolve("dst"))).isTrue();
        assertThat(read("dst")).isEqualTo("A");
    }

    @Test
    void file_toExistingDirectoryWithoutSlash_landsInside() throws Exception {
        file(ctx, "a.txt", "A");
        dir(base, "dst");
        run(copy("/a.txt", "/dst"));
        assertThat(read("dst/a.txt")).isEqualTo("A");
    }

    @Test
    void directory_copiesItsContents() throws Exception {
        file(ctx, "src/one", "1");
        file(ctx, "src/sub/two", "2");
        run(copy("/src", "/app"));
        assertThat(read("app/one")).isEqualTo("1");
        assertThat(read("app/sub/two")).isEqualTo("2");
        assertThat(base.resolve("app/src")).doesNotExist();
    }

    @Test
    void directoryWithoutContentsRule_intoExistingDirectory_keepsItsName() throws Exception {
        file(ctx, "src/one", "1");
        dir(base, "app");
        run(copy("/src", "/app").wholeDir());
        assertThat(read("app/src/one")).isEqualTo("1");
    }

    @Test
    void wildcard_takesMatchingEntriesOfThatLevelOnly() throws Exception {
        file(ctx, "a.txt", "A");
        file(ctx, "b.txt", "B");
        file(ctx, "c.md", "C");
        file(ctx, "sub/d.txt", "D");
        run(copy("/*.txt", "/out/"));
        try (var s = Files.list(base.resolve("out"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("a.txt", "b.txt");
        }
    }

    @Test
    void wildcardWithoutMatch_fails_unlessEmptyIsAllowed() throws Exception {
        assertThatThrownBy(() -> run(copy("/*.nothing", "/out/")))
                .isInstanceOf(KilnException.class).hasMessage("/*.nothing not found");
        run(copy("/*.nothing", "/out/").allowEmptyWildcard());
        assertThat(base.resolve("out")).doesNotExist();
    }

    @Test
    void missingSource_namesThePath() {
        assertThatThrownBy(() -> run(copy("/missing.txt", "/out/")))
                .isInstanceOf(KilnException.class).hasMessage("lstat /missing.txt: no such file or directory");
    }

    @Test
    void destinationParentMissing_withoutCreateDestPath_fails() throws Exception {
        file(ctx, "a", "A");
        assertThatThrownBy(() -> run(copy("/a", "/no/such/dir/a").noCreateDestPath()))
                .isInstanceOf(KilnException.class).hasMessageContaining("failed to stat /no/such/dir/a");
    }

    @Test
    void followSymlink_copiesTheTargetOfATopLevelLink() throws Exception {
        file(ctx, "real.txt", "R");
        symlink(ctx, "link.txt", "real.txt");
        run(copy("/link.txt", "/out/"));
        Path out = base.resolve("out/link.txt");
        assertThat(Files.isSymbolicLink(out)).isFalse();
        assertThat(Files.readString(out)).isEqualTo("R");
        run(copy("/link.txt", "/raw/").noFollow());
        assertThat(Files.readSymbolicLink(base.resolve("raw/link.txt"))).hasToString("real.txt");
    }

    @Test
    void symlinksInsideACopiedTree_stayLinks_evenWhenPointingOutside() throws Exception {
        file(ctx, "src/f", "F");
        symlink(ctx, "src/out", "/etc/passwd");
        symlink(ctx, "src/up", "../../../../etc");
        run(copy("/src", "/app"));
        assertThat(Files.readSymbolicLink(base.resolve("app/out"))).hasToString("/etc/passwd");
        assertThat(Files.readSymbolicLink(base.resolve("app/up"))).hasToString("../../../../etc");
    }

    @Test
    void sourceSymlinkToAbsolutePath_isResolvedInsideTheContext() throws Exception {
        symlink(ctx, "secret", "/etc/hostname");
        assertThatThrownBy(() -> run(copy("/secret", "/out/")))
                .isInstanceOf(KilnException.class).hasMessage("lstat /etc/hostname: no such file or directory");
        file(ctx, "etc/hostname", "inside");
        run(copy("/secret", "/out/"));
        assertThat(read("out/secret")).isEqualTo("inside");
    }

    @Test
    void dotDotInSource_cannotClimbOutOfTheSourceRoot() throws Exception {
        file(tmp, "outside.txt", "host secret");
        assertThatThrownBy(() -> run(copy("/../outside.txt", "/out/")))
                .isInstanceOf(KilnException.class).hasMessageContaining("no such file or directory");
        file(ctx, "outside.txt", "ctx copy");
        run(copy("../../outside.txt", "/out/"));
        assertThat(read("out/outside.txt")).isEqualTo("ctx copy");
    }

    @Test
    void destinationSymlinks_areResolvedInsideTheRootfs() throws Exception {
        file(ctx, "a", "A");
        symlink(base, "app", "../../../../escape");
        run(copy("/a", "/app/"));
        assertThat(read("escape/a")).isEqualTo("A");
        assertThat(tmp.resolve("escape")).doesNotExist();
    }

    @Test
    void hardLinks_withinOneCopy_arePreserved() throws Exception {
        Path one = file(ctx, "src/one", "same");
        Files.createLink(ctx.resolve("src/two"), one);
        run(copy("/src", "/app"));
        Object i1 = Files.getAttribute(base.resolve("app/one"), "unix:ino");
        Object i2 = Files.getAttribute(base.resolve("app/two"), "unix:ino");
        assertThat(i1).isEqualTo(i2).isNotEqualTo(Files.getAttribute(one, "unix:ino"));
    }

    @Test
    void timestampsOfSources_arePreserved() throws Exception {
        Path f = file(ctx, "src/f", "F");
        setMtime(f, 1_600_000_000L, 123_456_789);
        setMtime(ctx.resolve("src"), 1_500_000_000L, 5);
        run(copy("/src", "/app/sub").wholeDir());
        assertThat(Files.getLastModifiedTime(base.resolve("app/sub/f")).toInstant())
                .isEqualTo(Instant.ofEpochSecond(1_600_000_000L, 123_456_789));
        assertThat(Files.getLastModifiedTime(base.resolve("app/sub")).toInstant())
                .isEqualTo(Instant.ofEpochSecond(1_500_000_000L, 5));
    }

    @Test
    void fixedTimestamp_appliesToCopiedFilesAndCreatedParents() throws Exception {
        file(ctx, "f", "F");
        long ts = 1_700_000_000_000_000_000L;
        run(copy("/f", "/new/dir/").timestamp(ts));
        assertThat(Files.getLastModifiedTime(base.resolve("new/dir/f")).toInstant()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(Files.getLastModifiedTime(base.resolve("new")).toInstant()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void existingFileTarget_isReplaced_butADirectoryIsNot() throws Exception {
        file(ctx, "f", "new");
        file(base, "app/f", "old");
        run(copy("/f", "/app/f"));
        assertThat(read("app/f")).isEqualTo("new");
        dir(base, "d/f");
        assertThatThrownBy(() -> run(copy("/f", "/d/")))
                .isInstanceOf(KilnException.class).hasMessage("copy /d/f: cannot replace to directory with file");
    }

    @Test
    void alwaysReplace_replacesAFileWithADirectory() throws Exception {
        file(ctx, "src/x/inner", "I");
        file(base, "app/x", "a file in the way");
        assertThatThrownBy(() -> run(copy("/src", "/app"))).isInstanceOf(KilnException.class)
                .hasMessageContaining("cannot copy to non-directory");
        run(copy("/src", "/app").alwaysReplace());
        assertThat(read("app/x/inner")).isEqualTo("I");
    }

    @Test
    void specialFiles_fifoIsRecreated() throws Exception {
        dir(ctx, "src");
        LinuxFiles.mknod(ctx.resolve("src/fifo"), FileStat.S_IFIFO | 0600, 0, 0);
        run(copy("/src", "/app"));
        assertThat(LinuxFiles.lstat(base.resolve("app/fifo")).type()).isEqualTo(FileStat.S_IFIFO);
        assertThat(Files.exists(base.resolve("app/fifo"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void interruptedCopy_stops() throws Exception {
        file(ctx, "src/f", "F");
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> run(copy("/src", "/app"))).isInstanceOf(InterruptedException.class);
    }

    @Test
    void copyFromScratch_isRejected() {
        FileAction.Copy c = new FileAction.Copy(-1, "/a", "/b", null, null, null, true, true, false, true, true, false,
                List.of(), List.of(), false, null);
        assertThatThrownBy(() -> FileActions.apply(base, List.of(), c)).isInstanceOf(KilnException.class);
    }
}
