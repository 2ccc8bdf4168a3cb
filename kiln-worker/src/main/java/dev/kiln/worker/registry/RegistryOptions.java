package dev.kiln.worker.registry;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of a {@link RegistryClient}.
 *
 * @param hosts                    per-host configuration (buildkitd.toml's {@code [registry."<host>"]}), by host
 * @param credentials              where logins come from
 * @param maxConcurrentPerRegistry parallel requests per registry (BuildKit: 4)
 * @param initialBackoff           first retry delay for transient failures, doubled per retry (BuildKit: 1 s)
 * @param maxAttempts              attempts per request at the origin, including the first (BuildKit: 4);
 *                                 a mirror gets one attempt before the next endpoint is tried
 * @param chunkSize                blobs larger than this are uploaded in PATCH chunks of this size; 0 means always
 *                                 one monolithic PUT
 * @param silenceTimeout           how long a registry may stay silent: before answering a GET/HEAD, and between
 *                                 bytes of any response body; then the request fails (and is retried)
 */
public record RegistryOptions(Map<String, RegistryHostConfig> hosts, CredentialProvider credentials,
                              int maxConcurrentPerRegistry, Duration initialBackoff, int maxAttempts, long chunkSize,
                              Duration silenceTimeout) {
    public RegistryOptions {
        hosts = Map.copyOf(hosts);
        if (maxConcurrentPerRegistry < 1 || maxAttempts < 1 || chunkSize < 0 || !silenceTimeout.isPositive()) {
            throw new IllegalArgumentException("invalid registry options");
        }
    }

    /** BuildKit's defaults, logins from the docker config. */
    public static RegistryOptions defaults() {
        return new RegistryOptions(Map.of(), DockerConfigCredentials.fromEnvironment(), 4, Duration.ofSeconds(1), 4, 0,
                Duration.ofSeconds(60));
    }

    public RegistryOptions withHosts(Map<String, RegistryHostConfig> h) {
        return new RegistryOptions(h, credentials, maxConcurrentPerRegistry, initialBackoff, maxAttempts, chunkSize, silenceTimeout);
    }

    public RegistryOptions withCredentials(CredentialProvider c) {
        return new RegistryOptions(hosts, c, maxConcurrentPerRegistry, initialBackoff, maxAttempts, chunkSize, silenceTimeout);
    }

    public RegistryOptions withRetries(Duration backoff, int attempts) {
        return new RegistryOptions(hosts, credentials, maxConcurrentPerRegistry, backoff, attempts, chunkSize, silenceTimeout);
    }

    public RegistryOptions withSilenceTimeout(Duration timeout) {
        return new RegistryOptions(hosts, credentials, maxConcurrentPerRegistry, initialBackoff, maxAttempts, chunkSize, timeout);
    }

    public RegistryOptions withChunkSize(long size) {
        return new RegistryOptions(hosts, credentials, maxConcurrentPerRegistry, initialBackoff, maxAttempts, size, silenceTimeout);
    }
}
