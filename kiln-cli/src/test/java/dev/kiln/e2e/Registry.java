package dev.kiln.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The local test registry of shared/testenv/setup.sh ({@code /tmp/testenv/images.env}): busybox always,
 * debian:bookworm-slim after {@code setup.sh --debian} (what CI runs). Tests skip only when it is absent.
 */
public final class Registry {
    private static final Path ENV_FILE = Path.of("/tmp/testenv/images.env");

    private Registry() {
    }

    /** host:port of the registry, assuming it runs. */
    static String address() {
        assumeTrue(Files.isRegularFile(ENV_FILE), ENV_FILE + " is absent: run bin/setup");
        String hostPort = env().getOrDefault("TESTENV_REGISTRY", "127.0.0.1:5000");
        assumeTrue(answers(hostPort), "no registry answers at " + hostPort + ": run bin/setup");
        return hostPort;
    }

    static String busybox() {
        return address() + "/library/busybox";
    }

    /** debian:bookworm-slim when the registry has it. */
    static Optional<String> debian() {
        String image = address() + "/library/debian";
        return tagExists(image, "bookworm-slim") ? Optional.of(image + ":bookworm-slim") : Optional.empty();
    }

    /** Whether {@code repository} ({@code host/name}) has {@code tag}: a HEAD of its manifest answered 200. */
    public static boolean tagExists(String repository, String tag) {
        int slash = repository.indexOf('/');
        URI uri = URI.create("http://" + repository.substring(0, slash) + "/v2/" + repository.substring(slash + 1)
                + "/manifests/" + tag);
        HttpRequest head = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/vnd.oci.image.index.v1+json,application/vnd.oci.image.manifest.v1+json,"
                        + "application/vnd.docker.distribution.manifest.v2+json,"
                        + "application/vnd.docker.distribution.manifest.list.v2+json").build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(head, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        try {
            for (String line : Files.readAllLines(ENV_FILE)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    private static boolean answers(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
                    2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
