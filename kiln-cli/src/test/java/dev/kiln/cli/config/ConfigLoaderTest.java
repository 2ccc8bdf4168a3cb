package dev.kiln.cli.config;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .hasMessageStartingWith("invalid config " + f)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingExplicitFile_namesThePath() {
        Path f = dir.resolve("nope.toml");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of())).hasMessageContaining(f.toString());
    }
}
