package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerConfigCredentialsTest {
    @TempDir
    Path dir;

    private DockerConfigCredentials credentials() {
        return new DockerConfigCredentials(dir, List.of(dir.resolve("bin")));
    }

    private void config(String json) throws IOException {
        Files.writeString(dir.resolve("config.json"), json);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void missingConfig_meansAnonymous() {
        assertThat(credentials().lookup("127.0.0.1:5001")).isEmpty();
    }

    @Test
    void auths_base64AuthUsernamePasswordAndIdentityToken() throws IOException {
        config("""
                {"auths": {
                  "127.0.0.1:5001": {"auth": "%s"},
                  "https://registry.example/v1/": {"username": "u2", "password": "p2"},
                  "https://index.docker.io/v1/": {"auth": "", "identitytoken": "refresh-me"}
                }}""".formatted(b64("testuser:pass:with:colons")));
        DockerConfigCredentials c = credentials();
        assertThat(c.lookup("127.0.0.1:5001")).contains(new Credentials("testuser", "pass:with:colons"));
        assertThat(c.lookup("registry.example")).contains(new Credentials("u2", "p2"));
        assertThat(c.lookup("registry-1.docker.io")).hasValueSatisfying(cr -> {
            assertThat(cr.isIdentityToken()).isTrue();
            assertThat(cr.secret()).isEqualTo("refresh-me");
        });
        assertThat(c.lookup("other.example")).isEmpty();
    }

    @Test
    void credHelpersAndCredsStore_runTheHelperWithTheServerOnStdin() throws IOException {
        helper("kilntest", """
                read server
                case "$server" in
                  127.0.0.1:5001) echo '{"ServerURL":"127.0.0.1:5001","Username":"testuser","Secret":"from-helper"}' ;;
                  https://index.docker.io/v1/) echo '{"ServerURL":"hub","Username":"<token>","Secret":"hub-token"}' ;;
                  *) echo "credentials not found in native keychain"; exit 1 ;;
                esac""");
        config("""
                {"credsStore": "kilntest", "credHelpers": {"ghcr.io": "missing"},
                 "auths": {"fallback.example": {"auth": "%s"}}}""".formatted(b64("f:g")));
        DockerConfigCredentials c = credentials();
        assertThat(c.lookup("127.0.0.1:5001")).contains(new Credentials("testuser", "from-helper"));
        assertThat(c.lookup("docker.io")).contains(Credentials.identityToken("hub-token"));
        assertThat(c.lookup("fallback.example")).contains(new Credentials("f", "g"));
        assertThatThrownBy(() -> c.lookup("ghcr.io"))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessage("credential helper docker-credential-missing failed for ghcr.io: not found on PATH");
    }

    @Test
    void failingHelper_isReportedWithItsOutput() throws IOException {
        helper("broken", "echo 'keychain locked'; exit 3");
        config("{\"credsStore\": \"broken\"}");
        assertThatThrownBy(() -> credentials().lookup("x.example"))
                .hasMessage("credential helper docker-credential-broken failed for x.example: exit status 3: keychain locked");
    }

    @Test
    void hostileConfig_givesOneLineErrors() throws IOException {
        config("{\"credsStore\": \"../../bin/sh\"}");
        assertThatThrownBy(() -> credentials().lookup("x.example"))
                .hasMessage("invalid credential helper name \"../../bin/sh\"");
        config("{\"auths\": {\"x.example\": {\"auth\": \"%%%\"}}}");
        assertThatThrownBy(() -> credentials().lookup("x.example"))
                .hasMessageContaining("malformed docker config").hasMessageContaining("not valid base64");
        config("{not json");
        assertThatThrownBy(() -> credentials().lookup("x.example"))
                .isInstanceOf(KilnException.class).hasMessageContaining("malformed docker config");
        config("{\"auths\": {\"x.example\": {\"auth\": 5}}}");
        assertThatThrownBy(() -> credentials().lookup("x.example")).hasMessageEndingWith(
                "config.json: auths.x.example.auth: expected a string, got a number");
    }

    /** As the docker CLI, which reads an empty config.json as no configuration. */
    @Test
    void emptyConfig_meansAnonymous() throws IOException {
        config(" \n");
        assertThat(credentials().lookup("x.example")).isEmpty();
    }

    @Test
    void environment_dockerConfigWins_elseTheHomeDirectory_andHelpersComeFromPath() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"h\":{\"username\":\"from-home\"}}}");
        config("{\"credsStore\": \"kilntest\", \"auths\":{\"h\":{\"username\":\"from-docker-config\"}}}");
        helper("kilntest", "echo '{\"Username\":\"from-helper\",\"Secret\":\"s\"}'");

        assertThat(DockerConfigCredentials.fromEnvironment(Map.of(), home).lookup("h"))
                .contains(new Credentials("from-home", ""));
        assertThat(DockerConfigCredentials.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString(),
                "PATH", "/nonexistent:" + dir.resolve("bin")), home).lookup("h"))
                .contains(new Credentials("from-helper", "s"));
    }

    @Test
    void credentialsNeverPrintTheirSecret() {
        assertThat(new Credentials("u", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(Optional.of(new Credentials("u", "s3cret")).toString()).doesNotContain("s3cret");
    }

    private void helper(String name, String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
