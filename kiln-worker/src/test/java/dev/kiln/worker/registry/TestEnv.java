package dev.kiln.worker.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared test environment ({@code /tmp/testenv/images.env}, written by shared/testenv/setup.sh): the
 * registry at 127.0.0.1:5000 with a multi-arch busybox and, after {@code setup.sh --auth}, a Basic-auth registry.
 * Tests skip (by assumption) only when the file or the registry is absent.
 */
public final class TestEnv {
    private static final Path FILE = Path.of("/tmp/testenv/images.env");

    private TestEnv() {
    }

    public static Map<String, String> load() {
        assumeTrue(Files.isRegularFile(FILE), FILE + " is absent: run shared/testenv/setup.sh");
        Map<String, String> env = new HashMap<>();
        try {
            for (String line : Files.readAllLines(FILE)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return env;
    }

    /** The value of {@code key}, assuming it is set and, for registries, that something answers there. */
    public static String registry(String key) {
        String hostPort = load().get(key);
        assumeTrue(hostPort != null, key + " is not in " + FILE);
        assumeTrue(answers(hostPort), "nothing answers at " + hostPort);
        return hostPort;
    }

    /** Client options for the test registry: anonymous, with quick retries so that failures show fast. */
    public static RegistryOptions anonymousOptions() {
        return RegistryOptions.defaults().withCredentials(CredentialProvider.anonymous())
                .withRetries(Duration.ofMillis(10), 2);
    }

    public static String get(String key) {
        String v = load().get(key);
        assumeTrue(v != null, key + " is not in " + FILE);
        return v;
    }

    private static boolean answers(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
