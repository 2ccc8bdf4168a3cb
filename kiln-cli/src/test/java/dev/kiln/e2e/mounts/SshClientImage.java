package dev.kiln.e2e.mounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A build context for a {@code debian:bookworm-slim} image with OpenSSH's {@code ssh-add}, made without
 * network access: the slim image has no openssh-client and apt would need the Debian mirror, so the host's
 * own {@code ssh-add} (Debian bookworm's openssh-client, like the image's userland) is copied in with the
 * shared libraries {@code ldd} names that are not glibc itself, which the image already has in the same
 * version. The Dockerfile starts with those COPY steps; tests append their RUN lines.
 */
final class SshClientImage {
    private static final Path SSH_ADD = Path.of("/usr/bin/ssh-add");

    private SshClientImage() {
    }

    static void assumeAvailable() {
        assumeTrue(Files.isExecutable(SSH_ADD) && Files.isExecutable(Path.of("/usr/bin/ssh-agent")),
                "openssh-client is not installed on the host");
        assumeTrue(Kiln.hasImage("library/debian", "bookworm-slim"),
                "no debian:bookworm-slim in the registry: run shared/testenv/setup.sh --debian");
    }

    /** Writes the context into {@code dir} with {@code steps} after the ssh-add setup. */
    static Path context(Path dir, String steps) {
        try {
            Path libs = Files.createDirectories(dir.resolve("sshlib"));
            Files.copy(SSH_ADD, dir.resolve("ssh-add"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
            for (Map.Entry<String, Path> lib : libraries().entrySet()) {
                Files.copy(lib.getValue(), libs.resolve(lib.getKey()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve("Dockerfile"), """
                    FROM %s
                    COPY ssh-add /usr/local/bin/ssh-add
                    COPY sshlib/ /usr/local/lib/ssh/
                    ENV LD_LIBRARY_PATH=/usr/local/lib/ssh
                    %s""".formatted(Kiln.DEBIAN, steps));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The libraries ssh-add links against by soname, except glibc's own (libc, the loader, vdso). */
    private static Map<String, Path> libraries() throws IOException {
        Process p = new ProcessBuilder("ldd", SSH_ADD.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("ldd " + SSH_ADD + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Map<String, Path> libs = new TreeMap<>();
        for (String line : out.lines().toList()) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length >= 3 && parts[1].equals("=>") && !parts[0].startsWith("libc.so")) {
                libs.put(parts[0], Path.of(parts[2]).toRealPath());
            }
        }
        return libs;
    }
}
