package dev.kiln.worker.executor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.kiln.worker.executor.ContainerFixture.run;
import static dev.kiln.worker.executor.ContainerFixture.shell;
import static org.assertj.core.api.Assertions.assertThat;

/** What the container is made of: namespaces, standard mounts, request mounts, limits and capabilities. */
class RuncExecutorIsolationTest {
    @TempDir
    static Path temp;
    static Path rootfs;
    static RuncExecutor executor;
    static HostFacts host;

    @BeforeAll
    static void setUp() throws Exception {
        ContainerFixture.assumeRuncWorks();
        rootfs = BusyboxRootfs.create(Files.createDirectory(temp.resolve("rootfs")));
        executor = new RuncExecutor(temp.resolve("state"));
        host = HostFacts.current();
    }

    private static List<String> interfaces(String procNetDev) {
        return procNetDev.lines().skip(2).map(l -> l.substring(0, l.indexOf(':')).strip()).toList();
    }

    @Test
    void networkNone_hasOnlyLoopback() {
        var outcome = run(executor, shell(rootfs, "cat /proc/net/dev").network(NetworkMode.NONE).build()).succeeded();

        assertThat(interfaces(outcome.stdout())).containsExactly("lo");
    }

    @Test
    void networkSandbox_sharesTheHostInterfaces() throws Exception {
        var outcome = run(executor, shell(rootfs, "cat /proc/net/dev").build()).succeeded();

        assertThat(interfaces(outcome.stdout()))
                .containsExactlyInAnyOrderElementsOf(interfaces(Files.readString(Path.of("/proc/net/dev"))));
    }

    @Test
    void procAndShm_arePresent() {
        var outcome = run(executor, shell(rootfs, "test -r /proc/self/status && grep ' /dev/shm ' /proc/mounts")
                .shmSize(8 << 20).build()).succeeded();

        assertThat(outcome.stdout()).startsWith("shm /dev/shm tmpfs ").contains("size=8192k");
    }

    @Test
    void sys_isReadOnly() {
        var outcome = run(executor, shell(rootfs, "grep ' /sys ' /proc/mounts; mkdir /sys/kernel/x").build());

        assertThat(outcome.result().exitCode()).isNotZero();
        assertThat(outcome.stdout()).startsWith("sysfs /sys sysfs ro,");
    }

    @Test
    void maskedPaths_areEmpty() throws Exception {
        assertThat(Files.readString(Path.of("/proc/keys"))).as("host /proc/keys").isNotEmpty();
        try (var firmware = Files.list(Path.of("/sys/firmware"))) {
            assertThat(firmware).as("host /sys/firmware").isNotEmpty();
        }

        var outcome = run(executor, shell(rootfs, "wc -c < /proc/keys; ls /sys/firmware | wc -l").build())
                .succeeded();

        assertThat(outcome.stdout().lines().map(String::strip).toList()).containsExactly("0", "0");
    }

    @Test
    void bindMounts_honourReadonly() throws Exception {
        Path rw = Files.createDirectories(temp.resolve("rw"));
        Path ro = Files.createDirectories(temp.resolve("ro"));
        Files.writeString(ro.resolve("data"), "from host");

        var outcome = run(executor, shell(rootfs, "echo written > /mnt/rw/out; cat /mnt/ro/data; touch /mnt/ro/x")
                .mount(ContainerMount.bind("/mnt/rw", rw, false))
                .mount(ContainerMount.bind("/mnt/ro", ro, true)).build());

        assertThat(outcome.result().exitCode()).isNotZero();
        assertThat(outcome.stdout()).isEqualTo("from host");
        assertThat(outcome.stderr()).contains("Read-only file system");
        assertThat(Files.readString(rw.resolve("out"))).isEqualTo("written\n");
        assertThat(ro.resolve("x")).doesNotExist();
    }

    @Test
    void fileBind_mountsASingleFile() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret"), "s3cret");

        var outcome = run(executor, shell(rootfs, "cat /run/secrets/token")
                .mount(ContainerMount.bind("/run/secrets/token", secret, true)).build()).succeeded();

        assertThat(outcome.stdout()).isEqualTo("s3cret");
    }

    @Test
    void tmpfsMount_isFreshTmpfsWithSize() {
        var outcome = run(executor, shell(rootfs, "grep ' /scratch ' /proc/mounts; ls -A /scratch | wc -l")
                .mount(ContainerMount.tmpfs("/scratch", 1 << 20)).build()).succeeded();

        assertThat(outcome.stdout()).startsWith("tmpfs /scratch tmpfs rw,nosuid").contains("size=1024k");
        assertThat(outcome.stdout().lines().toList().getLast().strip()).isEqualTo("0");
    }

    @Test
    void readonlyRootfs_rejectsWrites() {
        var outcome = run(executor, shell(rootfs, "touch /rootfile").readonlyRootfs(true).build());

        assertThat(outcome.result().exitCode()).isNotZero();
        assertThat(rootfs.resolve("rootfile")).doesNotExist();
    }

    @Test
    void nofile_defaultsToBuildkitSoftLimitAndClampedHardLimit() {
        var outcome = run(executor, shell(rootfs, "ulimit -n; ulimit -Hn").build()).succeeded();

        long hostHard = host.hardLimit("NOFILE");
        long expectedHard = Long.compareUnsigned(hostHard, 1048576) < 0 ? hostHard : 1048576;
        assertThat(outcome.stdout().lines().toList())
                .containsExactly(String.valueOf(Math.min(1024, expectedHard)), String.valueOf(expectedHard));
    }

    @Test
    void ulimitAboveHostHardLimit_isClamped() {
        var outcome = run(executor, shell(rootfs, "ulimit -n; ulimit -Hn").ulimit("nofile", 1L << 30, 1L << 30)
                .build()).succeeded();

        String hostHard = String.valueOf(host.hardLimit("NOFILE"));
        assertThat(outcome.stdout().lines().toList()).containsExactly(hostHard, hostHard);
    }

    @Test
    void sandbox_getsBuildkitDefaultCapabilities() {
        var outcome = run(executor, shell(rootfs, "grep CapBnd /proc/self/status").build()).succeeded();

        assertThat(outcome.stdout()).isEqualTo("CapBnd:\t00000000a80425fb\n");
    }

    @Test
    void insecure_getsEveryCapabilityTheHostHas() {
        var outcome = run(executor, shell(rootfs, "grep -E 'CapBnd|CapEff' /proc/self/status; grep ' /sys ' /proc/mounts")
                .security(SecurityMode.INSECURE).build()).succeeded();

        String expected = String.format("%016x", host.boundingCaps() & 0x3fffffffffL);
        assertThat(outcome.stdout().lines().limit(2).map(l -> l.split("\t")[1]).toList())
                .containsExactly(expected, expected);
        assertThat(outcome.stdout()).contains("sysfs /sys sysfs rw,");
    }

    @Test
    void pidNamespace_isNew() {
        var outcome = run(executor, shell(rootfs, "echo $$ /proc/[0-9]*").build()).succeeded();

        assertThat(outcome.stdout()).isEqualTo("1 /proc/1\n");
    }
}
