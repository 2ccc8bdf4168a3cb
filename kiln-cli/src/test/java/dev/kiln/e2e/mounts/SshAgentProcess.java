package dev.kiln.e2e.mounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real OpenSSH {@code ssh-agent} in the foreground on a socket of our choosing, and key pairs for it. */
final class SshAgentProcess implements AutoCloseable {
    private final Process agent;
    private final Path socket;

    private SshAgentProcess(Process agent, Path socket) {
        this.agent = agent;
        this.socket = socket;
    }

    static SshAgentProcess start(Path socket) {
        try {
            Process p = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(socket)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new AssertionError("ssh-agent did not create " + socket);
                }
                Thread.sleep(20);
            }
            return new SshAgentProcess(p, socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Path socket() {
        return socket;
    }

    void add(Path key) {
        run(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", key.toString());
    }

    /** An unencrypted key pair made by ssh-keygen; returns the private key file ({@code .pub} beside it). */
    static Path generate(Path dir, String name, String type) {
        Path key = dir.resolve(name);
        run(Map.of(), "ssh-keygen", "-q", "-t", type, "-N", "", "-C", name + "@kiln-e2e", "-f", key.toString());
        return key;
    }

    /** The line {@code ssh-add -l} prints for the key: bits, SHA256 fingerprint, comment and type. */
    static String fingerprint(Path key) {
        return run(Map.of(), "ssh-keygen", "-lf", key + ".pub").strip();
    }

    private static String run(Map<String, String> env, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
            pb.environment().remove("SSH_AUTH_SOCK");
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        agent.destroy();
        try {
            agent.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
