package dev.kiln.worker.ops;

import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecMount.Sharing;
import dev.kiln.graph.Op;
import dev.kiln.worker.cachemount.CacheMountSpec;
import dev.kiln.worker.sys.LinuxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CacheMountsTest {
    @TempDir
    Path dir;

    private static ExecMount cache(String id, Sharing sharing) {
        return new ExecMount(Op.SCRATCH, "", "/root/.cache", ExecMount.NO_OUTPUT, false, ExecMount.MountType.CACHE,
                new ExecMount.CacheOpt(id, sharing), null, null, null);
    }

    @Test
    void spec_keyIsTheGraphsId_splitIntoNamespaceAndId() {
        CacheMountSpec plain = CacheMounts.spec(cache("//root/.cache", Sharing.LOCKED), "", Optional.empty());
        CacheMountSpec namespaced = CacheMounts.spec(cache("team-a/pip", Sharing.SHARED), "", Optional.empty());

        assertThat(plain.key()).isEqualTo("//root/.cache");
        assertThat(plain.namespace()).isEmpty();
        assertThat(plain.sharing()).isEqualTo(Sharing.LOCKED);
        assertThat(namespaced.namespace()).isEqualTo("team-a");
        assertThat(namespaced.id()).isEqualTo("pip");
        assertThat(List.of(plain.mode(), plain.uid(), plain.gid())).containsExactly(0755, 0, 0);
    }

    @Test
    void spec_withASeed_takesItsPermissionsAndOwner() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
        Path seed = Files.createDirectory(dir.resolve("seed"));
        LinuxFiles.chmod(seed, 0710);
        LinuxFiles.lchown(seed, 1234, 99);

        CacheMountSpec spec = CacheMounts.spec(cache("//c", Sharing.SHARED), "content:x", Optional.of(seed));

        assertThat(List.of(spec.mode(), spec.uid(), spec.gid())).containsExactly(0710, 1234, 99);
        assertThat(spec.seedFrom()).contains(seed);
        assertThat(spec.sourceKey()).isEqualTo("content:x");
    }

    @Test
    void spec_aSeedThatIsAFile_isRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> CacheMounts.spec(cache("//c", Sharing.SHARED), "k", Optional.of(file)))
                .isInstanceOf(KilnException.class).hasMessageContaining("is not a directory");
    }
}
