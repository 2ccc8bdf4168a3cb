package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.graph.ExecMeta;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecMount.MountType;
import dev.kiln.graph.ExecMount.Sharing;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.Node;
import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.Op;
import dev.kiln.graph.Output;
import dev.kiln.solver.WorkerSpi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exec cache map follows BuildKit's rules for what splits the cache and how inputs are keyed. */
class ExecCacheMapTest {
    private static final Output BASE = new Output(Digest.sha256("base"), 0);
    private static final Output CONTEXT = new Output(Digest.sha256("context"), 0);

    private static ExecMeta meta(String hostIp) {
        return new ExecMeta(List.of("/bin/sh", "-c", "make"), List.of("PATH=/bin"), "/", "", "",
                List.of(new ExecMeta.HostIp("mirror", hostIp)), List.of(), List.of());
    }

    private static ExecMount cache(String id, String dest, Sharing sharing) {
        return new ExecMount(Op.SCRATCH, "", dest, ExecMount.NO_OUTPUT, false, MountType.CACHE,
                new ExecMount.CacheOpt(id, sharing), null, null, null);
    }

    private static ExecMount bind(int input, String selector, String dest, boolean readonly, int output) {
        return new ExecMount(input, selector, dest, output, readonly, MountType.BIND, null, null, null, null);
    }

    private static WorkerSpi.CacheMap map(ExecMeta meta, ExecMount... extra) {
        List<ExecMount> mounts = new ArrayList<>(List.of(ExecMount.root(0, 0)));
        mounts.addAll(List.of(extra));
        boolean usesContext = mounts.stream().anyMatch(m -> m.input() == 1);
        List<Output> inputs = usesContext ? List.of(BASE, CONTEXT) : List.of(BASE);
        ExecOp op = new ExecOp(meta, mounts, "sandbox", "sandbox", List.of());
        return ExecCacheMap.of(Node.of(op, inputs, "linux/amd64", NodeMeta.NONE), op, null);
    }

    private static Digest key(ExecMount... extra) {
        return map(meta("10.0.0.1"), extra).digest();
    }

    @Test
    void explicitCacheIdAndSharing_doNotSplitTheCache() {
        assertThat(key(cache("one", "/c", Sharing.SHARED))).isEqualTo(key(cache("two", "/c", Sharing.LOCKED)))
                .isEqualTo(key(cache("three", "/c", Sharing.PRIVATE)));
    }

    @Test
    void theDockerfilesDefaultId_staysInTheKey_withItsNamespace() {
        Digest plain = key(cache("//c", "/c", Sharing.SHARED));
        Digest namespaced = key(cache("ns//c", "/c", Sharing.SHARED));
        Digest explicit = key(cache("renamed", "/c", Sharing.SHARED));

        assertThat(plain).isNotEqualTo(namespaced).isNotEqualTo(explicit);
        assertThat(key(cache("/c", "/c", Sharing.SHARED))).isNotEqualTo(explicit);
        assertThat(key(cache("//c", "/c", Sharing.LOCKED))).isEqualTo(explicit);
    }

    @Test
    void cacheTarget_isPartOfTheKey() {
        assertThat(key(cache("x", "/c", Sharing.SHARED))).isNotEqualTo(key(cache("x", "/d", Sharing.SHARED)));
    }

    @Test
    void extraHostIps_areNotPartOfTheKey_theirNamesAre() {
        assertThat(map(meta("10.0.0.1")).digest()).isEqualTo(map(meta("192.168.1.9")).digest());
        ExecMeta renamed = new ExecMeta(List.of("/bin/sh", "-c", "make"), List.of("PATH=/bin"), "/", "", "",
                List.of(new ExecMeta.HostIp("other", "10.0.0.1")), List.of(), List.of());
        assertThat(map(renamed).digest()).isNotEqualTo(map(meta("10.0.0.1")).digest());
    }

    @Test
    void selectors_keyTheInputs_notTheOp() {
        WorkerSpi.CacheMap a = map(meta("1.1.1.1"), bind(1, "/src", "/s", true, ExecMount.NO_OUTPUT));
        WorkerSpi.CacheMap b = map(meta("1.1.1.1"), bind(1, "/lib", "/s", true, ExecMount.NO_OUTPUT));

        assertThat(a.digest()).isEqualTo(b.digest());
        assertThat(a.deps().get(1).selector()).isEqualTo(Digest.sha256("/src"))
                .isNotEqualTo(b.deps().get(1).selector());
    }

    @Test
    void rootInput_isKeyedByDefinition_readOnlyAndThrowAwayBinds_byContent() {
        WorkerSpi.CacheMap ro = map(meta("1.1.1.1"), bind(1, "/src", "/s", true, ExecMount.NO_OUTPUT));
        WorkerSpi.CacheMap rw = map(meta("1.1.1.1"), bind(1, "/src", "/s", false, ExecMount.NO_OUTPUT));

        assertThat(ro.deps().get(0).selector()).isEqualTo(Digest.sha256("/"));
        assertThat(ro.deps().get(0).content()).isNull();
        assertThat(ro.deps().get(1).content()).isNotNull();
        assertThat(rw.deps().get(1).content()).isNotNull();
    }

    @Test
    void aWritableMountWithAnOutput_isKeyedByDefinition_unlessItSelectsTheWholeInput() {
        WorkerSpi.CacheMap sub = map(meta("1.1.1.1"), bind(1, "/src", "/s", false, 1));
        WorkerSpi.CacheMap whole = map(meta("1.1.1.1"), bind(1, "/", "/s", false, 1));

        assertThat(sub.deps().get(1).content()).isNull();
        assertThat(whole.deps().get(1).content()).isNotNull();
    }

    @Test
    void anInputUsedTwice_getsBothSelectors_andContentOnlyIfBothAllowIt() {
        WorkerSpi.CacheMap both = map(meta("1.1.1.1"), bind(1, "/a", "/x", true, ExecMount.NO_OUTPUT),
                bind(1, "/b", "/y", false, 1));

        assertThat(both.deps().get(1).selector()).isEqualTo(Digest.sha256("/a\0/b"));
        assertThat(both.deps().get(1).content()).isNull();
    }
}
