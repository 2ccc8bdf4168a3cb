package dev.kiln.exporter;

import dev.kiln.core.content.ContentStore;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.exporter.image.ImageName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Outputs that hand the image to the image store or a registry: image, registry, and docker without dest. */
class ImagePublishingTest {
    @TempDir
    static Path shared;

    private static ExportFixture fixture;

    @BeforeAll
    static void build() throws IOException {
        fixture = ExportFixture.create(shared);
    }

    /** Records calls, checking that everything the manifest references is already in the content store. */
    private record Recorder(ContentStore store, List<String> calls) implements ImagePublisher {
        @Override
        public void store(ImageName name, Descriptor manifest) {
            calls.add("store " + name + " " + checked(manifest).mediaType());
        }

        @Override
        public void push(ImageName name, Descriptor manifest) {
            calls.add("push " + name + " " + checked(manifest).mediaType());
        }

        private Descriptor checked(Descriptor manifest) {
            Manifest m = Json.parse(store.read(manifest.parsedDigest(), 1 << 20), Manifest.class, "manifest");
            assertThat(store.exists(m.config().parsedDigest())).isTrue();
            m.layers().forEach(l -> assertThat(store.exists(l.parsedDigest())).as(l.digest()).isTrue());
            return manifest;
        }
    }

    private ExportResult export(OutputSpec spec, List<String> calls) {
        Exporters exporters = new Exporters(new ExportContext(fixture.store(),
                Optional.of(new Recorder(fixture.store(), calls)), new ByteArrayOutputStream()));
        return exporters.resolve(spec).export(fixture.request(Optional.empty()));
    }

    @Test
    void image_storesEveryNameWithOciTypes() {
        List<String> calls = new ArrayList<>();

        ExportResult r = export(OutputSpec.parse("type=image,\"name=app:1,127.0.0.1:5000/team/app:1\""), calls);

        assertThat(calls).containsExactly("store docker.io/library/app:1 " + MediaTypes.OCI_MANIFEST,
                "store 127.0.0.1:5000/team/app:1 " + MediaTypes.OCI_MANIFEST);
        assertThat(r.metadata()).containsEntry("image.name", "docker.io/library/app:1,127.0.0.1:5000/team/app:1");
    }

    @Test
    void push_storesAndPushes() {
        List<String> calls = new ArrayList<>();

        export(OutputSpec.push().withAttr("name", "127.0.0.1:5000/team/app:2"), calls);

        assertThat(calls).containsExactly("store 127.0.0.1:5000/team/app:2 " + MediaTypes.OCI_MANIFEST,
                "push 127.0.0.1:5000/team/app:2 " + MediaTypes.OCI_MANIFEST);
    }

    @Test
    void load_isDockerWithoutDest_storingDockerMediaTypes() {
        List<String> calls = new ArrayList<>();

        ExportResult r = export(OutputSpec.load().withAttr("name", "loaded:3"), calls);

        assertThat(calls).containsExactly("store docker.io/library/loaded:3 " + MediaTypes.DOCKER_MANIFEST);
        assertThat(r.image().orElseThrow().descriptor().annotations()).isNull();
    }
}
