package dev.kiln.worker.executor;

import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMeta.Ulimit;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RlimitsTest {
    private static final HostFacts HOST = new HostFacts(
            Map.of("NOFILE", 20000L, "NPROC", 96365L, "CORE", HostFacts.UNLIMITED), 0);

    private static OciSpec.Rlimit limit(String type, long hard, long soft) {
        return OciSpec.Rlimit.of(type, hard, soft);
    }

    @Test
    void default_isBuildkitNofileClampedToTheHostHardLimit() {
        assertThat(Rlimits.forContainer(List.of(), HOST)).containsExactly(limit("RLIMIT_NOFILE", 20000, 1024));
    }

    @Test
    void default_keepsBuildkitHardLimitWhenTheHostAllowsIt() {
        HostFacts generous = new HostFacts(Map.of("NOFILE", 1L << 20 << 2), 0);

        assertThat(Rlimits.forContainer(List.of(), generous)).containsExactly(limit("RLIMIT_NOFILE", 1048576, 1024));
    }

    @Test
    void ulimits_replaceTheDefaultPerTypeAndAreClamped() {
        var limits = Rlimits.forContainer(List.of(new Ulimit("nofile", 50000, 60000), new Ulimit("nproc", 10, 20),
                new Ulimit("core", -1, -1)), HOST);

        assertThat(limits).containsExactly(limit("RLIMIT_NOFILE", 20000, 20000), limit("RLIMIT_NPROC", 20, 10),
                limit("RLIMIT_CORE", -1, -1));
        assertThat(limits.getLast().hard()).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void ulimits_areValidated() {
        assertThatThrownBy(() -> Rlimits.forContainer(List.of(new Ulimit("files", 1, 1)), HOST))
                .isInstanceOf(KilnException.class).hasMessage("invalid ulimit type: files");
        assertThatThrownBy(() -> Rlimits.forContainer(List.of(new Ulimit("nofile", 10, 5)), HOST))
                .isInstanceOf(KilnException.class).hasMessageContaining("soft limit 10 is greater than hard limit 5");
        assertThatThrownBy(() -> Rlimits.forContainer(List.of(new Ulimit("nofile", -2, 5)), HOST))
                .isInstanceOf(KilnException.class).hasMessageContaining("invalid value -2");
    }
}
