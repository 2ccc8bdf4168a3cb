package dev.kiln.worker.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Key pairs made by the real ssh-keygen, the way users make theirs. */
final class SshKeygen {
    private SshKeygen() {
    }

    /** Generates an unencrypted key at dir/name; extra arguments go to ssh-keygen (e.g. "-m", "PEM"). */
    static Path generate(Path dir, String name, String type, String... extra) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name + "@kiln-test",
                "-f", key.toString()));
        cmd.addAll(List.of(extra));
        Cmd.ok(Map.of(), cmd.toArray(String[]::new));
        return key;
    }

    /** {@code ssh-keygen -lf}: "bits SHA256:fingerprint comment (TYPE)", the same line ssh-add -l prints. */
    static String fingerprintLine(Path publicKey) throws IOException, InterruptedException {
        return Cmd.ok(Map.of(), "ssh-keygen", "-lf", publicKey.toString()).out().strip();
    }

    static Path pub(Path key) {
        return Path.of(key + ".pub");
    }
}
