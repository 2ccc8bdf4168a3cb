package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.convert.ConvertRequest;
import dev.kiln.frontend.dockerfile.convert.OfflineImageResolver;
import dev.kiln.graph.ExecMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildOptionsTest {
    @TempDir
    Path dir;

    private static BuildOptions parse(String... args) {
        return ParsedBuildOptions.of(args);
    }

    private ConvertRequest request(BuildOptions o, Map<String, String> env) {
        return o.convertRequest(o.contextDir(), null, new OfflineImageResolver(), new ByteArrayInputStream(new byte[0]),
                env);
    }

    @Test
    void buildxOptionsBecomeTheConvertRequest() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        BuildOptions o = parse("--build-arg", "A=1", "--build-arg", "FROM_ENV", "--build-arg", "UNSET",
                "--target", "t", "--label", "x=y", "--no-cache-filter", "a,b", "--add-host", "db:10.0.0.2",
                "--add-host", "v6=::1", "--network", "none", "--no-cache", dir.toString());
        ConvertRequest r = request(o, Map.of("FROM_ENV", "env", "SOURCE_DATE_EPOCH", "5"));
        assertThat(r.buildArgs()).isEqualTo(Map.of("A", "1", "FROM_ENV", "env", "SOURCE_DATE_EPOCH", "5"));
        assertThat(r.target()).isEqualTo("t");
        assertThat(r.labels()).isEqualTo(Map.of("x", "y"));
        assertThat(r.noCacheFilter()).containsExactly("a", "b");
        assertThat(r.noCache()).isTrue();
        assertThat(r.extraHosts()).containsExactly(new ExecMeta.HostIp("db", "10.0.0.2"), new ExecMeta.HostIp("v6", "::1"));
        assertThat(r.network()).isEqualTo("none");
        assertThat(r.fileName()).isEqualTo("Dockerfile");
        assertThat(new String(r.dockerfile(), StandardCharsets.UTF_8)).isEqualTo("FROM scratch\n");
    }

    @Test
    void dockerfileSpecificIgnoreFileWinsOverTheContextOne() throws IOException {
        Path df = Files.createDirectories(dir.resolve("build")).resolve("app.Dockerfile");
        Files.writeString(df, "FROM scratch\n");
        Files.writeString(dir.resolve(".dockerignore"), "common\n");
        assertThat(request(parse("-f", df.toString(), dir.toString()), Map.of()).excludePatterns())
                .containsExactly("common");
        Files.writeString(dir.resolve("build/app.Dockerfile.dockerignore"), "# c\n/specific\n");
        ConvertRequest r = request(parse("-f", df.toString(), dir.toString()), Map.of());
        assertThat(r.excludePatterns()).containsExactly("specific");
        assertThat(r.fileName()).isEqualTo("app.Dockerfile");
    }

    @Test
    void lowercaseDockerfileIsFoundAndStdinIsReadForDash() throws IOException {
        Files.writeString(dir.resolve("dockerfile"), "FROM busybox\n");
        assertThat(parse(dir.toString()).dockerfilePath(dir)).isEqualTo(dir.resolve("dockerfile"));
        BuildOptions stdin = parse("-f", "-", dir.toString());
        ConvertRequest r = stdin.convertRequest(dir, null, new OfflineImageResolver(),
                new ByteArrayInputStream("FROM scratch\n".getBytes(StandardCharsets.UTF_8)), Map.of());
        assertThat(new String(r.dockerfile(), StandardCharsets.UTF_8)).isEqualTo("FROM scratch\n");
    }

    @Test
    void badValuesAreClearErrors() {
        assertThatThrownBy(() -> parse("--add-host", "nohost", dir.toString()).extraHosts())
                .isInstanceOf(KilnException.class).hasMessageContaining("expected HOST:IP");
        assertThatThrownBy(() -> parse("--add-host", "h:not-an-ip", dir.toString()).extraHosts())
                .hasMessageContaining("failed to parse IP not-an-ip");
        assertThatThrownBy(() -> parse("-").contextDir()).hasMessageContaining("not '-'");
        assertThat(parse("--platform", "linux/amd64,linux/arm64", dir.toString()).targetPlatforms()).hasSize(2);
        assertThatThrownBy(() -> request(parse("-f", "-", "-"), Map.of()))
                .hasMessageContaining("not '-'");
        assertThatThrownBy(() -> parse("-f", "-", "-").convertRequest(dir, null, new OfflineImageResolver(),
                new ByteArrayInputStream(new byte[0]), Map.of()))
                .hasMessage("invalid argument: can't use stdin for both build context and dockerfile");
        assertThat(List.of(parse(dir.toString()).contextFromStdin(), parse("-").contextFromStdin()))
                .containsExactly(false, true);
    }
}
