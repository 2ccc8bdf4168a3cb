package dev.kiln.worker.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootFilesTest {
    private static final Instant T = Instant.parse("2020-01-02T03:04:05.123456789Z");

    @TempDir
    Path temp;

    @Test
    void createsEntriesRelativeToTheRoot_withTheirMetadata() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
        Path root = Files.createDirectory(temp.resolve("root"));
        byte[] big = new byte[600_000]; // more than one native buffer
        big[599_999] = 7;
        try (RootFiles files = RootFiles.open(root)) {
            files.mkdir("d", 0700);
            try (RootFiles.NewFile f = files.create("d/f")) {
                f.write("hello ".getBytes(StandardCharsets.UTF_8), 0, 6);
                f.write(big, 0, big.length);
                f.chown(12, 34);
                f.chmod(04751);
                f.setTimes(T);
            }
            files.symlink("d/f", "link");
            files.lchown("link", 56, 78);
            files.setTimes("link", T);
            files.link("d/f", "hard");
            files.mknod("fifo", FileStat.S_IFIFO | 0600, 0, 0);
            files.chmod("d", 0755);
            assertThat(files.lstatIfExists("missing/x")).isNull();
            assertThat(files.lstatIfExists("d/f").size()).isEqualTo(6 + big.length);
        }
        FileStat f = LinuxFiles.lstat(root.resolve("d/f"));
        assertThat(f.uid()).isEqualTo(12);
        assertThat(f.gid()).isEqualTo(34);
        assertThat(f.permissions()).isEqualTo(04751);
        assertThat(f.mtime()).isEqualTo(T);
        assertThat(f.nlink()).isEqualTo(2);
        assertThat(Files.readAllBytes(root.resolve("d/f"))).startsWith("hello ".getBytes(StandardCharsets.UTF_8))
                .endsWith(7);
        FileStat link = LinuxFiles.lstat(root.resolve("link"));
        assertThat(link.isSymlink()).isTrue();
        assertThat(link.uid()).isEqualTo(56);
        assertThat(link.mtime()).isEqualTo(T);
        assertThat(LinuxFiles.lstat(root.resolve("fifo")).isFifo()).isTrue();
        assertThat(LinuxFiles.lstat(root.resolve("d")).permissions()).isEqualTo(0755);
    }

    @Test
    void create_neverFollowsOrReplacesWhatIsThere() throws IOException {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path victim = Files.writeString(temp.resolve("victim"), "original");
        Files.createSymbolicLink(root.resolve("escape"), victim);
        try (RootFiles files = RootFiles.open(root)) {
            assertThatThrownBy(() -> files.create("escape"))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.EEXIST));
            assertThatThrownBy(() -> files.mkdir("escape", 0755))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.EEXIST));
            assertThatThrownBy(() -> files.create("bad\0name")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readString(victim)).isEqualTo("original");
    }
}
