package dev.kiln.worker.executor;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostFactsTest {
    @Test
    void parsesProcSelfLimits() {
        var limits = HostFacts.parseLimits(List.of(
                "Limit                     Soft Limit           Hard Limit           Units     ",
                "Max cpu time              unlimited            unlimited            seconds   ",
                "Max processes             96365                96365                processes ",
                "Max open files            1024                 20000                files     ",
                "Max realtime timeout      unlimited            unlimited            us        "));

        assertThat(limits).containsEntry("NOFILE", 20000L).containsEntry("NPROC", 96365L)
                .containsEntry("CPU", HostFacts.UNLIMITED).containsEntry("RTTIME", HostFacts.UNLIMITED).hasSize(4);
    }

    @Test
    void parsesTheBoundingSet() {
        long caps = HostFacts.parseBoundingCaps(List.of("CapEff:\t0000000000000000", "CapBnd:\t000001fffeffffff"));

        HostFacts host = new HostFacts(Map.of(), caps);
        assertThat(host.hasCapability(0)).isTrue();
        assertThat(host.hasCapability(24)).as("CAP_SYS_RESOURCE").isFalse();
        assertThat(host.hasCapability(40)).isTrue();
        assertThat(host.hasCapability(41)).isFalse();
    }

    @Test
    void currentProcess_reportsItsRealNofileHardLimit() throws Exception {
        String limits = Files.readString(Path.of("/proc/self/limits"));
        String hard = limits.lines().filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow()
                .split("\\s{2,}")[2];

        assertThat(HostFacts.current().hardLimit("NOFILE")).isEqualTo(Long.parseLong(hard));
    }
}
