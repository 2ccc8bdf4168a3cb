package dev.kiln.worker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class LazySslContextTest {
    @Test
    void theRealContextIsMadeOnFirstTlsUse_once() throws Exception {
        AtomicInteger made = new AtomicInteger();
        LazySslContext lazy = new LazySslContext(() -> {
            made.incrementAndGet();
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        try (HttpClient client = HttpClient.newBuilder().sslContext(lazy).sslParameters(new SSLParameters()).build()) {
            assertThat(client.sslContext()).isSameAs(lazy);
            assertThat(made).hasValue(0);
            assertThat(lazy.createSSLEngine("example.org", 443).getPeerHost()).isEqualTo("example.org");
            lazy.createSSLEngine();
            assertThat(made).hasValue(1);
        }
    }
}
