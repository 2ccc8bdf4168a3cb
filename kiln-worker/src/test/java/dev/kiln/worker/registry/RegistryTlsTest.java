package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.LocalContentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An HTTPS registry with a self-signed certificate (made by the JDK's keytool): ca and insecure settings. */
class RegistryTlsTest {
    private static final Fixtures IMAGE = Fixtures.image("tls");
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path certs;
    @TempDir
    Path root;
    private static FakeRegistry https;
    private static Path caPem;

    @BeforeAll
    static void startHttpsRegistry() throws Exception {
        Path keystore = certs.resolve("server.p12");
        caPem = certs.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "reg", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=kiln-test",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "reg", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", caPem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        https = new FakeRegistry(IMAGE::serve, tls);
    }

    @AfterAll
    static void stop() {
        if (https != null) {
            https.close();
        }
    }

    private RegistryClient client(RegistryHostConfig config) {
        return new RegistryClient(new LocalContentStore(root), RegistryOptions.defaults()
                .withHosts(Map.of(https.host(), config)).withCredentials(CredentialProvider.anonymous())
                .withRetries(Duration.ofMillis(1), 1));
    }

    private static ImageReference ref() {
        return ImageReference.parse(https.host() + "/team/app:latest");
    }

    @Test
    void untrustedCertificate_failsNamingTheRegistryAndTheFix() {
        RegistryHostConfig httpsOnly = new RegistryHostConfig(List.of(), Optional.of(false), false, List.of());
        assertThatThrownBy(() -> client(httpsOnly).resolve(ref()))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessageStartingWith("registry " + https.host() + " (GET https://" + https.host() + "/v2/team/app/manifests/latest): TLS failed: ")
                .hasMessageContaining("PKIX")
                .hasMessageEndingWith("(configure the registry's ca, or insecure/http, in the registry host config)");
    }

    @Test
    void configuredCa_isTrusted() {
        RegistryHostConfig withCa = new RegistryHostConfig(List.of(), Optional.of(false), false, List.of(caPem));
        assertThat(client(withCa).resolve(ref())).isEqualTo(IMAGE.indexDescriptor());
    }

    @Test
    void insecure_skipsVerification_andNeedsNoFallbackWhenTheServerSpeaksTls() {
        RegistryHostConfig insecure = new RegistryHostConfig(List.of(), Optional.empty(), true, List.of());
        assertThat(client(insecure).resolve(ref())).isEqualTo(IMAGE.indexDescriptor());
    }

    @Test
    void unreadableCaFile_isAConfigurationError() {
        Path missing = certs.resolve("missing.pem");
        RegistryHostConfig bad = new RegistryHostConfig(List.of(), Optional.of(false), false, List.of(missing));
        assertThatThrownBy(() -> client(bad).resolve(ref()))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessageStartingWith("failed to read CA file " + missing);
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
