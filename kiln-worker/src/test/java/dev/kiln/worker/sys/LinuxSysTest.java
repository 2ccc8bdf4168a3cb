package dev.kiln.worker.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxSysTest {
    private static final long EXT4_MAGIC = 0xEF53L;

    @TempDir
    Path temp;

    @AfterEach
    void noMountsLeft() throws IOException {
        assertThat(MountTable.mountPointsUnder(temp)).isEmpty();
    }

    @Test
    void failedCalls_reportOperationPathAndErrnoLikeTheCTools() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mount needs root");
        Path target = Files.createDirectory(temp.resolve("target"));
        assertThatThrownBy(() -> LinuxMounts.mount("overlay", target, "overlay", 0,
                "lowerdir=" + temp.resolve("missing") + ":" + temp.resolve("missing2")))
                .isInstanceOfSatisfying(ErrnoException.class, e -> {
                    assertThat(e.errno()).isEqualTo(ErrnoException.ENOENT);
                    assertThat(e.getMessage()).isEqualTo("mount " + target + ": No such file or directory (errno 2)");
                });
        assertThatThrownBy(() -> LinuxMounts.umount2(target, 0))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.EINVAL));
        assertThatThrownBy(() -> LinuxFiles.lstat(temp.resolve("nope")))
                .hasMessage("lstat " + temp.resolve("nope") + ": No such file or directory (errno 2)");
    }

    @Test
    void mountAndDetach_showUpInTheMountTable() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mount needs root");
        Path target = Files.createDirectory(temp.resolve("with space"));
        LinuxMounts.mount("tmpfs", target, "tmpfs", 0, "size=1m");
        assertThat(MountTable.mountPointsUnder(temp)).containsExactly(target);
        assertThat(LinuxFiles.filesystemType(target)).isEqualTo(0x01021994L);
        LinuxMounts.umount2(target, LinuxMounts.MNT_DETACH);
        assertThat(MountTable.mountPointsUnder(temp)).isEmpty();
    }

    @Test
    void lstat_seesTypesDevicesLinksAndNanoseconds() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mknod needs root");
        Path file = Files.writeString(temp.resolve("f"), "12345");
        LinuxFiles.setTimes(file, Instant.ofEpochSecond(1_600_000_000L, 987_654_321),
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        Files.createLink(temp.resolve("g"), file);
        FileStat st = LinuxFiles.lstat(file);
        assertThat(st.isRegular()).isTrue();
        assertThat(st.size()).isEqualTo(5);
        assertThat(st.nlink()).isEqualTo(2);
        assertThat(st.atime()).isEqualTo(Instant.ofEpochSecond(1_600_000_000L, 987_654_321));
        assertThat(st.mtime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        assertThat(st.ctime()).isEqualTo(((FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS))
                .toInstant());
        assertThat(st.sameInode(LinuxFiles.lstat(temp.resolve("g")))).isTrue();

        Path dev = temp.resolve("null");
        LinuxFiles.mknod(dev, FileStat.S_IFCHR | 0600, 1, 3);
        FileStat d = LinuxFiles.lstat(dev);
        assertThat(d.isCharDevice()).isTrue();
        assertThat(d.isDevice()).isTrue();
        assertThat(st.isDevice()).isFalse();
        assertThat(d.rdevMajor()).isEqualTo(1);
        assertThat(d.rdevMinor()).isEqualTo(3);
        Path whiteout = temp.resolve("wh");
        LinuxFiles.mknod(whiteout, FileStat.S_IFCHR, 0, 0);
        assertThat(LinuxFiles.lstat(whiteout).isWhiteout()).isTrue();
        assertThat(LinuxFiles.lstatIfExists(temp.resolve("f/under-a-file"))).isNull();
        assertThat(LinuxFiles.lstatIfExists(temp.resolve("missing"))).isNull();
        assertThat(LinuxFiles.lstatIfExists(file).isRegular()).isTrue();
        assertThatThrownBy(() -> LinuxFiles.lstatIfExists(temp.resolve("x".repeat(300))))
                .isInstanceOf(ErrnoException.class).hasMessageContaining("lstat");

        Path link = Files.createSymbolicLink(temp.resolve("link"), file);
        LinuxFiles.lchown(link, 123, 456);
        assertThat(LinuxFiles.lstat(link).uid()).isEqualTo(123);
        assertThat(LinuxFiles.lstat(file).uid()).isZero();
        LinuxFiles.chmod(file, 04711);
        assertThat(LinuxFiles.lstat(file).permissions()).isEqualTo(04711);
        assertThat(LinuxFiles.filesystemType(temp)).isEqualTo(EXT4_MAGIC);
    }

    @Test
    void xattrs_ofAnyNamespace_keepBinaryValues() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "trusted.* needs root");
        Path file = Files.writeString(temp.resolve("f"), "x");
        byte[] binary = {1, 0, (byte) 0x80, (byte) 0xff};
        Xattrs.set(file, "trusted.kiln", binary);
        Xattrs.set(file, "user.big", "v".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        assertThat(Xattrs.get(file, "trusted.kiln")).isEqualTo(binary);
        assertThat(Xattrs.get(file, "user.big")).hasSize(1000);
        assertThat(Xattrs.get(file, "user.none")).isNull();
        assertThat(Xattrs.list(file)).contains("trusted.kiln", "user.big");
    }

    @Test
    void xattrCopy_takesWantedNames_andSkipsOnlyTheRefusalsAllowed() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "trusted.* needs root");
        Path src = Files.writeString(temp.resolve("src"), "x");
        Xattrs.set(src, "trusted.kiln", new byte[] {1});
        Xattrs.set(src, "user.note", new byte[] {2});
        Path plain = Files.writeString(temp.resolve("plain"), "y");
        Path link = Files.createSymbolicLink(temp.resolve("link"), plain);

        Xattrs.copy(src, plain, name -> !name.startsWith("trusted."));
        assertThat(Xattrs.list(plain)).containsExactly("user.note");

        // The kernel refuses user.* on a symlink with EPERM.
        assertThatThrownBy(() -> Xattrs.copy(src, link, ErrnoException.EOPNOTSUPP))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.EPERM));
        Xattrs.copy(src, link, ErrnoException.EPERM);
        assertThat(Xattrs.get(link, "trusted.kiln")).isEqualTo(new byte[] {1});
        assertThat(Xattrs.get(link, "user.note")).isNull();
    }

    @Test
    void deviceNumbers_roundTripThroughTheKernelUpToTheirLimits() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mknod needs root");
        int[][] numbers = {{1, 3}, {259, 65536}, {4095, 1048575}};
        for (int[] n : numbers) {
            Path dev = temp.resolve("dev-" + n[0] + "-" + n[1]);
            LinuxFiles.mknod(dev, FileStat.S_IFBLK | 0600, n[0], n[1]);
            FileStat st = LinuxFiles.lstat(dev);
            assertThat(st.rdevMajor()).isEqualTo(n[0]);
            assertThat(st.rdevMinor()).isEqualTo(n[1]);
        }
    }

    @Test
    void deviceNumbers_beyondTheKernelsRange_areRefusedBeforeTheCall() {
        Path dev = temp.resolve("too-big");
        for (int[] n : new int[][] {{4096, 0}, {0, 1048576}, {-1, 0}}) {
            assertThatThrownBy(() -> LinuxFiles.mknod(dev, FileStat.S_IFBLK | 0600, n[0], n[1]))
                    .isInstanceOfSatisfying(ErrnoException.class,
                            e -> assertThat(e.errno()).isEqualTo(ErrnoException.EOVERFLOW));
        }
        assertThat(dev).doesNotExist();
    }

    @Test
    void mountinfoEscapes_areDecoded() {
        assertThat(MountTable.unescape("/tmp/with\\040space\\011tab\\134")).isEqualTo("/tmp/with space\ttab\\");
        assertThat(MountTable.unescape("/plain\\04")).isEqualTo("/plain\\04");
    }
}
