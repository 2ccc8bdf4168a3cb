package dev.kiln.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount.SecretOpt;
import dev.kiln.graph.ExecOp.SecretEnv;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.MountTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret files on a real per-step tmpfs (root only), and env secrets. */
class SecretMountsTest {
    private static final long TMPFS_MAGIC = 0x01021994L;

    @TempDir
    Path dir;

    private Path scratch;
    private SecretMounts mounts;

    @BeforeEach
    void setUp() {
        scratch = dir.resolve("secrets");
        SecretStore store = SecretStore.of(Map.of("mysecret", "pw-value".getBytes(StandardCharsets.UTF_8),
                "env1", "first".getBytes(StandardCharsets.UTF_8)));
        mounts = new SecretMounts(store, new Mounter(dir.resolve("mnt")), scratch);
    }

    @Test
    void mount_writesTheValueOnATmpfs_withModeAndOwner_andCloseLeavesNothing() throws Exception {
        assumeTrue(isRoot(), "tmpfs mounts and chown need root");
        SecretFile secret = mounts.mount(new SecretOpt("mysecret", 100, 102, 0741, false)).orElseThrow();
        Path tmpfs = secret.file().getParent();

        FileStat st = LinuxFiles.lstat(secret.file());
        assertThat(Files.readString(secret.file())).isEqualTo("pw-value");
        assertThat(List.of(st.uid(), st.gid(), st.mode())).containsExactly(100, 102, 0100741); // stat %f = 81e1
        assertThat(LinuxFiles.filesystemType(tmpfs)).isEqualTo(TMPFS_MAGIC);
        assertThat(mountOptions(tmpfs)).contains("nodev", "nosuid").doesNotContain("noexec");

        secret.close();
        secret.close();

        assertThat(MountTable.mountPointsUnder(scratch)).isEmpty();
        assertThat(tmpfs).doesNotExist();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void mount_defaultMode_isNoexec() throws Exception {
        assumeTrue(isRoot(), "tmpfs mounts need root");
        try (SecretFile secret = mounts.mount(new SecretOpt("mysecret", 0, 0, 0400, false)).orElseThrow()) {
            assertThat(LinuxFiles.lstat(secret.file()).permissions()).isEqualTo(0400);
            assertThat(mountOptions(secret.file().getParent())).contains("noexec");
        }
    }

    @Test
    void mount_missingRequiredSecret_failsWithBuildKitsMessage_optionalIsAbsent() throws Exception {
        assertThatThrownBy(() -> mounts.mount(new SecretOpt("nope", 0, 0, 0400, false)))
                .isInstanceOf(KilnException.class)
                .hasMessage("secret nope: not found");
        assertThat(mounts.mount(new SecretOpt("nope", 0, 0, 0400, true))).isEmpty();
        assertThat(scratch).doesNotExist();
    }

    @Test
    void environment_requiredAndOptional() {
        assertThat(mounts.environment(List.of(new SecretEnv("env1", "A", false), new SecretEnv("gone", "B", true),
                new SecretEnv("mysecret", "C", false))))
                .containsExactly(Map.entry("A", "first"), Map.entry("C", "pw-value"));
        assertThatThrownBy(() -> mounts.environment(List.of(new SecretEnv("gone", "B", false))))
                .hasMessage("secret gone: not found");
    }

    private static List<String> mountOptions(Path mountPoint) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            if (f[1].equals(mountPoint.toString())) {
                return List.of(f[3].split(","));
            }
        }
        throw new AssertionError(mountPoint + " is not mounted");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
