package dev.kiln.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold of a state root once the build after a {@code kill -9} has succeeded. */
final class AfterKill {
    /** How long a child JVM may take to reach the point where it is killed (a loaded CI machine is slow). */
    static final Duration REACH = Duration.ofSeconds(90);

    private AfterKill() {
    }

    /** Every stored blob matches its digest, and building {@code context} once more is CACHED throughout. */
    static void assertConsistent(KilnEnv kiln, Path context) throws IOException {
        assertThat(corruptBlobs(kiln.root())).as("blobs whose content does not match their name").isEmpty();
        PlainLog again = kiln.build(context.toString());
        assertThat(again.dockerfileSteps()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.state()).as(s.name()).isEqualTo("CACHED"));
    }

    static void assertNothingMounted(KilnEnv kiln) {
        assertThat(Mounts.under(kiln.root())).as("mounts below the state root").isEmpty();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> corruptBlobs(Path root) throws IOException {
        List<Path> corrupt = new ArrayList<>();
        try (Stream<Path> all = Files.list(root.resolve("content/blobs/sha256"))) {
            for (Path blob : all.toList()) {
                if (!sha256(blob).equals(blob.getFileName().toString())) {
                    corrupt.add(blob);
                }
            }
        }
        return corrupt;
    }
}
