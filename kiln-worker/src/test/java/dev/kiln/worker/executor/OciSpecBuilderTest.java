package dev.kiln.worker.executor;

import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated config.json, checked as JSON the way runc will read it. */
class OciSpecBuilderTest {
    private static final HostFacts HOST = new HostFacts(Map.of("NOFILE", 20000L), 0x1fffeffffffL);
    private static final Path ROOTFS = Path.of("/var/lib/kiln/rootfs");

    private static JsonNode spec(ExecRequest request, ResolvedUser user) {
        OciSpec spec = new OciSpecBuilder(HOST).build(request, user, Path.of("/state/b/hosts"),
                Path.of("/state/b/resolv.conf"), "kiln/" + request.id());
        return JacksonOracle.mapper().readTree(Json.bytes(spec));
    }

    private static ExecRequest.Builder request() {
        return ExecRequest.builder("step1", ROOTFS, List.of("/bin/sh", "-c", "make"));
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void process_carriesArgsEnvCwdUserAndAllowsNewPrivileges() {
        JsonNode process = spec(request().env(List.of("A=1")).cwd("/src").build(),
                new ResolvedUser(1000, 100, List.of(100L, 50L))).get("process");

        assertThat(texts(process.get("args"))).containsExactly("/bin/sh", "-c", "make");
        assertThat(texts(process.get("env"))).containsExactly("A=1", OciSpecBuilder.DEFAULT_PATH);
        assertThat(process.get("cwd").asString()).isEqualTo("/src");
        assertThat(process.get("user").get("uid").asLong()).isEqualTo(1000);
        assertThat(process.get("user").get("gid").asLong()).isEqualTo(100);
        assertThat(process.get("user").get("additionalGids").valueStream().map(JsonNode::asLong).toList())
                .containsExactly(100L, 50L);
        assertThat(process.path("noNewPrivileges").asBoolean(false)).isFalse();
        assertThat(process.path("terminal").asBoolean(false)).isFalse();
        assertThat(process.get("rlimits").get(0).get("soft").asLong()).isEqualTo(1024);
    }

    @Test
    void root_hostnameAndCgroup() {
        JsonNode spec = spec(request().readonlyRootfs(true).build(), ResolvedUser.ROOT);

        assertThat(spec.get("ociVersion").asString()).startsWith("1.0.");
        assertThat(spec.get("root").get("path").asString()).isEqualTo(ROOTFS.toString());
        assertThat(spec.get("root").get("readonly").asBoolean()).isTrue();
        assertThat(spec.get("hostname").asString()).isEqualTo("buildkitsandbox");
        assertThat(spec.get("linux").get("cgroupsPath").asString()).isEqualTo("kiln/step1");
    }

    @Test
    void namespaces_networkOnlyForNone() {
        List<String> sandbox = spec(request().build(), ResolvedUser.ROOT).get("linux").get("namespaces")
                .valueStream().map(n -> n.get("type").asString()).toList();
        List<String> none = spec(request().network(NetworkMode.NONE).build(), ResolvedUser.ROOT).get("linux")
                .get("namespaces").valueStream().map(n -> n.get("type").asString()).toList();

        assertThat(sandbox).containsExactly("pid", "ipc", "uts", "mount");
        assertThat(none).containsExactly("pid", "ipc", "uts", "mount", "network");
    }

    @Test
    void mounts_standardSetThenRequestMountsWhichReplaceSameDestination() {
        JsonNode mounts = spec(request()
                .mount(ContainerMount.bind("/etc/hosts", Path.of("/custom/hosts"), true))
                .mount(ContainerMount.tmpfs("/tmp", 0)).build(), ResolvedUser.ROOT).get("mounts");

        assertThat(mounts.valueStream().map(m -> m.get("destination").asString()).toList()).containsExactly(
                "/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/sys/fs/cgroup", "/etc/resolv.conf",
                "/etc/hosts", "/tmp");
        assertThat(mounts.get(8).get("source").asString()).isEqualTo("/custom/hosts");
        assertThat(texts(mounts.get(8).get("options"))).containsExactly("rbind", "ro");
        assertThat(texts(mounts.get(3).get("options"))).contains("size=65536k");
        assertThat(texts(mounts.get(6).get("options"))).contains("ro");
    }

    @Test
    void sandbox_masksPathsAndDeniesDevices() {
        JsonNode linux = spec(request().build(), ResolvedUser.ROOT).get("linux");

        assertThat(texts(linux.get("maskedPaths"))).contains("/proc/kcore", "/sys/firmware").hasSize(11);
        assertThat(texts(linux.get("readonlyPaths"))).contains("/proc/sys", "/proc/sysrq-trigger");
        assertThat(linux.get("resources").get("devices").get(0).get("allow").asBoolean()).isFalse();
        assertThat(linux.path("devices").isMissingNode()).isTrue();
    }

    @Test
    void insecure_unmasksAndAllowsDevicesAndCapabilitiesTheHostHas() {
        JsonNode spec = spec(request().security(SecurityMode.INSECURE).build(), ResolvedUser.ROOT);

        assertThat(spec.get("linux").path("maskedPaths").isMissingNode()).isTrue();
        assertThat(spec.get("linux").get("devices").valueStream().map(d -> d.get("path").asString()).toList())
                .contains("/dev/fuse", "/dev/loop0");
        List<String> bounding = texts(spec.get("process").get("capabilities").get("bounding"));
        assertThat(bounding).contains("CAP_SYS_ADMIN", "CAP_AUDIT_READ").doesNotContain("CAP_SYS_RESOURCE").hasSize(37);
        assertThat(texts(spec.get("process").get("capabilities").get("ambient"))).isEqualTo(bounding);
    }
}
