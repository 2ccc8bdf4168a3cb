package dev.kiln.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 3, safety: {@code kill -9} of kiln while a fresh root pulls debian (its layer being extracted), then
 * the same build again has the whole image: every entry of the registry's layers, with its mode, owner and size.
 */
class KillDuringPullE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    @Test
    void theSameBuildAfterwards_hasTheWholeBaseImage() throws IOException {
        String debian = Registry.debian().orElse(null);
        assumeTrue(debian != null, "debian:bookworm-slim is not in the test registry (bin/setup --debian)");
        Path ctx = kiln.scratch("ctx");
        KilnEnv.write(ctx.resolve("Dockerfile"), "FROM " + debian + "\nRUN cat /etc/debian_version > /version\n");
        try (KilnProcess child = kiln.start(ctx.toString())) {
            child.awaitWhileRunning("the base image being extracted", AfterKill.REACH,
                    () -> child.stderr().contains(" extracting sha256:"));
            child.kill9();
            assertThat(new PlainLog(child.stderr()).step("FROM " + debian).state()).as("the pull when killed").isNull();
        }

        Path rootfsTar = kiln.scratch("out").resolve("rootfs.tar");
        kiln.build("-o", "type=tar,dest=" + rootfsTar, ctx.toString());
        Set<String> exported = listing(Tool.ok("tar", "-tvf", rootfsTar.toString(), "--numeric-owner"));
        JsonNode manifest = Tool.okJson("skopeo", "inspect", "--raw", "--tls-verify=false",
                "docker://" + debian);
        for (JsonNode layer : manifest.get("layers")) {
            Path blob = kiln.root().resolve("content/blobs/sha256").resolve(layer.get("digest").asString().substring(7));
            Set<String> pulled = listing(Tool.ok("tar", "-tzvf", blob.toString(), "--numeric-owner"));
            assertThat(pulled).hasSizeGreaterThan(1000);
            assertThat(exported).as("every entry of layer %s", blob.getFileName()).containsAll(pulled);
        }
        assertThat(Tool.ok("tar", "-xOf", rootfsTar.toString(), "version")).matches("12\\.\\d+\\n");
        AfterKill.assertNothingMounted(kiln);
        AfterKill.assertConsistent(kiln, ctx);
    }

    /** {@code tar -tv} lines reduced to type+mode, owner, size (not of directories) and name: no dates. */
    private static Set<String> listing(String tarTv) {
        Set<String> out = new TreeSet<>();
        for (String line : tarTv.lines().toList()) {
            String[] f = line.split("\\s+", 6);
            String name = f[5].replaceFirst("^\\./", "").replaceFirst("/$", "");
            if (!name.isEmpty() && !name.equals(".")) {
                out.add(f[0] + " " + f[1] + " " + (f[0].startsWith("d") ? "" : f[2]) + " " + name);
            }
        }
        return out;
    }
}
