package dev.kiln.worker.registry;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One place a repository can be reached: a registry origin or one of its mirrors.
 *
 * @param host         {@code host[:port]} as written in URLs
 * @param scheme       {@code http} or {@code https}
 * @param apiPrefix    {@code /v2}, or {@code /v2/<prefix>} for a mirror configured with a path
 * @param mirror       mirrors serve pulls only
 * @param insecure     skip TLS certificate verification
 * @param httpFallback retry over plain HTTP when the server does not speak TLS
 * @param ca           extra trusted CA files
 */
record Endpoint(String host, String scheme, String apiPrefix, boolean mirror, boolean insecure,
                boolean httpFallback, List<Path> ca) {

    /** {@code <scheme>://<host><prefix>/<repository>/<rest>} */
    URI uri(String repository, String rest) {
        return URI.create(scheme + "://" + host + apiPrefix + "/" + repository + "/" + rest);
    }

    URI base() {
        return URI.create(scheme + "://" + host + "/");
    }

    Endpoint overPlainHttp() {
        return new Endpoint(host, "http", apiPrefix, mirror, insecure, false, ca);
    }

    TlsSettings tls() {
        return new TlsSettings(insecure, ca);
    }

    @Override
    public String toString() {
        return scheme + "://" + host;
    }

    record TlsSettings(boolean insecure, List<Path> ca) {
    }
}
