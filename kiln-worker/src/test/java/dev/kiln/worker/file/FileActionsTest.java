package dev.kiln.worker.file;

import dev.kiln.core.KilnException;
import dev.kiln.graph.FileAction;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static dev.kiln.worker.file.Copies.copy;
import static dev.kiln.worker.fstest.FsTree.dir;
import static dev.kiln.worker.fstest.FsTree.file;
import static dev.kiln.worker.fstest.FsTree.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileActionsTest extends FileActionFixture {
    static final long TS = 1_700_000_000_000_000_000L;

    @BeforeEach
    void writeUsers() throws Exception {
        file(base, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1234:5678::/home/app:/bin/sh\n");
        file(base, "etc/group", "root:x:0:\nstaff:x:50:app\n");
    }

    static FileStat stat(Path p) throws Exception {
        return LinuxFiles.lstat(p);
    }

    @Test
    void chownByName_usesTheDestinationsPasswd() throws Exception {
        file(ctx, "src/f", "F");
        apply(copy("/src", "/app").owner("app", null).build());
        assertThat(stat(base.resolve("app/f"))).extracting(FileStat::uid, FileStat::gid).containsExactly(1234, 5678);
        assertThat(stat(base.resolve("app"))).extracting(FileStat::uid, FileStat::gid).containsExactly(1234, 5678);
    }

    @Test
    void chownUserAndGroupByName_andNumbers() throws Exception {
        file(ctx, "f", "F");
        apply(copy("/f", "/a").owner("app", "staff").build());
        assertThat(stat(base.resolve("a"))).extracting(FileStat::uid, FileStat::gid).containsExactly(1234, 50);
        apply(copy("/f", "/b").owner("1000", null).build());
        assertThat(stat(base.resolve("b"))).extracting(FileStat::uid, FileStat::gid).containsExactly(1000, 1000);
        apply(copy("/f", "/c").owner("7", "8").build());
        assertThat(stat(base.resolve("c"))).extracting(FileStat::uid, FileStat::gid).containsExactly(7, 8);
    }

    @Test
    void chownUnknownNames_failClearly() throws Exception {
        file(ctx, "f", "F");
        assertThatThrownBy(() -> apply(copy("/f", "/a").owner("nobody", null).build()))
                .isInstanceOf(KilnException.class).hasMessage("unable to find user nobody: no matching entries in passwd file");
        assertThatThrownBy(() -> apply(copy("/f", "/a").owner("app", "wheel").build()))
                .isInstanceOf(KilnException.class).hasMessage("unable to find group wheel: no matching entries in group file");
    }

    @Test
    void withoutChown_sourceOwnershipIsKept() throws Exception {
        Path f = file(ctx, "f", "F");
        dev.kiln.worker.sys.LinuxFiles.lchown(f, 42, 43);
        apply(copy("/f", "/a").build());
        assertThat(stat(base.resolve("a"))).extracting(FileStat::uid, FileStat::gid).containsExactly(42, 43);
    }

    @Test
    void octalMode_appliesToFilesAndDirectories() throws Exception {
        file(ctx, "src/f", "F");
        dir(base, "app");
        apply(copy("/src", "/app").wholeDir().mode(0700).build());
        assertThat(stat(base.resolve("app/src")).permissions()).isEqualTo(0700);
        assertThat(stat(base.resolve("app/src/f")).permissions()).isEqualTo(0700);
    }

    @Test
    void symbolicMode_isAppliedToEachSourceMode() throws Exception {
        Path f = file(ctx, "src/f", "F");
        Path x = file(ctx, "src/x", "X");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        Files.setPosixFilePermissions(x, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrw-r--"));
        apply(copy("/src", "/app").modeStr("g-w,a+X").build());
        assertThat(stat(base.resolve("app/f")).permissions()).isEqualTo(0644);
        assertThat(stat(base.resolve("app/x")).permissions()).isEqualTo(0755);
    }

    @Test
    void invalidModes_areRejected() throws Exception {
        file(ctx, "f", "F");
        assertThatThrownBy(() -> apply(copy("/f", "/a").modeStr("u+q").build()))
                .isInstanceOf(KilnException.class).hasMessage("invalid chmod mode: u+q");
        assertThatThrownBy(() -> apply(copy("/f", "/a").mode(010000).build()))
                .isInstanceOf(KilnException.class).hasMessageContaining("invalid chmod mode");
    }

    @Test
    void mkdirWithParents_setsModeOwnerAndTime_onCreatedDirectoriesOnly() throws Exception {
        Path existing = dir(base, "opt");
        Instant before = Files.getLastModifiedTime(existing).toInstant();
        apply(new FileAction.Mkdir("/opt/a/b", 0750, true, new FileAction.Owner("app", null), TS));
        FileStat b = stat(base.resolve("opt/a/b"));
        assertThat(b.permissions()).isEqualTo(0750);
        assertThat(b.uid()).isEqualTo(1234);
        assertThat(stat(base.resolve("opt/a")).mtime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(stat(existing).uid()).isZero();
        assertThat(Files.getLastModifiedTime(existing).toInstant()).isNotEqualTo(Instant.ofEpochSecond(1_700_000_000L))
                .isAfterOrEqualTo(before);
    }

    @Test
    void mkdirWithoutParents_failsOnAMissingParent_andIgnoresAnExistingPath() throws Exception {
        assertThatThrownBy(() -> apply(new FileAction.Mkdir("/x/y", 0755, false, null, null)))
                .isInstanceOf(KilnException.class).hasMessage("mkdir /x/y: no such file or directory");
        file(base, "f", "F");
        apply(new FileAction.Mkdir("/f", 0755, false, null, null));
        assertThat(Files.isRegularFile(base.resolve("f"))).isTrue();
    }

    @Test
    void mkfile_writesDataModeOwnerAndTime() throws Exception {
        apply(new FileAction.Mkfile("/hello", 0640, "hi".getBytes(StandardCharsets.UTF_8),
                new FileAction.Owner("app", "staff"), TS));
        FileStat s = stat(base.resolve("hello"));
        assertThat(Files.readString(base.resolve("hello"))).isEqualTo("hi");
        assertThat(s.permissions()).isEqualTo(0640);
        assertThat(s).extracting(FileStat::uid, FileStat::gid).containsExactly(1234, 50);
        assertThat(s.mtime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void mkfileThroughAnEscapingSymlink_staysInsideTheRoot() throws Exception {
        symlink(base, "etc2", "/../../../../tmp");
        assertThatThrownBy(() -> apply(new FileAction.Mkfile("/etc2/x", 0644, new byte[] {1}, null, null)))
                .isInstanceOf(KilnException.class).hasMessage("mkfile /tmp/x: no such file or directory");
        dir(base, "tmp");
        apply(new FileAction.Mkfile("/etc2/x", 0644, new byte[] {1}, null, null));
        assertThat(base.resolve("tmp/x")).exists();
    }

    @Test
    void rm_removesTreesAndWildcards() throws Exception {
        file(base, "d/a", "A");
        file(base, "x.log", "1");
        file(base, "y.log", "2");
        file(base, "keep.txt", "3");
        apply(new FileAction.Rm("/d", false, false));
        apply(new FileAction.Rm("/*.log", false, true));
        assertThat(base.resolve("d")).doesNotExist();
        assertThat(base.resolve("x.log")).doesNotExist();
        assertThat(base.resolve("y.log")).doesNotExist();
        assertThat(base.resolve("keep.txt")).exists();
    }

    @Test
    void rmMissing_failsUnlessAllowed() throws Exception {
        assertThatThrownBy(() -> apply(new FileAction.Rm("/nope", false, false)))
                .isInstanceOf(KilnException.class).hasMessage("stat /nope: no such file or directory");
        apply(new FileAction.Rm("/nope", true, false));
        assertThatThrownBy(() -> apply(new FileAction.Rm("/", true, false)))
                .isInstanceOf(KilnException.class).hasMessage("rmPath: invalid empty path");
    }

    @Test
    void rmOfASymlink_removesTheLinkNotItsTarget() throws Exception {
        file(base, "target/keep", "K");
        symlink(base, "link", "target");
        apply(new FileAction.Rm("/link", false, false));
        assertThat(base.resolve("link")).doesNotExist();
        assertThat(base.resolve("target/keep")).exists();
    }

    @Test
    void symlink_isCreatedWithOwnerAndTime() throws Exception {
        apply(new FileAction.Symlink("/etc/passwd", "/pw", new FileAction.Owner("app", null), TS));
        Path link = base.resolve("pw");
        assertThat(Files.readSymbolicLink(link)).hasToString("/etc/passwd");
        FileStat s = stat(link);
        assertThat(s.uid()).isEqualTo(1234);
        assertThat(s.mtime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }
}
