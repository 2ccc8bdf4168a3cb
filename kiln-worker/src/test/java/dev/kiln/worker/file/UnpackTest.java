package dev.kiln.worker.file;

import dev.kiln.graph.FileAction;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.kiln.worker.fstest.FsTree.file;
import static dev.kiln.worker.fstest.FsTree.setMtime;
import static org.assertj.core.api.Assertions.assertThat;

/** ADD of local archives; the archives are made with GNU tar as the oracle. */
class UnpackTest extends FileActionFixture {
    @BeforeEach
    void writeContent() throws Exception {
        Path content = Files.createDirectory(tmp.resolve("content"));
        Path f = file(content, "pkg/bin/tool", "#!/bin/sh\n");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        setMtime(f, 1_600_000_000L, 0);
        file(content, "pkg/README", "hello");
    }

    void tar(String name, String compressFlag) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tar", "--owner=7", "--group=8", "-C", tmp.resolve("content").toString()));
        if (!compressFlag.isEmpty()) {
            cmd.add(compressFlag);
        }
        cmd.addAll(List.of("-cf", ctx.resolve(name).toString(), "pkg"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    void add(String src, String dest, FileAction.Owner owner) throws InterruptedException {
        apply(new FileAction.Copy(0, src, dest, owner, null, null, true, true, true, true,
                true, false, List.of(), List.of(), false, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a.tar, ''", "a.tar.gz, -z", "a.tar.bz2, -j", "a.tar.xz, -J", "a.tar.zst, --zstd"})
    void archive_isExtractedWithModesOwnersAndTimes(String name, String flag) throws Exception {
        tar(name, flag);
        add("/" + name, "/opt/", null);
        Path tool = base.resolve("opt/pkg/bin/tool");
        assertThat(Files.readString(tool)).isEqualTo("#!/bin/sh\n");
        FileStat st = LinuxFiles.lstat(tool);
        assertThat(st.permissions()).isEqualTo(0755);
        assertThat(st).extracting(FileStat::uid, FileStat::gid).containsExactly(7, 8);
        assertThat(st.mtime()).isEqualTo(Instant.ofEpochSecond(1_600_000_000L));
        assertThat(base.resolve("opt/" + name)).doesNotExist();
    }

    @Test
    void chown_overridesTheArchiveOwners() throws Exception {
        tar("a.tgz", "-z");
        add("/a.tgz", "/opt", new FileAction.Owner("99", "98"));
        assertThat(LinuxFiles.lstat(base.resolve("opt/pkg/README"))).extracting(FileStat::uid, FileStat::gid).containsExactly(99, 98);
        assertThat(LinuxFiles.lstat(base.resolve("opt/pkg/bin"))).extracting(FileStat::uid, FileStat::gid).containsExactly(99, 98);
    }

    @Test
    void fileThatIsNotAnArchive_isCopied() throws Exception {
        file(ctx, "notes.tar.gz", "just text, not gzip");
        add("/notes.tar.gz", "/opt/", null);
        assertThat(Files.readString(base.resolve("opt/notes.tar.gz"))).isEqualTo("just text, not gzip");
    }

    @Test
    void emptyTar_isNotAnArchive() throws Exception {
        Files.write(ctx.resolve("empty.tar"), new byte[1024]);
        assertThat(Unpack.isArchive(ctx.resolve("empty.tar"))).isFalse();
    }

    @Test
    void archiveWithEscapingMembers_staysInsideTheDestination() throws Exception {
        Path evil = tmp.resolve("evil");
        Files.createDirectories(evil);
        Files.writeString(evil.resolve("x"), "pwned");
        Process p = new ProcessBuilder("tar", "-C", evil.toString(), "-P", "--transform=s,^x,../../../escaped,",
                "-cf", ctx.resolve("evil.tar").toString(), "x").redirectErrorStream(true).start();
        assertThat(p.waitFor()).isZero();
        add("/evil.tar", "/opt/", null);
        assertThat(tmp.resolve("escaped")).doesNotExist();
        assertThat(base.resolve("opt/escaped")).hasContent("pwned");
    }
}
