package dev.kiln.worker.registry;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.MediaTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every registry answer is treated as hostile: failures, lies and oversized bodies never reach the store. */
class RegistryClientHostileTest {
    private static final Fixtures IMAGE = Fixtures.image("hostile");

    @TempDir
    Path root;
    private LocalContentStore store;

    @BeforeEach
    void setUp() {
        store = new LocalContentStore(root);
    }

    private RegistryClient client() {
        return new RegistryClient(store, RegistryOptions.defaults()
                .withCredentials(CredentialProvider.anonymous()).withRetries(Duration.ofMillis(5), 3));
    }

    private static ImageReference ref(FakeRegistry reg) {
        return ImageReference.parse(reg.host() + "/team/app:latest");
    }

    @Test
    void transientFailures_areRetriedWithBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FakeRegistry reg = new FakeRegistry(r -> calls.incrementAndGet() < 3
                ? FakeRegistry.Response.json(503, "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"try later\"}]}")
                : IMAGE.serve(r))) {
            assertThat(client().resolve(ref(reg))).isEqualTo(IMAGE.indexDescriptor());
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void persistentServerErrors_giveUpAfterTheLastAttempt() throws Exception {
        try (FakeRegistry reg = new FakeRegistry(r -> FakeRegistry.Response.json(503,
                "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"try later\"}]}"))) {
            assertThatThrownBy(() -> client().resolve(ref(reg)))
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                    .hasMessage(ref(reg) + ": registry " + reg.host() + " answered 503 Service Unavailable: try later");
            assertThat(reg.requests()).hasSize(3);
        }
    }

    @Test
    void connectionDroppedMidBlob_isRetriedAndNothingPartialIsStored() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FakeRegistry reg = new FakeRegistry(r -> {
            FakeRegistry.Response full = IMAGE.serve(r);
            return calls.incrementAndGet() == 1
                    ? full.truncated(5, 0) : full;
        })) {
            client().fetch(ref(reg), IMAGE.layerDescriptor());
            assertThat(calls).hasValue(2);
            assertThat(store.read(IMAGE.layerDescriptor().parsedDigest(), 1 << 20)).isEqualTo(IMAGE.layer());
            assertThat(root.resolve("ingest")).isEmptyDirectory();
        }
    }

    @Test
    void silentRegistry_timesOutInsteadOfHanging_andTheRetrySucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FakeRegistry reg = new FakeRegistry(r -> {
            FakeRegistry.Response full = IMAGE.serve(r);
            return calls.incrementAndGet() == 1 ? full.truncated(3, 10_000) : full;
        })) {
            RegistryClient client = new RegistryClient(store, RegistryOptions.defaults()
                    .withCredentials(CredentialProvider.anonymous()).withRetries(Duration.ofMillis(5), 2)
                    .withSilenceTimeout(Duration.ofMillis(300)));
            long start = System.nanoTime();
            client.fetch(ref(reg), IMAGE.layerDescriptor());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(calls).hasValue(2);
            assertThat(store.verify(IMAGE.layerDescriptor().parsedDigest())).isTrue();
        }
    }

    @Test
    void manifestWhoseBytesDoNotMatchItsDigestHeader_isRejected() throws Exception {
        try (FakeRegistry reg = new FakeRegistry(r -> FakeRegistry.Response.of(200, Map.of(
                "Content-Type", MediaTypes.OCI_INDEX, "Docker-Content-Digest", Digest.sha256("other").toString()), IMAGE.index()))) {
            assertThatThrownBy(() -> client().resolve(ref(reg)))
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION))
                    .hasMessage(ref(reg) + ": registry " + reg.host() + " sent a manifest of " + IMAGE.indexDescriptor().digest()
                            + ", expected " + Digest.sha256("other") + " (its Docker-Content-Digest)");
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void manifestFetchedByDigest_mustHashToThatDigest() throws Exception {
        try (FakeRegistry reg = new FakeRegistry(r -> FakeRegistry.Response.of(200,
                Map.of("Content-Type", MediaTypes.OCI_MANIFEST), IMAGE.manifest()))) {
            Descriptor claimed = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256("something else"), IMAGE.manifest().length);
            assertThatThrownBy(() -> client().fetch(ref(reg), claimed))
                    .hasMessageContaining("sent a manifest of " + IMAGE.manifestDescriptor().digest() + ", expected " + claimed.digest());
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void oversizedManifest_isRefusedBeforeAndWhileReading() throws Exception {
        byte[] huge = new byte[(4 << 20) + 1];
        Arrays.fill(huge, (byte) ' ');
        try (FakeRegistry reg = new FakeRegistry(r -> FakeRegistry.Response.of(200, Map.of("Content-Type", MediaTypes.OCI_INDEX), huge))) {
            assertThatThrownBy(() -> client().resolve(ref(reg)))
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION))
                    .hasMessage(ref(reg) + " manifest is too large: " + huge.length + " bytes (the limit is " + (4 << 20) + ")");
        }
        Descriptor hugeChild = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256("x"), 5L << 20);
        assertThatThrownBy(() -> client().fetch(ImageReference.parse("127.0.0.1:1/a"), hugeChild))
                .hasMessageContaining("manifest is too large");
        Descriptor hugeConfig = Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256("x"), 1L << 30);
        assertThatThrownBy(() -> client().fetch(ImageReference.parse("127.0.0.1:1/a"), hugeConfig))
                .hasMessageContaining("image config is too large: 1073741824 bytes");
    }

    @Test
    void blobWithWrongContent_isNeverPublished() throws Exception {
        byte[] evil = "evil bytes of same length!!".getBytes(StandardCharsets.UTF_8);
        Descriptor claimed = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256("good"), evil.length);
        try (FakeRegistry reg = new FakeRegistry(r -> FakeRegistry.Response.of(200, Map.of(), evil))) {
            assertThatThrownBy(() -> client().fetch(ref(reg), claimed))
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION))
                    .hasMessageStartingWith(reg.host() + "/team/app@" + claimed.digest() + ": registry " + reg.host() + " sent bad content: ")
                    .hasMessageContaining(claimed.digest());
            assertThat(store.list()).isEmpty();
            assertThat(root.resolve("ingest")).isEmptyDirectory();
        }
    }

    @Test
    void blobLongerThanItsDescriptor_isNeverPublished() throws Exception {
        Descriptor layer = IMAGE.layerDescriptor();
        Descriptor shorter = Descriptor.of(layer.mediaType(), layer.parsedDigest(), layer.size() - 1);
        try (FakeRegistry reg = new FakeRegistry(IMAGE::serve)) {
            assertThatThrownBy(() -> client().fetch(ref(reg), shorter))
                    .hasMessageContaining("announced " + layer.size() + " bytes, expected " + shorter.size());
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void unsupportedManifestTypes_areNamed() throws Exception {
        byte[] schema1 = "{\"schemaVersion\":1,\"name\":\"team/app\",\"fsLayers\":[]}".getBytes(StandardCharsets.UTF_8);
        try (FakeRegistry reg = new FakeRegistry(r -> FakeRegistry.Response.of(200,
                Map.of("Content-Type", "application/vnd.docker.distribution.manifest.v1+prettyjws"), schema1))) {
            assertThatThrownBy(() -> client().resolve(ref(reg)))
                    .hasMessage(ref(reg) + ": unsupported manifest media type application/vnd.docker.distribution.manifest.v1+prettyjws");
        }
    }

    @Test
    void mediaType_comesFromTheDocumentWhenTheHeaderIsGeneric() throws Exception {
        try (FakeRegistry reg = new FakeRegistry(r -> FakeRegistry.Response.of(200,
                Map.of("Content-Type", "application/octet-stream"), IMAGE.index()))) {
            assertThat(client().resolve(ref(reg)).mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        }
    }

    @Test
    void errorBodies_areReducedToOneShortPrintableLine() throws Exception {
        String noisy = "<html>\n\u0007<body>" + "x".repeat(1000) + "</body></html>";
        try (FakeRegistry reg = new FakeRegistry(r -> FakeRegistry.Response.json(400, noisy))) {
            assertThatThrownBy(() -> client().resolve(ref(reg)))
                    .isInstanceOfSatisfying(KilnException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain("\n", "\u0007").hasSizeLessThan(450);
                        assertThat(e.getMessage()).startsWith(ref(reg) + ": registry " + reg.host() + " answered 400 Bad Request: <html> <body>xxx");
                    });
        }
    }

    @Test
    void redirectLoops_stop() throws Exception {
        try (FakeRegistry reg = new FakeRegistry(r -> FakeRegistry.Response.status(302, "Location", r.path() + "x"))) {
            assertThatThrownBy(() -> client().resolve(ref(reg)))
                    .hasMessage(ref(reg) + ": registry " + reg.host() + " redirected more than 5 times");
        }
    }
}
