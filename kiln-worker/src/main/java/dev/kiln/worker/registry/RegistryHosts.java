package dev.kiln.worker.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns per-host configuration into the endpoints to try for a registry domain, following BuildKit's
 * {@code util/resolver.NewRegistryConfig}: configured mirrors first (each reached as its own config entry says),
 * then the origin; {@code docker.io} is served by {@code registry-1.docker.io}. See {@link RegistryHostConfig} for
 * the scheme rules.
 */
final class RegistryHosts {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(?:\\.\\d{1,3}){3}");

    private final Map<String, RegistryHostConfig> config;

    RegistryHosts(Map<String, RegistryHostConfig> config) {
        this.config = Map.copyOf(config);
    }

    /** Mirrors in configured order, then the origin. */
    List<Endpoint> pullEndpoints(String domain) {
        List<Endpoint> out = new ArrayList<>();
        for (String mirror : configFor(domain).mirrors()) {
            String[] hostAndPath = splitMirror(mirror);
            String prefix = hostAndPath[1].isEmpty() ? "/v2" : "/v2" + hostAndPath[1];
            out.add(endpoint(hostAndPath[0], configFor(hostAndPath[0]), prefix, true));
        }
        out.add(pushEndpoint(domain));
        return out;
    }

    Endpoint pushEndpoint(String domain) {
        String host = domain.equals(ImageReference.DOCKER_HUB) ? "registry-1.docker.io" : domain;
        return endpoint(host, configFor(domain), "/v2", false);
    }

    private RegistryHostConfig configFor(String host) {
        return config.getOrDefault(host, RegistryHostConfig.defaults());
    }

    private static Endpoint endpoint(String host, RegistryHostConfig c, String prefix, boolean mirror) {
        boolean plainHttp = c.http().orElseGet(() -> isLoopback(host));
        if (c.insecure()) {
            return new Endpoint(host, "https", prefix, mirror, true, plainHttp, c.ca());
        }
        return new Endpoint(host, plainHttp ? "http" : "https", prefix, mirror, false, false, c.ca());
    }

    /** containerd's MatchLocalhost: {@code localhost} or a loopback address, with or without a port. */
    static boolean isLoopback(String hostAndPort) {
        String h = hostAndPort;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(1, end);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        h = h.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || IPV4_LOOPBACK.matcher(h).matches();
    }

    /** {@code mirror.example:5000/some/prefix} (a scheme, if written, is ignored) → host and path. */
    private static String[] splitMirror(String mirror) {
        String s = mirror.contains("://") ? mirror : "//" + mirror;
        try {
            URI u = new URI(s);
            if (u.getRawAuthority() != null) {
                String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
                return new String[]{u.getRawAuthority(), path};
            }
        } catch (URISyntaxException e) {
            // fall through: use the text as a host
        }
        return new String[]{mirror, ""};
    }
}
