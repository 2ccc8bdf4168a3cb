package dev.kiln.worker.registry;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentInfo;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pulls from the real registry of the test environment (distribution 2.8 at 127.0.0.1:5000). */
class RegistryClientPullTest {
    @TempDir
    Path root;
    private String registry;
    private LocalContentStore store;

    @BeforeEach
    void setUp() {
        registry = TestEnv.registry("TESTENV_REGISTRY");
        store = new LocalContentStore(root);
    }

    private RegistryClient client(Map<String, RegistryHostConfig> hosts) {
        return new RegistryClient(store, TestEnv.anonymousOptions().withHosts(hosts));
    }

    @Test
    void resolve_tag_returnsTheIndexAndKeepsItsBytesVerbatim() throws Exception {
        ImageReference ref = ImageReference.parse(registry + "/library/busybox:latest");
        Descriptor index = client(Map.of()).resolve(ref);

        assertThat(index.digest()).isEqualTo(TestEnv.get("TESTENV_BUSYBOX_INDEX_DIGEST"));
        assertThat(index.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        byte[] served = curl("/v2/library/busybox/manifests/latest");
        assertThat(store.read(index.parsedDigest(), 1 << 20)).isEqualTo(served);
        assertThat(index.size()).isEqualTo(served.length);
    }

    @Test
    void fetch_childManifestsConfigAndLayers_intoTheStore() {
        ImageReference ref = ImageReference.parse(registry + "/library/busybox:latest");
        RegistryClient client = client(Map.of());
        Descriptor root = client.resolve(ref);
        Index index = Json.parse(store.read(root.parsedDigest(), 1 << 20), Index::fromJson, "index");
        assertThat(index.manifests()).extracting(Descriptor::digest).containsExactly(
                TestEnv.get("TESTENV_BUSYBOX_AMD64_DIGEST"), TestEnv.get("TESTENV_BUSYBOX_ARM64_DIGEST"));

        client.fetchAll(ref, index.manifests());
        List<Descriptor> blobs = new ArrayList<>();
        for (Descriptor m : index.manifests()) {
            Manifest manifest = Json.parse(store.read(m.parsedDigest(), 1 << 20), Manifest::fromJson, "manifest");
            blobs.add(manifest.config());
            blobs.addAll(manifest.layers());
        }
        client.fetchAll(ref, blobs);

        for (Descriptor d : blobs) {
            assertThat(store.size(d.parsedDigest())).isEqualTo(d.size());
            assertThat(store.verify(d.parsedDigest())).isTrue();
        }
        assertThat(store.list()).hasSize(1 + index.manifests().size() + blobs.size());
    }

    @Test
    void fetch_skipsContentAlreadyPresent() {
        ImageReference ref = ImageReference.parse(registry + "/library/busybox:latest");
        Descriptor root = client(Map.of()).resolve(ref);
        ContentInfo before = store.info(root.parsedDigest()).orElseThrow();
        // An unreachable registry proves that nothing is requested for content the store already has.
        ImageReference unreachable = ImageReference.parse("127.0.0.1:1/library/busybox:latest");
        client(Map.of()).fetch(unreachable, root);
        client(Map.of()).fetchAll(unreachable, List.of(root));
        assertThat(store.info(root.parsedDigest())).contains(before);
    }

    @Test
    void resolve_byDigest_verifiesTheBytes() {
        String amd64 = TestEnv.get("TESTENV_BUSYBOX_AMD64_DIGEST");
        Descriptor d = client(Map.of()).resolve(ImageReference.parse(registry + "/library/busybox@" + amd64));
        assertThat(d.digest()).isEqualTo(amd64);
        assertThat(d.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @Test
    void unknownTagOrRepository_isNotFoundWithTheRegistrysAnswer() {
        RegistryClient client = client(Map.of());
        assertThatThrownBy(() -> client.resolve(ImageReference.parse(registry + "/library/busybox:nope")))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage(registry + "/library/busybox:nope: not found: manifest unknown");
        assertThatThrownBy(() -> client.resolve(ImageReference.parse(registry + "/library/nope")))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage(registry + "/library/nope:latest: not found: manifest unknown");
        Descriptor missingBlob = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256("missing"), 7);
        assertThatThrownBy(() -> client.fetch(ImageReference.parse(registry + "/library/busybox"), missingBlob))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage(registry + "/library/busybox@" + missingBlob.digest() + ": not found: blob unknown to registry");
    }

    @Test
    void unreachableRegistry_namesTheAddressAndTheCause() {
        assertThatThrownBy(() -> client(Map.of()).resolve(ImageReference.parse("127.0.0.1:1/library/busybox")))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessage("registry 127.0.0.1:1 (GET http://127.0.0.1:1/v2/library/busybox/manifests/latest)"
                        + " is unreachable: connection refused");
    }

    @Test
    void insecureLoopbackRegistry_triesHttpsThenFallsBackToHttp() {
        RegistryHostConfig insecure = new RegistryHostConfig(List.of(), Optional.empty(), true, List.of());
        Descriptor d = client(Map.of(registry, insecure)).resolve(ImageReference.parse(registry + "/library/busybox"));
        assertThat(d.digest()).isEqualTo(TestEnv.get("TESTENV_BUSYBOX_INDEX_DIGEST"));
    }

    @Test
    void httpsRequiredButServerSpeaksHttp_failsWithATlsError() {
        RegistryHostConfig https = new RegistryHostConfig(List.of(), Optional.of(false), false, List.of());
        assertThatThrownBy(() -> client(Map.of(registry, https)).resolve(ImageReference.parse(registry + "/library/busybox")))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessageStartingWith("registry " + registry + " (GET https://" + registry)
                .hasMessageContaining("TLS failed");
    }

    @Test
    void mirror_servesDockerHubNames() {
        // The origin (registry-1.docker.io) is never contacted: the mirror answers first.
        RegistryClient client = client(Map.of("docker.io", RegistryHostConfig.withMirrors(registry)));
        Descriptor d = client.resolve(ImageReference.parse("busybox"));
        assertThat(d.digest()).isEqualTo(TestEnv.get("TESTENV_BUSYBOX_INDEX_DIGEST"));
    }

    @Test
    void failingMirror_fallsBackToTheOrigin() {
        RegistryClient client = client(Map.of(registry, RegistryHostConfig.withMirrors("127.0.0.1:1", "127.0.0.1:1/prefix")));
        Descriptor d = client.resolve(ImageReference.parse(registry + "/library/busybox"));
        assertThat(d.digest()).isEqualTo(TestEnv.get("TESTENV_BUSYBOX_INDEX_DIGEST"));
    }

    private byte[] curl(String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + registry + path))
                .header("Accept", MediaTypes.OCI_INDEX).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(req, HttpResponse.BodyHandlers.ofByteArray()).body();
        }
    }
}
