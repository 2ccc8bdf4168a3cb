package dev.kiln.worker.executor;

import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMeta.HostIp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EtcFilesTest {
    private static String resolv(String host, NetworkMode mode) {
        return new String(EtcFiles.resolvConf(host.getBytes(StandardCharsets.UTF_8), mode), StandardCharsets.UTF_8);
    }

    @Test
    void hosts_haveLocalhostLinesThenExtraHosts() {
        String hosts = new String(EtcFiles.hosts("sandbox", List.of(new HostIp("db", "10.0.0.5"),
                new HostIp("v6", "2001:db8::1"))), StandardCharsets.UTF_8);

        assertThat(hosts).isEqualTo("""
                127.0.0.1\tlocalhost sandbox
                ::1\tlocalhost ip6-localhost ip6-loopback
                10.0.0.5\tdb
                2001:db8::1\tv6
                """);
    }

    @Test
    void hosts_rejectNamesAsAddressesAndInjectedLines() {
        assertThatThrownBy(() -> EtcFiles.hosts("h", List.of(new HostIp("db", "example.com"))))
                .isInstanceOf(KilnException.class).hasMessageContaining("invalid IP address example.com");
        assertThatThrownBy(() -> EtcFiles.hosts("h", List.of(new HostIp("db\n1.2.3.4 evil", "10.0.0.1"))))
                .isInstanceOf(KilnException.class).hasMessageContaining("invalid extra host name");
        assertThatThrownBy(() -> EtcFiles.hosts("h", List.of(new HostIp("db", null))))
                .isInstanceOf(KilnException.class);
    }

    @Test
    void resolvConf_sandboxDropsLoopbackNameserversKeepingOthers() {
        String out = resolv("search example.org\nnameserver 127.0.0.53\nnameserver 10.0.0.2\noptions ndots:2\n",
                NetworkMode.SANDBOX);

        assertThat(out).isEqualTo("search example.org\nnameserver 10.0.0.2\noptions ndots:2\n");
    }

    @Test
    void resolvConf_onlyLoopbackNameservers_fallBackToPublicDefaults() {
        String out = resolv("nameserver 127.0.0.1\nnameserver ::1", NetworkMode.NONE);

        assertThat(out).isEqualTo("nameserver 8.8.8.8\nnameserver 8.8.4.4\n"
                + "nameserver 2001:4860:4860::8888\nnameserver 2001:4860:4860::8844\n");
    }

    @Test
    void resolvConf_hostModeKeepsLoopbackNameservers() {
        String host = "nameserver 127.0.0.53\n";

        assertThat(resolv(host, NetworkMode.HOST)).isEqualTo(host);
    }

    @Test
    void resolvConf_emptyHostFileGetsDefaultsInEveryMode() {
        assertThat(resolv("", NetworkMode.HOST)).startsWith("nameserver 8.8.8.8\n");
        assertThat(resolv("", NetworkMode.SANDBOX)).startsWith("nameserver 8.8.8.8\n");
    }
}
