package dev.kiln.e2e.mounts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kiln.e2e.mounts.Kiln.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code RUN --network} and {@code RUN --security} with the entitlements of {@code kiln build --allow}. The
 * container's interfaces are read from /proc/net/dev, its capabilities from /proc/self/status, and both are
 * compared with the host's.
 */
class NetworkSecurityE2eTest extends MountsE2eBase {
    /** BuildKit's insecure steps get every capability up to CAP_AUDIT_READ (its test expects CapEff 3fffffffff). */
    private static final long BUILDKIT_INSECURE = 0x3fffffffffL;
    /** containerd 1.x's default set, which BuildKit's sandbox test expects (CapBnd 00000000a80425fb). */
    private static final long BUILDKIT_SANDBOX = 0xa80425fbL;

    private static Path context(String name, String runs) {
        return Kiln.context(dir.resolve(name), Map.of("Dockerfile", "FROM " + BUSYBOX + "\nRUN true\n" + runs));
    }

    private static List<String> interfaces(List<String> procNetDev) {
        return procNetDev.stream().filter(l -> l.contains(":")).map(l -> "if " + l.substring(0, l.indexOf(':')).strip())
                .sorted().toList();
    }

    private static List<String> hostInterfaces() throws IOException {
        return interfaces(Files.readAllLines(Path.of("/proc/net/dev")));
    }

    private static String hostCapability(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> l.substring(field.length() + 1).strip()).findFirst().orElseThrow();
    }

    @Test
    void networkNone_hasOnlyLoopback_defaultAndHostSeeTheHostsInterfaces() throws IOException {
        assertThat(hostInterfaces()).as("this test needs a host interface besides lo").hasSizeGreaterThan(1);
        String print = "cat /proc/net/dev | grep : | cut -d: -f1 | sed 's/^ */if /'";

        List<String> none = kiln.build(context("none", "RUN --network=none " + print + "\n")).ok().stepOutput();
        List<String> sandbox = kiln.build(context("default", "RUN --network=default " + print + "\n")).ok().stepOutput();
        List<String> host = kiln.build(context("host", "RUN --network=host " + print + "\n"),
                "--allow", "network.host").ok().stepOutput();

        assertThat(none).containsExactly("if lo");
        assertThat(sandbox.stream().sorted().toList()).isEqualTo(hostInterfaces());
        assertThat(host.stream().sorted().toList()).isEqualTo(hostInterfaces());
    }

    @Test
    void networkHost_withoutTheEntitlement_failsBeforeAnythingRuns() {
        Kiln.Run r = kiln.build(context("host-denied", "RUN --network=host echo ran\n")).failed();

        assertThat(r.errorLine()).isEqualTo("ERROR: Dockerfile:3: network.host is not allowed: RUN --network=host "
                + "needs kiln build --allow network.host");
        assertThat(r.err()).as("no step ran").doesNotContain("RUN true");
    }

    @Test
    void buildWideNetworkHost_grantsTheEntitlement_asBuildxDoes() {
        assertThat(kiln.build(context("host-flag", "RUN echo host-flag-ran\n"), "--network", "host").ok().stepOutput())
                .contains("host-flag-ran");
    }

    @Test
    void securityInsecure_runsWithAllCapabilities_sandboxWithTheDefaultSet() throws IOException {
        String print = "grep CapEff /proc/self/status | cut -f2";

        List<String> insecure = kiln.build(context("insecure", "RUN --security=insecure " + print + "\n"),
                "--allow", "security.insecure").ok().stepOutput();
        List<String> sandbox = kiln.build(context("sandbox", "RUN --security=sandbox " + print + "\n")).ok().stepOutput();

        long bounding = Long.parseLong(hostCapability("CapBnd"), 16);
        assertThat(insecure).containsExactly("%016x".formatted(BUILDKIT_INSECURE & bounding));
        assertThat(sandbox).containsExactly("%016x".formatted(BUILDKIT_SANDBOX & bounding));
    }

    @Test
    void securityInsecure_withoutTheEntitlement_fails() {
        assertThat(kiln.build(context("insecure-denied", "RUN --security=insecure true\n")).failed().errorLine())
                .isEqualTo("ERROR: Dockerfile:3: security.insecure is not allowed: RUN --security=insecure "
                        + "needs kiln build --allow security.insecure");
    }

    @Test
    void allow_unknownEntitlement_isRejected() {
        assertThat(kiln.build(context("bad-allow", ""), "--allow", "device").failed().errorLine())
                .isEqualTo("ERROR: invalid entitlement: device (expected network.host or security.insecure)");
    }
}
