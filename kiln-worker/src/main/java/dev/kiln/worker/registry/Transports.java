package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link HttpClient} per TLS setting. HTTP/1.1 only (BuildKit disables HTTP/2 for registry traffic because its
 * flow control throttles pushes) and no automatic redirects: {@link RegistryHttp} follows them itself so that
 * credentials never travel to another host (blob downloads redirect to storage backends).
 */
final class Transports implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(1);

    private final Map<Endpoint.TlsSettings, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClient client(Endpoint.TlsSettings tls) {
        return clients.computeIfAbsent(tls, Transports::newClient);
    }

    /**
     * Stops every client's selector thread. That thread waits in epoll inside native code, and the JVM's exit
     * waits about 300 ms for threads in native code to come back before it gives up on them.
     */
    @Override
    public void close() {
        for (HttpClient c : clients.values()) {
            c.shutdownNow();
        }
        try {
            for (HttpClient c : clients.values()) {
                c.awaitTermination(SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.clear();
    }

    private static HttpClient newClient(Endpoint.TlsSettings tls) {
        // Configured CA files are read now, so a bad one is reported as a configuration error; otherwise TLS is set
        // up on the first HTTPS connection (plain-HTTP registries never pay for it).
        SSLContext context = tls.ca().isEmpty() ? new LazySslContext(() -> sslContext(tls)) : sslContext(tls);
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .sslContext(context)
                .sslParameters(new SSLParameters()) // the engine's defaults; see LazySslContext
                .build();
    }

    private static SSLContext sslContext(Endpoint.TlsSettings tls) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            TrustManager tm = tls.insecure() ? new TrustEverything()
                    : tls.ca().isEmpty() ? new LazyTrust(tls) : trustWithExtraCas(tls);
            ctx.init(null, new TrustManager[]{tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new KilnException(ErrorKind.INTERNAL, "setting up TLS: " + e.getMessage(), e);
        }
    }

    /** The JDK's default roots plus the configured CA files (BuildKit appends to the system pool the same way). */
    private static X509TrustManager trustWithExtraCas(Endpoint.TlsSettings tls) throws GeneralSecurityException {
        X509TrustManager defaults = trustManager(null);
        if (tls.ca().isEmpty()) {
            return defaults;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int n = 0;
        for (X509Certificate root : defaults.getAcceptedIssuers()) {
            store.setCertificateEntry("default-" + n++, root);
        }
        CertificateFactory pem = CertificateFactory.getInstance("X.509");
        for (Path file : tls.ca()) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate c : pem.generateCertificates(in)) {
                    store.setCertificateEntry("extra-" + n++, c);
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                        "failed to read CA file " + file + ": " + e.getMessage(), e);
            }
        }
        return trustManager(store);
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager");
    }

    /**
     * Loads the JDK's trust roots on the first TLS handshake instead of when the client is made: reading
     * cacerts costs a noticeable part of a cached build, and plain-HTTP registries never need it.
     */
    private static final class LazyTrust extends X509ExtendedTrustManager {
        private final Endpoint.TlsSettings tls;
        private volatile X509ExtendedTrustManager delegate;

        LazyTrust(Endpoint.TlsSettings tls) {
            this.tls = tls;
        }

        private X509ExtendedTrustManager delegate() {
            X509ExtendedTrustManager d = delegate;
            if (d == null) {
                synchronized (this) {
                    if (delegate == null) {
                        try {
                            delegate = (X509ExtendedTrustManager) trustWithExtraCas(tls);
                        } catch (GeneralSecurityException e) {
                            throw new KilnException(ErrorKind.INTERNAL, "setting up TLS: " + e.getMessage(), e);
                        }
                    }
                    d = delegate;
                }
            }
            return d;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate().checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate().checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate().checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate().getAcceptedIssuers();
        }
    }

    /**
     * For {@code insecure = true}. Being an {@link X509ExtendedTrustManager} matters: JSSE then leaves host name
     * checking to it, so both the chain and the name go unchecked, as Go's InsecureSkipVerify does.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
