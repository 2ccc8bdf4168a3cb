package dev.kiln.worker.registry;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pushes with our client and reads back with skopeo (an independent client) and with a fresh pull. */
class RegistryClientPushTest {
    @TempDir
    Path root;
    private String registry;
    private LocalContentStore store;

    @BeforeEach
    void setUp() {
        registry = TestEnv.registry("TESTENV_REGISTRY");
        store = new LocalContentStore(root.resolve("content"));
    }

    private RegistryClient client(LocalContentStore s, long chunkSize) {
        return new RegistryClient(s, TestEnv.anonymousOptions().withChunkSize(chunkSize));
    }

    private ImageReference freshRepository(String tag) {
        return ImageReference.parse(registry + "/kiln-test-" + UUID.randomUUID().toString().substring(0, 8) + "/img:" + tag);
    }

    @Test
    void push_multiArchImage_isReadBackByteForByteBySkopeo() throws Exception {
        ImageReference source = ImageReference.parse(registry + "/library/busybox:latest");
        RegistryClient client = client(store, 0);
        Descriptor index = client.resolve(source);
        List<Descriptor> children = Json.parse(store.read(index.parsedDigest(), 1 << 20), Index::fromJson, "index").manifests();
        client.fetchAll(source, children);
        for (Descriptor child : children) {
            Manifest m = Json.parse(store.read(child.parsedDigest(), 1 << 20), Manifest::fromJson, "manifest");
            List<Descriptor> blobs = new ArrayList<>(m.layers());
            blobs.add(m.config());
            client.fetchAll(source, blobs);
        }

        ImageReference target = freshRepository("pushed");
        client.push(target, index, source);

        assertThat(skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + target))
                .isEqualTo(new String(store.read(index.parsedDigest(), 1 << 20), StandardCharsets.UTF_8));
        assertThat(JacksonOracle.mapper().readTree(skopeo("inspect", "--tls-verify=false", "docker://" + target))
                .path("Digest").asString()).isEqualTo(index.digest());
        for (Descriptor child : children) {
            assertThat(skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + target.name() + "@" + child.digest()))
                    .isEqualTo(new String(store.read(child.parsedDigest(), 1 << 20), StandardCharsets.UTF_8));
        }
    }

    @Test
    void push_chunkedUpload_roundTripsThroughAFreshPull() throws Exception {
        byte[] bigLayer = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(bigLayer);
        Fixtures small = Fixtures.image("chunked");
        Descriptor layer = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, store.put(bigLayer, null), bigLayer.length);
        store.put(small.config(), null);
        byte[] manifest = Json.bytes(new Manifest(2, MediaTypes.OCI_MANIFEST, small.configDescriptor(), List.of(layer), null));
        Descriptor manifestDesc = Descriptor.of(MediaTypes.OCI_MANIFEST, store.put(manifest, null), manifest.length);

        ImageReference target = freshRepository("chunked");
        client(store, 1024 * 1024).push(target, manifestDesc, null);

        LocalContentStore fresh = new LocalContentStore(root.resolve("fresh"));
        RegistryClient puller = client(fresh, 0);
        assertThat(puller.resolve(target)).isEqualTo(manifestDesc);
        puller.fetchAll(target, List.of(layer, small.configDescriptor()));
        assertThat(fresh.read(layer.parsedDigest(), bigLayer.length)).isEqualTo(bigLayer);
        assertThat(skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + target))
                .isEqualTo(new String(manifest, StandardCharsets.UTF_8));
    }

    @Test
    void pushBlob_mountsFromTheSourceRepository_andSkipsBlobsTheRegistryHas() throws Exception {
        Fixtures image = Fixtures.image("mount");
        Descriptor layer = Descriptor.of(image.layerDescriptor().mediaType(), store.put(image.layer(), null), image.layer().length);
        Descriptor config = Descriptor.of(image.configDescriptor().mediaType(), store.put(image.config(), null), image.config().length);
        try (FakeRegistry reg = new FakeRegistry(r -> switch (r.method()) {
            case "HEAD" -> r.path().endsWith(config.digest()) ? FakeRegistry.Response.status(200) : FakeRegistry.Response.status(404);
            case "POST" -> FakeRegistry.Response.status(201);
            default -> FakeRegistry.Response.status(500);
        })) {
            RegistryClient client = client(store, 0);
            ImageReference target = ImageReference.parse(reg.host() + "/team/app:v1");
            ImageReference source = ImageReference.parse(reg.host() + "/library/base:latest");
            client.pushBlob(target, layer, source);
            client.pushBlob(target, config, source);

            assertThat(reg.requests("POST", "/v2/team/app/blobs/uploads/")).singleElement()
                    .satisfies(r -> assertThat(r.query()).isEqualTo("mount=" + layer.digest().replace(":", "%3A") + "&from=library%2Fbase"));
            assertThat(reg.requests()).extracting(FakeRegistry.Request::method).containsExactly("HEAD", "POST", "HEAD");
        }
    }

    @Test
    void pushBlob_whenTheRegistryAcceptsTheDigestUnderAnotherName_fails() throws Exception {
        Descriptor blob = Descriptor.of(MediaTypes.OCI_LAYER, store.put("x".getBytes(StandardCharsets.UTF_8), null), 1);
        try (FakeRegistry reg = new FakeRegistry(r -> switch (r.method()) {
            case "HEAD" -> FakeRegistry.Response.status(404);
            case "POST" -> FakeRegistry.Response.status(202, "Location", "/v2/team/app/blobs/uploads/abc?state=1");
            default -> FakeRegistry.Response.status(201, "Docker-Content-Digest", Digest.sha256("y").toString());
        })) {
            assertThatThrownBy(() -> client(store, 0).pushBlob(ImageReference.parse(reg.host() + "/team/app"), blob, null))
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION))
                    .hasMessageContaining("stored the upload as " + Digest.sha256("y"));
            assertThat(reg.requests("PUT", "/v2/team/app/blobs/uploads/abc")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.query()).isEqualTo("state=1&digest=" + blob.digest().replace(":", "%3A"));
                        assertThat(r.body()).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
                    });
        }
    }

    @Test
    void push_missingLocalContent_isNotFound() {
        Descriptor absent = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256("absent"), 10);
        assertThatThrownBy(() -> client(store, 0).push(freshRepository("x"), absent, null))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("content " + absent.digest() + " not found");
    }

    private static String skopeo(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("skopeo"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("skopeo %s", String.join(" ", args)).isZero();
        return out;
    }
}
