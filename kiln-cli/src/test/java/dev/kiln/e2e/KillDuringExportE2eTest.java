package dev.kiln.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, safety: {@code kill -9} of kiln while it exports an image with a 50 MB layer (once its RUN step is
 * done: the layer is being diffed and compressed), then the same build again gives a valid OCI archive.
 */
class KillDuringExportE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    @Test
    void theSameBuildAfterwards_exportsAValidImage() throws IOException {
        Path ctx = kiln.scratch("ctx");
        KilnEnv.write(ctx.resolve("Dockerfile"), """
                FROM %s
                RUN head -c 50000000 /dev/urandom > /big && sha256sum /big | cut -d' ' -f1 > /big.sha256
                """.formatted(Registry.busybox()));
        Path archive = kiln.scratch("out").resolve("image.tar");
        String[] args = {"-t", "kiln-e2e/kill:1", "-o", "type=oci,dest=" + archive, ctx.toString()};
        try (KilnProcess child = kiln.start(args)) {
            child.awaitWhileRunning("the RUN step done, the export begun", AfterKill.REACH,
                    () -> new PlainLog(child.stderr()).steps().stream()
                            .anyMatch(s -> s.name().contains("RUN head") && "DONE".equals(s.state())));
            child.kill9();
            assertThat(new PlainLog(child.stderr()).steps()).as("steps when killed")
                    .noneMatch(s -> s.name().startsWith("exporting") && s.state() != null);
        }

        kiln.build(args);
        Path layout = kiln.scratch("layout");
        Tool.ok("tar", "-xf", archive.toString(), "-C", layout.toString());
        Path bundle = kiln.scratch("bundle").resolve("b");
        Tool.ok("umoci", "unpack", "--image", layout + ":1", bundle.toString());
        Path big = bundle.resolve("rootfs/big");
        assertThat(Files.size(big)).isEqualTo(50_000_000L);
        assertThat(AfterKill.sha256(big)).isEqualTo(Files.readString(bundle.resolve("rootfs/big.sha256")).strip());
        AfterKill.assertNothingMounted(kiln);
        AfterKill.assertConsistent(kiln, ctx);
    }
}
