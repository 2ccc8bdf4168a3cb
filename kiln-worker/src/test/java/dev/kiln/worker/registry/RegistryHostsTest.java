package dev.kiln.worker.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryHostsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "localhost, true", "localhost:5000, true", "127.0.0.1:5000, true", "127.1.2.3, true",
            "[::1]:5000, true", "::1, true", "example.com, false", "example.com:5000, false",
            "10.0.0.1:5000, false", "localhost.example.com, false", "128.0.0.1, false"})
    void isLoopback_matchesContainerd(String host, boolean loopback) {
        assertThat(RegistryHosts.isLoopback(host)).isEqualTo(loopback);
    }

    @Test
    void unconfiguredHosts_useHttpsExceptLoopbackWhichIsPlainHttp() {
        RegistryHosts hosts = new RegistryHosts(Map.of());
        assertThat(hosts.pullEndpoints("ghcr.io")).singleElement()
                .satisfies(e -> assertEndpoint(e, "https://ghcr.io", false, false));
        assertThat(hosts.pullEndpoints("127.0.0.1:5000")).singleElement()
                .satisfies(e -> assertEndpoint(e, "http://127.0.0.1:5000", false, false));
        assertThat(hosts.pushEndpoint("docker.io")).hasToString("https://registry-1.docker.io");
    }

    @Test
    void httpSetting_overridesTheLoopbackDefault() {
        RegistryHosts hosts = new RegistryHosts(Map.of(
                "localhost:5000", new RegistryHostConfig(List.of(), Optional.of(false), false, List.of()),
                "registry.internal", RegistryHostConfig.plainHttp()));
        assertThat(hosts.pushEndpoint("localhost:5000")).hasToString("https://localhost:5000");
        assertThat(hosts.pushEndpoint("registry.internal")).hasToString("http://registry.internal");
    }

    @Test
    void insecure_meansHttpsWithoutVerification_andFallsBackToHttpOnlyWhereHttpWouldApply() {
        RegistryHostConfig insecure = new RegistryHostConfig(List.of(), Optional.empty(), true, List.of());
        RegistryHosts hosts = new RegistryHosts(Map.of("127.0.0.1:5000", insecure, "registry.internal", insecure));
        assertEndpoint(hosts.pushEndpoint("127.0.0.1:5000"), "https://127.0.0.1:5000", true, true);
        assertEndpoint(hosts.pushEndpoint("registry.internal"), "https://registry.internal", true, false);
    }

    @Test
    void mirrors_comeFirstInOrder_withTheirOwnConfigAndPathPrefix() {
        Path ca = Path.of("/etc/ssl/mirror-ca.pem");
        RegistryHosts hosts = new RegistryHosts(Map.of(
                "docker.io", RegistryHostConfig.withMirrors("127.0.0.1:5000", "mirror.example/hub/", "https://m2.example:8443"),
                "mirror.example", new RegistryHostConfig(List.of(), Optional.empty(), false, List.of(ca))));
        List<Endpoint> endpoints = hosts.pullEndpoints("docker.io");
        assertThat(endpoints).extracting(Endpoint::toString).containsExactly(
                "http://127.0.0.1:5000", "https://mirror.example", "https://m2.example:8443", "https://registry-1.docker.io");
        assertThat(endpoints).extracting(Endpoint::mirror).containsExactly(true, true, true, false);
        assertThat(endpoints.get(1).apiPrefix()).isEqualTo("/v2/hub");
        assertThat(endpoints.get(1).ca()).containsExactly(ca);
        assertThat(endpoints.get(1).uri("library/busybox", "manifests/latest"))
                .hasToString("https://mirror.example/v2/hub/library/busybox/manifests/latest");
        assertThat(hosts.pushEndpoint("docker.io").mirror()).isFalse();
    }

    private static void assertEndpoint(Endpoint e, String url, boolean insecure, boolean fallback) {
        assertThat(e).hasToString(url);
        assertThat(e.insecure()).isEqualTo(insecure);
        assertThat(e.httpFallback()).isEqualTo(fallback);
        assertThat(e.apiPrefix()).isEqualTo("/v2");
    }
}
