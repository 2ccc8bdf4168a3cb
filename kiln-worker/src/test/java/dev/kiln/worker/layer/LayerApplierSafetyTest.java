package dev.kiln.worker.layer;

import static dev.kiln.worker.layer.LayerTesting.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.fstest.FsTree;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per way a hostile or broken layer could try to escape the target or leave a mess. */
class LayerApplierSafetyTest {
    @TempDir
    Path temp;
    Path root;
    LayerApplier applier;
    /** A name unique to this run, so "it did not appear on the host" cannot be confused by leftovers. */
    String unique;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "ownership and devices need root");
        root = Files.createDirectories(temp.resolve("root"));
        applier = new LayerApplier(new Mounter(temp.resolve("scratch")));
        unique = "kiln-escape-" + UUID.randomUUID();
    }

    ApplyResult apply(byte[] tar) {
        return applier.apply(new ByteArrayInputStream(tar), root, ApplyOptions.plain());
    }

    List<String> outsideRoot() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("root") && !n.equals("scratch")).toList();
        }
    }

    static void assertInvalid(ThrowingRunnable r, String messagePart) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(KilnException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void dotDotMembers_landInsideTheRoot() throws IOException {
        apply(tar(TarEntry.regular("../" + unique + "-a", 1, 0644),
                TarEntry.regular("x/../../" + unique + "-b", 1, 0644),
                TarEntry.regular("./../../../" + unique + "-c", 1, 0644)));
        assertThat(root.resolve(unique + "-a")).isRegularFile();
        assertThat(root.resolve(unique + "-b")).isRegularFile();
        assertThat(root.resolve(unique + "-c")).isRegularFile();
        assertThat(outsideRoot()).isEmpty();
    }

    @Test
    void absoluteMembers_areRelativeToTheRoot() throws IOException {
        apply(tar(TarEntry.regular("/tmp/" + unique, 1, 0644)));
        assertThat(root.resolve("tmp/" + unique)).isRegularFile();
        assertThat(Path.of("/tmp", unique)).doesNotExist();
    }

    @Test
    void symlinkToSlash_thenAFileThroughIt_staysInside() throws IOException {
        apply(tar(TarEntry.symlink("link", "/"),
                TarEntry.regular("link/tmp/" + unique, 1, 0644),
                TarEntry.symlink("hosttmp", "/tmp"),
                TarEntry.regular("hosttmp/" + unique + "-2", 1, 0644)));
        assertThat(root.resolve("tmp/" + unique)).isRegularFile();
        assertThat(root.resolve("tmp/" + unique + "-2")).isRegularFile();
        assertThat(Path.of("/tmp", unique)).doesNotExist();
        assertThat(Path.of("/tmp", unique + "-2")).doesNotExist();
        assertThat(Files.readSymbolicLink(root.resolve("link"))).isEqualTo(Path.of("/"));
    }

    @Test
    void symlinkToDotDot_thenAFileThroughIt_staysInside() throws IOException {
        apply(tar(TarEntry.symlink("up", ".."),
                TarEntry.regular("up/" + unique, 1, 0644),
                TarEntry.directory("deep", 0755),
                TarEntry.symlink("deep/far", "../../../../.."),
                TarEntry.regular("deep/far/" + unique + "-2", 1, 0644),
                TarEntry.symlink("loop", "loop"),
                TarEntry.regular("plain", 1, 0644)));
        assertThat(root.resolve(unique)).isRegularFile();
        assertThat(root.resolve(unique + "-2")).isRegularFile();
        assertThat(outsideRoot()).isEmpty();
        assertInvalid(() -> apply(tar(TarEntry.regular("loop/x", 1, 0644))), "too many levels of symbolic links");
    }

    @Test
    void hardlinksToOutside_resolveInsideAndFailWhenMissing() throws IOException {
        FileStat passwd = LinuxFiles.lstat(Path.of("/etc/passwd"));
        assertInvalid(() -> apply(tar(TarEntry.hardlink("hl", "../../../../etc/passwd"))), "does not exist");
        assertInvalid(() -> apply(tar(TarEntry.symlink("s", "/etc"), TarEntry.hardlink("hl2", "s/passwd"))),
                "does not exist");
        // Inside the root "/etc" means root/etc, so a link etc -> /etc points at itself.
        assertInvalid(() -> apply(tar(TarEntry.symlink("etc", "/etc"), TarEntry.hardlink("hl3", "etc/passwd"))),
                "too many levels of symbolic links");
        assertThat(LinuxFiles.lstat(Path.of("/etc/passwd")).nlink()).isEqualTo(passwd.nlink());

        apply(tar(TarEntry.regular("data", 3, 0644), TarEntry.hardlink("inside", "/../data")));
        assertThat(LinuxFiles.lstat(root.resolve("inside")).sameInode(LinuxFiles.lstat(root.resolve("data")))).isTrue();
        assertInvalid(() -> apply(tar(TarEntry.directory("d", 0755), TarEntry.hardlink("to-dir", "d"))),
                "is a directory");
    }

    @Test
    void memberNamedSlash_isTolerated_andLeavesTheRootAlone() throws IOException {
        LinuxFiles.chmod(root, 0750);
        apply(tar(TarEntry.directory("/", 0777), TarEntry.directory("./", 0777), TarEntry.regular("./file", 2, 0644)));
        assertThat(root.resolve("file")).isRegularFile();
        assertThat(LinuxFiles.lstat(root).permissions()).isEqualTo(0750);
    }

    @Test
    void whiteoutsNamingDotOrDotDot_areRejected() {
        assertInvalid(() -> apply(tar(TarEntry.regular("a/.wh...", 0, 0644))), "invalid whiteout name");
        assertInvalid(() -> apply(tar(TarEntry.regular(".wh..", 0, 0644))), "invalid whiteout name");
        assertThat(temp.resolve("a")).doesNotExist();
    }

    @Test
    void deviceNodes_onlyWhenAllowed() throws IOException {
        byte[] layer = tar(TarEntry.device(TarEntry.Type.CHAR_DEVICE, "dev/zero", 0666, 1, 5),
                TarEntry.device(TarEntry.Type.BLOCK_DEVICE, "dev/loop9", 0660, 7, 9),
                TarEntry.device(TarEntry.Type.FIFO, "dev/pipe", 0600, 0, 0));
        applier.apply(new ByteArrayInputStream(layer), root, ApplyOptions.plain().withDevices(false));
        assertThat(root.resolve("dev/zero")).doesNotExist();
        assertThat(root.resolve("dev/loop9")).doesNotExist();
        assertThat(LinuxFiles.lstat(root.resolve("dev/pipe")).isFifo()).isTrue();

        apply(layer);
        FileStat zero = LinuxFiles.lstat(root.resolve("dev/zero"));
        assertThat(zero.isCharDevice()).isTrue();
        assertThat(zero.rdevMajor()).isEqualTo(1);
        assertThat(zero.rdevMinor()).isEqualTo(5);
        assertThat(zero.permissions()).isEqualTo(0666);
        assertThat(LinuxFiles.lstat(root.resolve("dev/loop9")).isBlockDevice()).isTrue();
    }

    @Test
    void parentThatIsAFile_isAClearError() throws IOException {
        assertInvalid(() -> apply(tar(TarEntry.regular("f", 1, 0644), TarEntry.regular("f/child", 1, 0644))),
                "parent f is not a directory");
    }

    @Test
    void truncatedOrGarbledStreams_areClearErrors() throws IOException {
        byte[] good = tar(TarEntry.regular("big", 5000, 0644), TarEntry.regular("next", 10, 0644));
        assertInvalid(() -> apply(Arrays.copyOf(good, 2000)), "truncated");
        assertInvalid(() -> apply(Arrays.copyOf(good, 300)), "truncated");
        byte[] garbled = good.clone();
        garbled[100] ^= 0x55;
        assertInvalid(() -> apply(garbled), "checksum");
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 'n';
        assertInvalid(() -> apply(noise), "malformed layer");
        byte[] gz = Compression.gzip(good);
        assertInvalid(() -> apply(Arrays.copyOf(gz, gz.length / 2)), "malformed layer");
        byte[] zst = Compression.zstd(good);
        assertInvalid(() -> apply(Arrays.copyOf(zst, zst.length / 2)), "malformed layer");
    }

    @Test
    void emptyStream_isAnEmptyLayer() {
        ApplyResult r = apply(new byte[0]);
        assertThat(r.size()).isZero();
        assertThat(r.diffId()).isEqualTo(dev.kiln.core.Digest.sha256(new byte[0]));
    }

    @Test
    void existingSymlinkAtAFileName_isReplacedNotFollowed() throws IOException {
        Path outside = FsTree.file(temp, "victim", "original");
        apply(tar(TarEntry.symlink("target", outside.toString())));
        apply(tar(TarEntry.regular("target", 4, 0644)));
        assertThat(Files.readString(outside)).isEqualTo("original");
        assertThat(Files.readString(root.resolve("target"))).isEqualTo("xxxx");
    }
}
