package dev.kiln.worker.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to talk to one registry host, as buildkitd.toml's {@code [registry."<host>"]} table says:
 * {@code mirrors = ["127.0.0.1:5000"]}, {@code http = true}, {@code insecure = true}, {@code ca = ["/path/ca.pem"]}.
 * Configs are keyed by host ({@code docker.io}, {@code 127.0.0.1:5000}); a mirror's own entry (if any) decides how
 * the mirror itself is reached.
 *
 * <p>Scheme rules (BuildKit's {@code util/resolver}): {@code http = true} means plain HTTP. {@code http} unset means
 * HTTPS, except for loopback hosts ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), which default to plain
 * HTTP without trying HTTPS first. {@code insecure = true} means HTTPS without certificate verification, and when
 * plain HTTP would also apply it tries HTTPS first and falls back to HTTP if the server does not speak TLS (this is
 * the only case of HTTPS-then-HTTP fallback; docker's daemon falls back for any "insecure registry", BuildKit does
 * not). {@code ca} files (PEM) are trusted in addition to the JDK's default roots.
 *
 * @param mirrors  hosts (optionally with a path prefix, {@code mirror.example/prefix}) tried, in order, before the
 *                 origin for pulls; pushes always go to the origin
 * @param http     plain HTTP when true, HTTPS when false, the loopback rule above when empty
 * @param insecure skip TLS verification
 * @param ca       extra trusted CA certificates (PEM files)
 */
public record RegistryHostConfig(List<String> mirrors, Optional<Boolean> http, boolean insecure, List<Path> ca) {
    public RegistryHostConfig {
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        http = http == null ? Optional.empty() : http;
        ca = ca == null ? List.of() : List.copyOf(ca);
    }

    public static RegistryHostConfig defaults() {
        return new RegistryHostConfig(List.of(), Optional.empty(), false, List.of());
    }

    public static RegistryHostConfig plainHttp() {
        return new RegistryHostConfig(List.of(), Optional.of(true), false, List.of());
    }

    public static RegistryHostConfig withMirrors(String... mirrors) {
        return new RegistryHostConfig(List.of(mirrors), Optional.empty(), false, List.of());
    }
}
