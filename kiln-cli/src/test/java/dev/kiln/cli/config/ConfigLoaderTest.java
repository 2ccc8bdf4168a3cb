package dev.kiln.cli.config;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void buildkitdStyleToml_bindsRootWorkerAndRegistries() throws Exception {
        Path f = dir.resolve("kiln.toml");
        Files.writeString(f, """
                root = "/srv/kiln"
                debug = true   # a buildkitd key Kiln does not use

                [worker.oci]
                  binary = "crun"
                  max-parallelism = 3

                [registry."docker.io"]
                  mirrors = ["127.0.0.1:5000"]

                [registry."127.0.0.1:5000"]
                  http = true
                  insecure = true
                  ca = ["/etc/ca.pem"]
                """);
        KilnConfig c = ConfigLoader.load(f, Map.of());
        assertThat(c.root()).isEqualTo("/srv/kiln");
        assertThat(c.oci().binary()).isEqualTo("crun");
        assertThat(c.oci().maxParallelism()).isEqualTo(3);
        assertThat(c.registry().get("docker.io").mirrors()).containsExactly("127.0.0.1:5000");
        KilnConfig.Registry local = c.registry().get("127.0.0.1:5000");
        assertThat(local.http()).isEqualTo(Boolean.TRUE);
        assertThat(local.insecure()).isTrue();
        assertThat(local.ca()).isEqualTo(List.of("/etc/ca.pem"));
    }

    @Test
    void envVariable_isUsedWhenNoFlag() throws Exception {
        Path f = dir.resolve("env.toml");
        Files.writeString(f, "root = \"/x\"\n");
        assertThat(ConfigLoader.load(null, Map.of("KILN_CONFIG", f.toString())).root()).isEqualTo("/x");
    }

    @Test
    void malformedToml_isOneLineError() throws Exception {
        Path f = dir.resolve("bad.toml");
        Files.writeString(f, "root = [\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(KilnException.class)
                .hasMessage("invalid config " + f + ":1: unterminated array");
    }

    @Test
    void missingExplicitFile_namesThePath() {
        Path f = dir.resolve("nope.toml");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("cannot read config " + f + ": no such file");
    }

    @Test
    void buildkitDocsExample_bindsWhatKilnUses() throws Exception {
        Path f = Path.of(ConfigLoaderTest.class.getResource("buildkitd-example.toml").toURI());
        KilnConfig c = ConfigLoader.load(f, Map.of());
        assertThat(c.root()).isEqualTo("/var/lib/buildkit");
        assertThat(c.oci()).isEqualTo(new KilnConfig.OciWorker(null, 4, "auto"));
        assertThat(c.registry()).containsOnlyKeys("docker.io", "yourmirror.local:5000");
        assertThat(c.registry().get("docker.io")).isEqualTo(new KilnConfig.Registry(
                List.of("yourmirror.local:5000", "core.harbor.domain/proxy.docker.io"), true, true,
                List.of("/etc/config/myca.pem")));
        assertThat(c.registry().get("yourmirror.local:5000"))
                .isEqualTo(new KilnConfig.Registry(List.of(), true, false, List.of()));
    }

    @Test
    void buildkitDocsExample_parsesEveryTable() throws Exception {
        Path f = Path.of(ConfigLoaderTest.class.getResource("buildkitd-example.toml").toURI());
        Map<String, Object> root = TomlReader.read(f.toString(), Files.readString(f)).root();
        assertThat(root.keySet()).containsExactly("root", "insecure-entitlements", "proxyNetwork", "provenanceEnvDir",
                "log", "dns", "grpc", "otel", "cdi", "history", "worker", "registry", "frontend", "system", "ghacache");
        assertThat(root.get("grpc")).isEqualTo(Map.of("address", List.of("tcp://0.0.0.0:1234"),
                "debugAddress", "0.0.0.0:6060", "uid", 0L, "gid", 0L, "tls", Map.of("cert", "/etc/buildkit/tls.crt",
                        "key", "/etc/buildkit/tls.key", "ca", "/etc/buildkit/tlsca.crt")));
        Map<?, ?> worker = (Map<?, ?>) root.get("worker");
        Map<?, ?> oci = (Map<?, ?>) worker.get("oci");
        assertThat(oci.get("labels")).isEqualTo(Map.of("foo", "bar"));
        assertThat(oci.get("gcpolicy")).isEqualTo(List.of(
                Map.of("reservedSpace", "512MB", "maxUsedSpace", "1GB", "minFreeSpace", "10GB", "keepDuration", "48h",
                        "filters", List.of("type==source.local", "type==exec.cachemount", "type==source.git.checkout")),
                Map.of("all", true, "reservedSpace", 1024000000L)));
        Map<?, ?> containerd = (Map<?, ?>) worker.get("containerd");
        assertThat(containerd.get("runtime")).isEqualTo(Map.of("name", "io.containerd.runc.v2",
                "path", "/path/to/containerd/runc/shim", "options", Map.of("BinaryName", "runc")));
        Map<?, ?> dockerIo = (Map<?, ?>) ((Map<?, ?>) root.get("registry")).get("docker.io");
        assertThat(dockerIo.get("keypair"))
                .isEqualTo(List.of(Map.of("key", "/etc/config/key.pem", "cert", "/etc/config/cert.pem")));
        assertThat(root.get("frontend")).isEqualTo(Map.of("dockerfile.v0", Map.of("enabled", true),
                "gateway.v0", Map.of("enabled", true, "allowedRepositories", List.of())));
        assertThat(root.get("ghacache")).isEqualTo(Map.of("sign", Map.of("cmd", ""), "verify", Map.of("required", false,
                "policy", Map.of("timestampThreshold", 1L, "tlogThreshold", 1L, "certificateIssuer", "",
                        "subjectAlternativeName", "", "buildSignerURI", ""))));
    }

    static Stream<Arguments> wronglyTypedKeys() {
        return Stream.of(
                arguments("root = 1", "1: root: expected a string"),
                arguments("worker = 1", "1: worker: expected a table"),
                arguments("[[worker]]\noci.binary = 'crun'", "1: worker: expected a table"),
                arguments("[worker]\noci = 'runc'", "2: worker.oci: expected a table"),
                arguments("[worker.oci]\nbinary = true", "2: worker.oci.binary: expected a string"),
                arguments("[worker.oci]\nsnapshotter = ['overlayfs']", "2: worker.oci.snapshotter: expected a string"),
                arguments("[worker.oci]\n\nmax-parallelism = '4'", "3: worker.oci.max-parallelism: expected an integer"),
                arguments("[worker.oci]\nmax-parallelism = 2.0", "2: worker.oci.max-parallelism: expected an integer"),
                arguments("[worker.oci]\nmax-parallelism = -1",
                        "2: worker.oci.max-parallelism: expected an integer from 0 to 2147483647"),
                arguments("[worker.oci]\nmax-parallelism = 0x80000000",
                        "2: worker.oci.max-parallelism: expected an integer from 0 to 2147483647"),
                arguments("registry = ['docker.io']", "1: registry: expected a table"),
                arguments("[registry]\n\"docker.io\" = true", "2: registry.\"docker.io\": expected a table"),
                arguments("[registry.\"docker.io\"]\nmirrors = \"m:5000\"",
                        "2: registry.\"docker.io\".mirrors: expected an array of strings"),
                arguments("[registry.\"docker.io\"]\nmirrors = [\"m:5000\", 5000]",
                        "2: registry.\"docker.io\".mirrors: expected an array of strings"),
                arguments("[registry.\"docker.io\"]\nhttp = \"true\"", "2: registry.\"docker.io\".http: expected a boolean"),
                arguments("[registry.\"docker.io\"]\ninsecure = 1", "2: registry.\"docker.io\".insecure: expected a boolean"),
                arguments("[registry.\"docker.io\"]\nca = '/etc/ca.pem'",
                        "2: registry.\"docker.io\".ca: expected an array of strings"),
                arguments("registry.'docker.io' = { http = 1 }", "1: registry.\"docker.io\".http: expected a boolean"));
    }

    @ParameterizedTest
    @MethodSource("wronglyTypedKeys")
    void knownKeyOfTheWrongType_namesKeyAndLine(String toml, String error) throws Exception {
        Path f = dir.resolve("typed.toml");
        Files.writeString(f, toml + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessage("invalid config " + f + ":" + error);
    }

    @Test
    void emptyStrings_meanUnsetAsInBuildkitd() throws Exception {
        Path f = dir.resolve("empty.toml");
        Files.writeString(f, "root = \"\"\n[worker.oci]\nbinary = \"\"\nsnapshotter = ''\n");
        assertThat(ConfigLoader.load(f, Map.of())).isEqualTo(new KilnConfig(null,
                new KilnConfig.Worker(new KilnConfig.OciWorker(null, 0, null)), Map.of()));
    }

    @Test
    void emptyFile_isTheEmptyConfig() throws Exception {
        Path f = dir.resolve("blank.toml");
        Files.writeString(f, "# nothing set\n");
        assertThat(ConfigLoader.load(f, Map.of())).isEqualTo(KilnConfig.EMPTY);
    }

    @Test
    void invalidUtf8_isAnInvalidConfig() throws Exception {
        Path f = dir.resolve("latin1.toml");
        Files.write(f, new byte[] {'r', 'o', 'o', 't', '=', '"', (byte) 0xE9, '"', '\n'});
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessage("invalid config " + f + ": not valid UTF-8");
    }
}
