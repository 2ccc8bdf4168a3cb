package dev.kiln.worker.registry;

import dev.kiln.core.Digest;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.MediaTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryConcurrencyTest {
    @TempDir
    Path root;

    @Test
    void fetchAll_runsInParallel_butNeverMoreThanFourRequestsPerRegistry() throws Exception {
        Map<String, byte[]> blobs = new HashMap<>();
        List<Descriptor> layers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] data = ("layer " + i).getBytes(StandardCharsets.UTF_8);
            blobs.put(Digest.sha256(data).toString(), data);
            layers.add(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(data), data.length));
        }
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        try (FakeRegistry reg = new FakeRegistry(r -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return FakeRegistry.Response.of(200, Map.of(), blobs.get(r.path().substring(r.path().lastIndexOf('/') + 1)));
        })) {
            LocalContentStore store = new LocalContentStore(root);
            RegistryClient client = new RegistryClient(store, RegistryOptions.defaults()
                    .withCredentials(CredentialProvider.anonymous()).withRetries(Duration.ofMillis(1), 1));
            client.fetchAll(ImageReference.parse(reg.host() + "/team/app"), layers);

            assertThat(mostInFlight.get()).isBetween(2, 4);
            assertThat(store.list()).hasSize(12);
        }
    }

    @Test
    void resolve_asksOncePerReference_evenWhenManyStagesAskAtOnce() throws Exception {
        Fixtures image = Fixtures.image("once");
        try (FakeRegistry reg = new FakeRegistry(r -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return image.serve(r);
        })) {
            RegistryClient client = new RegistryClient(new LocalContentStore(root), RegistryOptions.defaults()
                    .withCredentials(CredentialProvider.anonymous()).withRetries(Duration.ofMillis(1), 1));
            ImageReference ref = ImageReference.parse(reg.host() + "/team/app:latest");
            List<Thread> stages = new ArrayList<>();
            List<Descriptor> answers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 8; i++) {
                stages.add(Thread.ofVirtual().start(() -> answers.add(client.resolve(ref))));
            }
            for (Thread t : stages) {
                t.join();
            }
            answers.add(client.resolve(ref));

            assertThat(answers).hasSize(9).containsOnly(image.indexDescriptor());
            assertThat(reg.requests("GET", "/v2/team/app/manifests/")).hasSize(1);
        }
    }

    @Test
    void resolve_failure_isNotRemembered() throws Exception {
        Fixtures image = Fixtures.image("retry");
        AtomicInteger calls = new AtomicInteger();
        try (FakeRegistry reg = new FakeRegistry(r -> calls.incrementAndGet() == 1
                ? FakeRegistry.Response.json(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"not yet\"}]}")
                : image.serve(r))) {
            RegistryClient client = new RegistryClient(new LocalContentStore(root), RegistryOptions.defaults()
                    .withCredentials(CredentialProvider.anonymous()).withRetries(Duration.ofMillis(1), 1));
            ImageReference ref = ImageReference.parse(reg.host() + "/team/app:latest");
            assertThatThrownBy(() -> client.resolve(ref)).hasMessageContaining("not yet");
            assertThat(client.resolve(ref)).isEqualTo(image.indexDescriptor());
        }
    }
}
