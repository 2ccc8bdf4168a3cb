package dev.kiln.e2e.mounts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After builds that use a file secret, an env secret, a forwarded ssh-agent and an ssh key file, no secret
 * byte (nor its base64) is anywhere Kiln writes: every file of the state root (content store blobs raw,
 * decompressed and untarred; cache.db and the snapshot metadata with their WAL files; snapshots; image
 * store; worker scratch), the exported OCI and docker archives (every member and layer, the image config
 * with its history), and the captured build output. Kiln keeps no build logs on disk; the output is what
 * it shows. A marker written into a layer and printed by a step must be found, so the scan is known to
 * reach into every place it claims to search.
 */
class SecretLeakE2eTest extends MountsE2eBase {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LAYER_MARKER = "kiln-leak-test-marker-in-a-layer";
    private static final String OUTPUT_MARKER = "kiln-leak-test-marker-in-the-output";

    @BeforeAll
    static void setUp() {
        SshClientImage.assumeAvailable();
    }

    private static String random(String prefix) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }

    @Test
    void secretsAppearNowhereKilnWrites() throws IOException {
        String fileSecret = random("file-secret-") + "\n";
        String envSecret = random("env-secret-");
        Path secretFile = Files.writeString(dir.resolve("file-secret.txt"), fileSecret);
        Path agentKey = SshAgentProcess.generate(dir, "agent_key", "ed25519");
        Path fileKey = SshAgentProcess.generate(dir, "file_key", "ecdsa");
        Path ctx = SshClientImage.context(dir.resolve("ctx"), """
                RUN echo %s > /marker
                RUN --mount=type=secret,id=filesec --mount=type=secret,id=envsec,env=ENVSEC \\
                    cat /run/secrets/filesec; echo "$ENVSEC"; sha256sum /run/secrets/filesec; echo %s
                RUN --mount=type=secret,id=filesec,target=/etc/filesec,mode=0444 --mount=type=cache,target=/cache \\
                    wc -c /etc/filesec > /cache/size; cat /cache/size
                RUN --mount=type=ssh --mount=type=ssh,id=keys,target=/run/keys.sock \\
                    ssh-add -l && SSH_AUTH_SOCK=/run/keys.sock ssh-add -l
                """.formatted(LAYER_MARKER, OUTPUT_MARKER));
        Path oci = dir.resolve("image-oci.tar");
        Path docker = dir.resolve("image-docker.tar");

        Kiln.Run build;
        try (SshAgentProcess agent = SshAgentProcess.start(dir.resolve("agent.sock"))) {
            agent.add(agentKey);
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", agent.socket().toString(), "ENV_SECRET", envSecret);
            build = kiln.start(dir.resolve("logs"), dir, env, ctx, "--secret", "id=filesec,src=" + secretFile,
                    "--secret", "id=envsec,env=ENV_SECRET", "--ssh", "default", "--ssh", "keys=" + fileKey,
                    "-t", "leak:latest", "-o", "type=oci,dest=" + oci, "-o", "type=docker,dest=" + docker, "--load")
                    .await().ok();
        }
        assertThat(build.stepOutput()).contains("***", OUTPUT_MARKER, SshAgentProcess.fingerprint(agentKey),
                SshAgentProcess.fingerprint(fileKey));

        LeakScanner scan = new LeakScanner()
                .secret("file secret", fileSecret.getBytes(StandardCharsets.UTF_8))
                .secret("file secret without newline", fileSecret.strip().getBytes(StandardCharsets.UTF_8))
                .secret("env secret", envSecret.getBytes(StandardCharsets.UTF_8))
                .plain("layer marker", LAYER_MARKER)
                .plain("output marker", OUTPUT_MARKER);
        privateKeyNeedles(scan, "agent key", agentKey);
        privateKeyNeedles(scan, "key file", fileKey);
        scan.scanTree(kiln.root).scanFile(oci).scanFile(docker)
                .scanText("build stdout", build.out()).scanText("build stderr", build.err());

        assertThat(scan.hits()).filteredOn(h -> !h.startsWith("layer marker") && !h.startsWith("output marker"))
                .as("secret bytes found in %d scanned streams", scan.scanned()).isEmpty();
        assertThat(scan.hitsOf("layer marker"))
                .anyMatch(h -> h.contains(kiln.root.resolve("content").toString()) && h.contains("!gunzip"))
                .anyMatch(h -> h.contains(oci + "!blobs/sha256/") && h.contains("!gunzip"))
                .anyMatch(h -> h.contains(docker + "!"));
        assertThat(scan.hitsOf("output marker")).anyMatch(h -> h.contains("build stderr"))
                .anyMatch(h -> h.contains(oci.toString())); // the image config's history holds the RUN line
        try (Stream<Path> left = Files.walk(kiln.root.resolve("worker/secrets"))) {
            assertThat(left.filter(Files::isRegularFile)).as("secret files left in the scratch area").isEmpty();
        }
    }

    /** The base64 lines of an OpenSSH private key file, and the key material they decode to. */
    private static void privateKeyNeedles(LeakScanner scan, String name, Path key) throws IOException {
        List<String> body = Files.readAllLines(key).stream().filter(l -> !l.startsWith("-----")).toList();
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).length() >= 16) {
                scan.plain(name + " line " + i, body.get(i));
            }
        }
        scan.secret(name + " decoded", Base64.getMimeDecoder().decode(String.join("", body)));
    }
}
